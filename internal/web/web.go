// Package web holds sitrep's browser interface: static HTML, CSS and
// JavaScript, with front-end libraries vendored from npm (see
// scripts/webdeps), embedded in the binary so the UI works offline.
//
// The page (index.html, app.css, js/*.js as plain ES modules, no build
// step) reads the JSON API under api/ relative to itself: a world map of
// Natural Earth outlines with clustered markers coloured by QuadClass
// (js/map.js), a timeline stacked by QuadClass whose drag selection sets
// the date range (js/timeline.js), a filter bar, an event table with
// cursor pagination, an event card marking the source, trigger, target
// and place spans in the evidence sentence (js/card.js; byte offsets are
// converted in js/spans.js), an article view with every annotation
// coloured (js/article.js), and export links. Filters, the selected event,
// the open article and the page size live in the page's query string, so
// every view is a link. cameo.json (code names) is written from
// internal/cameo by `go test ./internal/web -update`.
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
