// Package server is sitrep's HTTP interface: a JSON API over a store.Store
// (events with filters and cursor pagination, one event with its evidence
// and article, one article with all its annotations, actor counts, a
// timeline and summary statistics), exports of any filter as CSV, JSONL,
// GeoJSON, PLOVER JSONL or GDELT 2.0 event-table TSV, and the embedded
// web UI.
//
// Input: a store.Store and HTTP requests. Output: an http.Handler. Every
// query parameter is validated; an invalid one is answered with 400 and
// {"error": "...", "param": "..."} naming the parameter and the reason.
// Unknown ids answer 404, everything else that fails 500. The exported
// columns are documented in docs/EXPORTS.md.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path"
	"runtime/debug"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/web"
)

// Option configures the handler built by New.
type Option func(*config)

type config struct {
	assets        fs.FS
	pageSize      int
	now           func() time.Time
	queryTimeout  time.Duration
	allowedHosts  map[string]bool
	exportMaxRows int
	cacheEntries  int
}

// WithAssets serves assets at / instead of the embedded web UI.
func WithAssets(assets fs.FS) Option { return func(c *config) { c.assets = assets } }

// WithExportPageSize sets how many events an export reads from the store
// per query (default 1000, the store's maximum).
func WithExportPageSize(n int) Option {
	return func(c *config) {
		if n > 0 && n <= maxLimit {
			c.pageSize = n
		}
	}
}

// WithQueryTimeout bounds the time one API query (not an export) may
// take; a query cut short answers 503. The default is 30 seconds.
func WithQueryTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.queryTimeout = d
		}
	}
}

// WithAllowedHosts answers only requests whose Host header names one of
// hosts (host names or IP addresses, without port; matched without
// regard to case), and refuses others with 403. It defends a server on a
// private address against DNS rebinding: a web page whose name is made
// to resolve to this address cannot read the API. No hosts, the default,
// allow every Host.
func WithAllowedHosts(hosts ...string) Option {
	return func(c *config) {
		if len(hosts) == 0 {
			c.allowedHosts = nil
			return
		}
		c.allowedHosts = make(map[string]bool, len(hosts))
		for _, h := range hosts {
			c.allowedHosts[strings.ToLower(strings.Trim(h, "[]"))] = true
		}
	}
}

// WithExportMaxRows caps the events of one export request (default
// DefaultExportMaxRows); an export cut by the cap says so in its
// trailers and how to go on (see docs/EXPORTS.md).
func WithExportMaxRows(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.exportMaxRows = n
		}
	}
}

// WithCacheEntries sets how many answers the response cache keeps
// (default 1024; 0 or less turns it off).
func WithCacheEntries(n int) Option { return func(c *config) { c.cacheEntries = n } }

// WithClock sets the clock used for export file names.
func WithClock(now func() time.Time) Option { return func(c *config) { c.now = now } }

// server answers the API; New wraps it in an http.Handler.
type server struct {
	st       store.Store
	log      *slog.Logger
	cfg      config
	plover   map[string]bool // valid PLOVER event types
	versions store.Versioner // nil when the store keeps no version: no cache
	cache    *respCache
}

// New returns the handler for the API, the exports and the web UI.
// logger receives one line per request; nil discards logs.
func New(st store.Store, logger *slog.Logger, opts ...Option) http.Handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cfg := config{assets: web.Assets(), pageSize: maxLimit, now: time.Now, queryTimeout: 30 * time.Second,
		exportMaxRows: DefaultExportMaxRows, cacheEntries: 1024}
	for _, o := range opts {
		o(&cfg)
	}
	s := &server{st: st, log: logger, cfg: cfg, plover: ploverTypes()}
	if v, ok := st.(store.Versioner); ok && cfg.cacheEntries > 0 {
		s.versions = v
		s.cache = newRespCache(cfg.cacheEntries, 64<<20)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /api/events", s.bounded(s.cached(s.events)))
	mux.HandleFunc("GET /api/events/{id}", s.bounded(s.cached(s.event)))
	mux.HandleFunc("GET /api/articles/{id}", s.bounded(s.cached(s.article)))
	mux.HandleFunc("GET /api/actors", s.bounded(s.cached(s.actors)))
	mux.HandleFunc("GET /api/timeline", s.bounded(s.cached(s.timeline)))
	mux.HandleFunc("GET /api/stats", s.bounded(s.cached(s.stats)))
	mux.HandleFunc("GET /api/situations", s.bounded(s.cached(s.situations)))
	mux.HandleFunc("GET /api/situations/{id}", s.bounded(s.cached(s.situation)))
	mux.HandleFunc("GET /api/situations/{id}/report", s.bounded(s.cached(s.situationReport)))
	mux.HandleFunc("GET /api/export", s.export)
	mux.HandleFunc("GET /api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint", "")
	})
	mux.Handle("GET /", noListing(cfg.assets, http.FileServerFS(cfg.assets)))
	return s.logRequests(s.checkHost(s.recoverPanics(mux)))
}

