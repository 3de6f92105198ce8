// Package warc reads web archives (WARC 1.0 and 1.1, plain or gzipped
// record by record, as Common Crawl's CC-News is) and hands over their
// HTML pages one at a time.
//
// Input: a stream of WARC records. Output: for each HTTP response record
// with status 200 and an HTML content type, and each resource record of
// type text/html, a Page whose Body streams the payload; every other
// record (requests, metadata, warcinfo, redirects, images) is passed over.
// Nothing is loaded whole: records are read in turn from the stream, and
// a page's body is read only as far as the caller reads it.
//
// Problems are reported, not fatal: a record that breaks the format is
// reported with its byte offset through Options.Problem and reading goes
// on where the format allows; a truncated file ends the reading with an
// error naming the offset of the record cut short. The reader is
// github.com/nlnwa/gowarc (Apache-2.0).
package warc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// Page is one archived HTML page.
type Page struct {
	// URI is the WARC-Target-URI: the address the page was fetched from.
	URI string
	// Date is the WARC-Date: when the page was archived (zero if unknown).
	Date time.Time
	// ContentType is the HTTP Content-Type (or the record's, for a
	// resource record).
	ContentType string
	// RecordID is the WARC-Record-ID.
	RecordID string
	// Offset is the byte offset of the record in the (compressed) file.
	Offset int64
	// Body streams the payload; it is valid only during the call that
	// receives the page.
	Body io.Reader
}

// Stats count what Read saw.
type Stats struct {
	Records int // records read
	Pages   int // HTML pages handed over
}

// Read reads WARC records from r and calls page for each HTML page, in
// order, and problem for each record that could not be read cleanly. It
// stops when r ends, when ctx is done, when page returns an error (which
// it returns) or at a fatal format error (returned with its offset).
func Read(ctx context.Context, r io.Reader, page func(Page) error, problem func(offset int64, reason string)) (Stats, error) {
	var st Stats
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore))
	if err != nil {
		return st, fmt.Errorf("warc: %w", err)
	}
	defer wr.Close()
	// A record whose header or block breaks off where the file ends was
	// truncated, although the library reads it as a record with problems.
	// (Spec violations are reported rather than ignored: with them ignored,
	// the library of this version hands over resource blocks empty.)
	lastBroken := int64(-1)
	for {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		rec, err := wr.Next()
		if errors.Is(err, io.EOF) {
			if lastBroken >= 0 {
				return st, fmt.Errorf("warc: record at byte %d: truncated (the file ends inside it)", lastBroken)
			}
			return st, nil
		}
		lastBroken = -1
		if err != nil {
			rec.Close()
			if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "EOF") {
				return st, fmt.Errorf("warc: record at byte %d: truncated: %w", rec.Offset, err)
			}
			return st, fmt.Errorf("warc: record at byte %d: %w", rec.Offset, err)
		}
		st.Records++
		if len(rec.Validation) > 0 {
			problem(rec.Offset, "malformed record: "+rec.Validation[0].Error())
			if cutShort(rec.Validation) {
				lastBroken = rec.Offset
			}
		}
		p, ok := htmlPage(rec)
		if ok {
			st.Pages++
			err = page(p)
		}
		// Close reads the rest of the record, so the next one starts in
		// the right place; a record cut short shows here.
		cerr := rec.Close()
		if err != nil {
			return st, err
		}
		if cerr != nil {
			return st, fmt.Errorf("warc: record at byte %d: %w", rec.Offset, cerr)
		}
	}
}

// cutShort reports whether validation findings show a record that breaks
// off: a header without its end, a block without its end marker.
func cutShort(errs []error) bool {
	for _, e := range errs {
		m := e.Error()
		if strings.Contains(m, "EOF") || strings.Contains(m, "missing newline") || strings.Contains(m, "too few bytes") || strings.Contains(m, "end of record") {
			return true
		}
	}
	return false
}

// htmlPage returns the page a record holds, if it is one.
func htmlPage(rec gowarc.Record) (Page, bool) {
	w := rec.WarcRecord
	if w == nil {
		return Page{}, false
	}
	h := w.WarcHeader()
	p := Page{
		URI:      strings.Trim(h.Get(gowarc.WarcTargetURI), "<>"),
		RecordID: w.RecordId(),
		Offset:   rec.Offset,
	}
	p.Date, _ = w.Date()
	switch w.Type() {
	case gowarc.Response:
		b, ok := w.Block().(gowarc.HttpResponseBlock)
		if !ok || b.HttpStatusCode() != http.StatusOK {
			return Page{}, false
		}
		p.ContentType = b.HttpHeader().Get("Content-Type")
		if !isHTML(p.ContentType) {
			return Page{}, false
		}
		body, err := b.PayloadBytes()
		if err != nil {
			return Page{}, false
		}
		p.Body = body
	case gowarc.Resource:
		p.ContentType = h.Get(gowarc.ContentType)
		if !isHTML(p.ContentType) {
			return Page{}, false
		}
		var body io.Reader
		var err error
		if b, ok := w.Block().(gowarc.PayloadBlock); ok {
			body, err = b.PayloadBytes()
		} else {
			body, err = w.Block().RawBytes()
		}
		if err != nil {
			return Page{}, false
		}
		p.Body = body
	default:
		return Page{}, false
	}
	return p, true
}

// isHTML reports whether a Content-Type names an HTML document.
func isHTML(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
