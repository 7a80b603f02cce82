// Wails' TypeScript generator does not emit a class for a struct that only
// appears as map[K][]T (importer.FileInfo.Fields map[Kind][]FieldInfo), so
// wailsjs/go/models.ts names a FieldInfo it never declares. This global
// declaration (mirroring backend/importer/fields.go) keeps `tsc` passing until
// the Go type is reshaped or the generator emits it; it is harmless after that.
interface FieldInfo {
  field: string;
  label: string;
  required: boolean;
}
