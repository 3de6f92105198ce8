package server

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cameo"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Limits on parameters.
const (
	maxLimit     = store.MaxLimit // events per page and actors per answer
	defaultLimit = store.DefaultLimit
	maxTextLen   = 500 // full-text query, bytes
	maxIDLen     = 256 // article ids and cursors, bytes
)

// filterParams are the event filters every query endpoint accepts.
var filterParams = []string{"from", "to", "actor", "country", "cameo", "root", "quad", "plover", "modality", "bbox", "q", "article", "min_confidence", "background"}

// params reads a request's query string, refusing parameters the endpoint
// does not know and parameters given more than once, so a typo ("quadclass")
// is an error rather than a silently ignored filter.
type params struct {
	v url.Values
}

func newParams(raw string, allowed ...string) (params, error) {
	v, err := url.ParseQuery(raw)
	if err != nil {
		return params{}, badParam("", "malformed query string: %v", err)
	}
	ok := make(map[string]bool, len(filterParams)+len(allowed))
	for _, a := range allowed {
		ok[a] = true
	}
	names := make([]string, 0, len(v))
	for name := range v {
		names = append(names, name)
	}
	sort.Strings(names) // report the same parameter on every run
	for _, name := range names {
		if !ok[name] {
			known := append([]string(nil), allowed...)
			sort.Strings(known)
			return params{}, badParam(name, "unknown parameter (this endpoint accepts %s)", strings.Join(known, ", "))
		}
		if len(v[name]) > 1 {
			return params{}, badParam(name, "given %d times, want at most once", len(v[name]))
		}
	}
	return params{v: v}, nil
}

func (p params) get(name string) (string, bool) {
	vs, ok := p.v[name]
	if !ok {
		return "", false
	}
	return vs[0], true
}

// withFilters returns the filter parameter names plus extra.
func withFilters(extra ...string) []string {
	return append(append([]string(nil), filterParams...), extra...)
}

// query builds a store.Query from the filter parameters.
func (s *server) query(p params) (store.Query, error) {
	var q store.Query
	var err error
	if v, ok := p.get("from"); ok {
		if q.From, err = parseDate("from", v); err != nil {
			return q, err
		}
	}
	if v, ok := p.get("to"); ok {
		if q.To, err = parseDate("to", v); err != nil {
			return q, err
		}
	}
	if q.From != "" && q.To != "" && q.To < q.From {
		return q, badParam("to", "%s is before from=%s", q.To, q.From)
	}
	if v, ok := p.get("actor"); ok {
		if q.Actor, err = parseActor(v); err != nil {
			return q, err
		}
	}
	if v, ok := p.get("country"); ok {
		if len(v) != 2 || !isLetters(v) {
			return q, badParam("country", "%q is not an ISO 3166-1 alpha-2 code (two letters, e.g. IQ)", v)
		}
		q.Country = strings.ToUpper(v)
	}
	if v, ok := p.get("cameo"); ok {
		if len(v) < 1 || len(v) > 4 || !isDigits(v) {
			return q, badParam("cameo", "%q is not a CAMEO code or code prefix (1 to 4 digits, e.g. 19 or 145)", v)
		}
		q.CAMEO = v
	}
	if v, ok := p.get("root"); ok {
		if len(v) != 2 || !isDigits(v) || cameo.QuadClass(v) == 0 {
			return q, badParam("root", "%q is not a CAMEO root code (two digits, 01 to 20)", v)
		}
		q.Root = v
	}
	if v, ok := p.get("quad"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 4 {
			return q, badParam("quad", "%q is not a QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict)", v)
		}
		q.QuadClass = n
	}
	if v, ok := p.get("plover"); ok {
		t := strings.ToUpper(v)
		if !s.plover[t] {
			return q, badParam("plover", "%q is not a PLOVER event type (one of %s)", v, strings.Join(sortedKeys(s.plover), ", "))
		}
		q.PLOVER = t
	}
	if v, ok := p.get("modality"); ok {
		switch v {
		case sitrep.Asserted, sitrep.Negated, sitrep.Failed, sitrep.Hypothetical:
			q.Modality = v
		default:
			return q, badParam("modality", "%q is not a modality (asserted, negated, failed or hypothetical)", v)
		}
	}
	if v, ok := p.get("bbox"); ok {
		if q.BBox, err = parseBBox(v); err != nil {
			return q, err
		}
	}
	if v, ok := p.get("q"); ok {
		v = strings.TrimSpace(v)
		switch {
		case v == "":
			return q, badParam("q", "empty full-text query")
		case len(v) > maxTextLen:
			return q, badParam("q", "full-text query is %d bytes, the maximum is %d", len(v), maxTextLen)
		case !utf8.ValidString(v):
			return q, badParam("q", "not valid UTF-8")
		case strings.Count(v, `"`)%2 == 1:
			return q, badParam("q", "unbalanced double quote (quotes enclose a phrase)")
		}
		q.Text = v
	}
	if v, ok := p.get("article"); ok {
		if err := checkID("article", v); err != nil {
			return q, err
		}
		q.ArticleID = v
	}
	if v, ok := p.get("min_confidence"); ok {
		c, err := strconv.ParseFloat(v, 64)
		if err != nil || !(c >= 0 && c <= 1) { // !(…) also rejects NaN
			return q, badParam("min_confidence", "%q is not a number from 0 to 1", v)
		}
		q.MinConfidence = c
	}
	// Events recounted as history are left out unless asked for.
	q.Background = store.BackgroundExclude
	if v, ok := p.get("background"); ok {
		switch v {
		case "exclude":
		case "include":
			q.Background = ""
		case "only":
			q.Background = store.BackgroundOnly
		default:
			return q, badParam("background", "%q is not one of exclude (the default), include or only", v)
		}
	}
	return q, nil
}

