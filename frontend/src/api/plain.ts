// The generated Wails models (wailsjs/go/models.ts) are the one description of
// what the Go services send and take. They are classes with a constructor and a
// convertValues() method, so JSON from the bindings, test fixtures and React
// state (plain object literals) cannot be typed as them directly. Plain<T> is
// the data-only view of a generated class: methods dropped, nested models and
// arrays made plain as well. src/api exports `type X = Plain<ns.X>` for every
// model a screen uses; screens never write their own copy of a Go struct.

/** An RFC 3339 time as Go's encoding/json writes it (UTC). */
export type Time = string;

/* eslint-disable @typescript-eslint/no-unsafe-function-type */
type PlainObject<T> = { [K in keyof T as T[K] extends Function ? never : K]: Plain<T[K]> };

/**
 * The plain-data shape of a generated model, keeping its optional fields as
 * generated. Wails marks a field optional when the Go field is a pointer or
 * has omitempty, so the models do not say which optional fields arrive as null
 * (a nil pointer without omitempty) rather than absent: read them with `?.`,
 * `??` or a truthiness check, never `=== undefined`.
 *
 * Wails writes `any` for a Go time.Time (the only `any` in models.ts today; it
 * would write the same for an interface{} field), which arrives as an RFC 3339
 * string: that becomes Time.
 */
export type Plain<T> = 0 extends 1 & T
  ? Time
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? PlainObject<T>
      : T;
