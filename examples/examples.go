// Package examples embeds the sample articles shipped with sitrep, so
// 'sitrep serve --demo' works from any directory.
package examples

import "embed"

// Files holds the sample articles (*.txt in the seed format, *.jsonl).
//
//go:embed *.txt *.jsonl
var Files embed.FS
