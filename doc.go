// Package sitrep holds the data model shared by every stage of the sitrep
// pipeline: the article as read, the text layer built over it, and the facts
// extracted from it (entities, time expressions, captions, quotes, casualties,
// places and events).
//
// Every offset in this package is a byte offset into Article.Text, with End
// exclusive, so any fact can be traced back to the exact text it came from.
// The package has no behaviour beyond small helpers on these types; the
// stages live under internal/.
package sitrep
