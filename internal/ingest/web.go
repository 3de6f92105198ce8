package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/htmlpage"
	"github.com/sitrep-project/sitrep/internal/warc"
)

// isWARC reports whether an input starts like a web archive: "WARC/" or,
// for a file named *.warc.gz, a gzip header.
func isWARC(name string, head []byte) bool {
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return true
	}
	return bytes.HasPrefix(head, []byte{0x1f, 0x8b}) && strings.HasSuffix(strings.ToLower(name), ".warc.gz")
}

// htmlStarts are the ways an HTML document begins, after white space and
// comments, in lower case.
var htmlStarts = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<?xml"}

// isHTML reports whether an input is an HTML page, by its first bytes or
// its extension.
func isHTML(name string, head []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	h := bytes.TrimLeft(head, " \t\r\n\ufeff")
	for bytes.HasPrefix(h, []byte("<!--")) {
		end := bytes.Index(h, []byte("-->"))
		if end < 0 {
			return false
		}
		h = bytes.TrimLeft(h[end+3:], " \t\r\n")
	}
	lower := bytes.ToLower(h[:min(len(h), 16)])
	for _, s := range htmlStarts {
		if bytes.HasPrefix(lower, []byte(s)) {
			return !bytes.Equal(lower[:5], []byte("<?xml")) || bytes.Contains(bytes.ToLower(head), []byte("<html"))
		}
	}
	return false
}

// readHTML reads one HTML page.
func (r *Reader) readHTML(name string, br *bufio.Reader, fn func(Item) error) error {
	pg, err := htmlpage.Extract(br, htmlpage.Options{MaxBytes: r.opts.MaxPageBytes})
	if err != nil {
		return fn(Item{Err: &Error{File: name, Offset: -1, Reason: pageReason(err), Skipped: true}})
	}
	return r.fromPage(pg, name, name, -1, "", fn)
}

// readWARC reads the HTML pages of a web archive, one article each.
func (r *Reader) readWARC(ctx context.Context, name string, br *bufio.Reader, fn func(Item) error) error {
	var ferr error
	st, err := warc.Read(ctx, br, func(p warc.Page) error {
		pg, err := htmlpage.Extract(p.Body, htmlpage.Options{URL: p.URI, ContentType: p.ContentType, MaxBytes: r.opts.MaxPageBytes})
		if err != nil {
			ferr = fn(Item{Err: &Error{File: name, Offset: p.Offset, Reason: p.URI + ": " + pageReason(err), Skipped: true}})
			return ferr
		}
		archived := ""
		if !p.Date.IsZero() {
			archived = p.Date.UTC().Format("2006-01-02")
		}
		ferr = r.fromPage(pg, name, fmt.Sprintf("%s@%d", name, p.Offset), p.Offset, archived, fn)
		return ferr
	}, func(off int64, reason string) {
		if ferr == nil {
			ferr = fn(Item{Err: &Error{File: name, Offset: off, Reason: reason}})
		}
	})
	if ferr != nil {
		return ferr
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		return fn(Item{Err: &Error{File: name, Offset: -1, Reason: err.Error(), Skipped: true}})
	}
	if err == nil && st.Pages == 0 {
		return fn(Item{Err: &Error{File: name, Offset: -1, Reason: fmt.Sprintf("web archive of %d records holds no HTML page", st.Records), Skipped: true}})
	}
	return err
}

func pageReason(err error) string {
	return strings.TrimPrefix(err.Error(), "htmlpage: ")
}

// fromPage turns an extracted page into an article: its text cleaned and
// bounded like any other, its date from the page's metadata, or else
// Options.Date, or else the date the page was archived (fallback).
func (r *Reader) fromPage(pg *htmlpage.Page, name, origin string, off int64, fallback string, fn func(Item) error) error {
	a := pg.Article
	art := &sitrep.Article{ID: a.ID, Published: a.Published, Title: field(a.Title), URL: field(a.URL),
		Source: field(a.Source), Byline: field(pg.Byline), Origin: origin}
	var warns []string
	text, probs := cleanText([]byte(a.Text))
	if probs.controls > 0 {
		warns = append(warns, fmt.Sprintf("%d control characters replaced by spaces", probs.controls))
	}
	if len(text) > r.opts.MaxArticleBytes {
		text = truncate(text, r.opts.MaxArticleBytes)
		warns = append(warns, fmt.Sprintf("text longer than %d bytes; cut at byte %d, the last sentence boundary before the limit", r.opts.MaxArticleBytes, len(text)))
	}
	if strings.TrimSpace(text) == "" {
		return fn(Item{Err: &Error{File: name, Offset: off, Reason: "no text in page", Skipped: true}})
	}
	art.Text = text
	switch {
	case art.Published != "":
	case r.opts.Date != "":
		art.Published = r.opts.Date
	case fallback != "":
		art.Published = fallback
	default:
		warns = append(warns, "no publication date in the page's metadata; relative dates left unresolved")
	}
	it := Item{Article: art}
	if len(warns) > 0 {
		it.Err = &Error{File: name, Offset: off, Reason: strings.Join(warns, "; ")}
	}
	return fn(it)
}