// checkHost refuses requests whose Host header is not allowed (see
// WithAllowedHosts).
func (s *server) checkHost(next http.Handler) http.Handler {
	if s.cfg.allowedHosts == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if !s.cfg.allowedHosts[strings.ToLower(strings.Trim(host, "[]"))] {
			writeError(w, http.StatusForbidden, fmt.Sprintf("host %q is not served here (start the server with --allow-host %s to allow it)", r.Host, host), "")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// noListing serves directories only through their index.html: a
// directory without one is not found, rather than listed.
func noListing(assets fs.FS, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.Trim(path.Clean(r.URL.Path), "/")
		if name == "" {
			name = "."
		}
		if st, err := fs.Stat(assets, name); err == nil && st.IsDir() {
			if _, err := fs.Stat(assets, path.Join(name, "index.html")); err != nil {
				http.NotFound(w, r)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// apiError is the body of every error response.
type apiError struct {
	Error string `json:"error"`
	Param string `json:"param,omitempty"`
}

// paramError is an invalid query parameter.
type paramError struct {
	param, reason string
}

func (e *paramError) Error() string {
	if e.param == "" {
		return e.reason
	}
	return e.param + ": " + e.reason
}

func badParam(param, format string, args ...any) error {
	return &paramError{param: param, reason: fmt.Sprintf(format, args...)}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	// A failed write means the client went away; there is no one to tell.
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg, param string) {
	writeJSON(w, status, apiError{Error: msg, Param: param})
}

// fail answers err: 400 for a bad parameter, 404 for an unknown id, 500
// (with the detail logged, not shown) for anything else.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	var qe *store.QueryError
	switch {
	case errors.As(err, &pe):
		writeError(w, http.StatusBadRequest, pe.Error(), pe.param)
	case errors.As(err, &qe):
		// The store refused a query the server let through (a cursor
		// from another database, a full-text query its syntax rejects).
		param := apiParam(qe.Param)
		writeError(w, http.StatusBadRequest, param+": "+qe.Reason, param)
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "not found", "")
	case errors.Is(err, context.DeadlineExceeded):
		s.log.Warn("query timed out", "url", r.URL.String(), "timeout", s.cfg.queryTimeout)
		writeError(w, http.StatusServiceUnavailable, "query timed out; narrow the filters", "")
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The client left; nothing useful can be written.
		s.log.Debug("request canceled", "path", r.URL.Path)
	default:
		s.log.Error("request failed", "method", r.Method, "url", r.URL.String(), "err", err)
		writeError(w, http.StatusInternalServerError, "internal error", "")
	}
}

// apiParam maps a store.QueryError parameter to the API's name for it.
func apiParam(p string) string {
	switch p {
	case "quad_class":
		return "quad"
	case "text":
		return "q"
	}
	return p
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// bounded gives a query handler a deadline, so one expensive query cannot
// hold a database connection for ever.
func (s *server) bounded(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.queryTimeout)
		defer cancel()
		h(w, r.WithContext(ctx))
	}
}

// statusWriter records the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach Flush on the real writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		// Browsers must not guess types: a JSON error is not HTML.
		w.Header().Set("X-Content-Type-Options", "nosniff")
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			status := sw.status
			if status == 0 {
				status = http.StatusOK
			}
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "http",
				slog.String("method", r.Method),
				slog.String("url", r.URL.RequestURI()),
				slog.Int("status", status),
				slog.Int64("bytes", sw.bytes),
				slog.Duration("dur", time.Since(start)),
				slog.String("remote", r.RemoteAddr))
		}()
		next.ServeHTTP(sw, r)
	})
}

// recoverPanics turns a panic in a handler into a 500 (when nothing has
// been written yet) and a log line with the stack, so one bad request
// never takes the server down.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				// Deliberate abort of a streamed response: let net/http
				// cut the connection so the client sees it is truncated.
				panic(v)
			}
			s.log.Error("panic serving request", "url", r.URL.String(), "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			if sw, ok := w.(*statusWriter); ok && sw.status != 0 {
				panic(http.ErrAbortHandler)
			}
			writeError(w, http.StatusInternalServerError, "internal error", "")
		}()
		next.ServeHTTP(w, r)
	})
}