// sortParam reads the order of an event list: date (newest first, the
// default) or confidence (most confident first).
func sortParam(p params, q *store.Query) error {
	v, ok := p.get("sort")
	if !ok {
		return nil
	}
	switch v {
	case store.SortDate, store.SortConfidence:
		q.Sort = v
		return nil
	}
	return badParam("sort", "%q is not an order (date or confidence)", v)
}

// pageParams reads sort, limit and cursor.
func pageParams(p params, q *store.Query) error {
	if err := sortParam(p, q); err != nil {
		return err
	}
	n, err := parseLimit(p, defaultLimit)
	if err != nil {
		return err
	}
	q.Limit = n
	if v, ok := p.get("cursor"); ok && v != "" {
		if err := checkID("cursor", v); err != nil {
			return err
		}
		q.Cursor = v
	}
	return nil
}

func parseLimit(p params, def int) (int, error) {
	v, ok := p.get("limit")
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxLimit {
		return 0, badParam("limit", "%q is not a number from 1 to %d", v, maxLimit)
	}
	return n, nil
}

func parseDate(param, v string) (string, error) {
	if len(v) != len("2006-01-02") {
		return "", badParam(param, "%q is not a date in the form YYYY-MM-DD", v)
	}
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return "", badParam(param, "%q is not a valid date in the form YYYY-MM-DD", v)
	}
	return v, nil
}

// parseActor accepts a CAMEO actor code or prefix: letters, digits and the
// "-" of unknown-country codes such as ---GOV, upper-cased.
func parseActor(v string) (string, error) {
	if v == "" || len(v) > 64 {
		return "", badParam("actor", "%q is not a CAMEO actor code (1 to 64 letters, digits or -, e.g. USA or IRQMIL)", v)
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return "", badParam("actor", "%q is not a CAMEO actor code (letters, digits or -, e.g. USA or IRQMIL)", v)
		}
	}
	return strings.ToUpper(v), nil
}

func parseBBox(v string) (*store.BBox, error) {
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return nil, badParam("bbox", "%q is not minLon,minLat,maxLon,maxLat (want 4 numbers, got %d)", v, len(parts))
	}
	names := [4]string{"minLon", "minLat", "maxLon", "maxLat"}
	var f [4]float64
	for i, s := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || x != x { // x != x rejects NaN
			return nil, badParam("bbox", "%s %q is not a number", names[i], s)
		}
		lim := 180.0
		if i%2 == 1 {
			lim = 90
		}
		if x < -lim || x > lim {
			return nil, badParam("bbox", "%s %v is outside [-%v, %v]", names[i], x, lim, lim)
		}
		f[i] = x
	}
	if f[1] > f[3] {
		return nil, badParam("bbox", "minLat %v is greater than maxLat %v", f[1], f[3])
	}
	if f[0] > f[2] {
		return nil, badParam("bbox", "minLon %v is greater than maxLon %v (boxes crossing the antimeridian are not supported; split them in two)", f[0], f[2])
	}
	return &store.BBox{MinLon: f[0], MinLat: f[1], MaxLon: f[2], MaxLat: f[3]}, nil
}

func checkID(param, v string) error {
	switch {
	case v == "":
		return badParam(param, "empty")
	case len(v) > maxIDLen:
		return badParam(param, "%d bytes long, the maximum is %d", len(v), maxIDLen)
	case !utf8.ValidString(v):
		return badParam(param, "not valid UTF-8")
	}
	for _, r := range v {
		if r < 0x20 || r == 0x7f {
			return badParam(param, "contains a control character")
		}
	}
	return nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// ploverTypes returns the PLOVER event types of the CAMEO codebook.
func ploverTypes() map[string]bool {
	m := make(map[string]bool)
	for _, c := range cameo.All() {
		if c.PLOVER != "" {
			m[c.PLOVER] = true
		}
	}
	return m
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
