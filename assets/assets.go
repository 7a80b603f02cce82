// Package assets holds files Shopclerk ships inside its binary: the fonts
// its PDFs are written in. They are data, not code; each keeps its licence
// beside it.
package assets

import "embed"

// Fonts are TrueType fonts for PDFs, by file name (see fonts/README.md):
// DejaVu Sans for Latin, Greek and Cyrillic, Amiri for Arabic script
// (Arabic, Persian, Urdu), VL Gothic for Japanese.
//
//go:embed fonts/*.ttf
var Fonts embed.FS
