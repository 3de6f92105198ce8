// Package web holds sitrep's browser interface: static HTML, CSS and
// JavaScript, with front-end libraries vendored from npm (see
// scripts/webdeps), embedded in the binary so the UI works offline.
//
// Input: none. Output: Assets, an fs.FS whose root holds index.html.
package web

import (
	"embed"
	"io/fs"
)

//go:embed static
var static embed.FS

// Assets returns the UI files, rooted at the directory holding index.html.
func Assets() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		// fs.Sub fails only on an invalid path, and "static" is valid.
		return static
	}
	return sub
}
