package server

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/sitrep-project/sitrep/internal/store"
)

// ParseFilters reads the event filters of the API (from, to, actor,
// country, cameo, root, quad, plover, modality, bbox, q, article,
// min_confidence, background) from a query string, with the checks and
// messages of the API, for users of the filters outside a request (alert
// rules, the export command).
func ParseFilters(raw string) (store.Query, error) {
	return parseFilters(raw)
}

func parseFilters(raw string, extra ...string) (store.Query, error) {
	p, err := newParams(raw, withFilters(extra...)...)
	if err != nil {
		return store.Query{}, err
	}
	s := &server{plover: ploverTypes()}
	q, err := s.query(p)
	if err == nil {
		err = sortParam(p, &q)
	}
	return q, err
}

// ExportFormats are the names of the export formats.
func ExportFormats() []string {
	names := make([]string, 0, len(exportFormats))
	for n := range exportFormats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Export writes to w, in format, every event of st matching the filters
// (and sort) of the query string raw, as GET /api/export does but
// without a row cap or time limits. It returns the number of events
// written.
func Export(ctx context.Context, st store.Store, w io.Writer, format, raw string) (int, error) {
	f, ok := exportFormats[format]
	if !ok {
		return 0, badParam("format", "%q is not an export format (%v)", format, ExportFormats())
	}
	q, err := parseFilters(raw, "sort")
	if err != nil {
		return 0, err
	}
	q.Limit = maxLimit
	s := &server{st: st, cfg: config{exportMaxRows: math.MaxInt, pageSize: maxLimit}}
	page, err := st.Events(ctx, q)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	ew := f.newWriter(bw)
	var arts *articleCache
	if f.needsArticles {
		arts = newArticleCache(st, 4096)
	}
	n, _, err := s.streamEvents(ctx, q, page, ew, arts, bw, func() {})
	if err == nil {
		err = ew.end()
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return n, err
}

// ParamName returns the parameter an error of ParseFilters or Export is
// about, and whether it is such an error.
func ParamName(err error) (string, bool) {
	var pe *paramError
	if errors.As(err, &pe) {
		return pe.param, true
	}
	return "", false
}
