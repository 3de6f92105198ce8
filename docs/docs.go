// Package docs embeds the documentation the sitrep binary prints, so the
// text shipped in docs/ and the text printed by 'sitrep schema' are one.
package docs

import _ "embed"

// Schema is docs/SCHEMA.md: the output contract of 'sitrep extract'.
//
//go:embed SCHEMA.md
var Schema string
