package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/examples"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/server"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/backend"
)

// HTTP server limits. Exports raise their own write deadline.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 10 * time.Second
)

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "serve", "",
		"Serves the JSON API, the exports and the web UI over a sitrep database.\n\nExamples:\n  sitrep serve --demo                     sample articles in a temporary database\n  sitrep serve --db events.db             a database filled by 'sitrep ingest'\n  sitrep serve --db postgres://host/db    a PostgreSQL database\n  sitrep serve --addr 127.0.0.1:0 --demo  any free port (the URL is printed)")
	db := fs.String("db", "", "database: a SQLite `FILE` or a postgres:// URL (default sitrep.db; with --demo a temporary SQLite file)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` (host:port)")
	demo := fs.Bool("demo", false, "first ingest the sample articles shipped with sitrep")
	logJSON := fs.Bool("log-json", false, "write request logs as JSON")
	var allow multiFlag
	fs.Var(&allow, "allow-host", "also answer requests for this `HOST` name (repeatable; '*' answers any). By default a server on a\nloopback address answers only localhost, 127.0.0.1 and ::1, and one on another address only that address,\nlocalhost and this machine's name, which defends it against DNS rebinding; one on 0.0.0.0 or :: answers any")
	cacheEntries := fs.Int("cache", 1024, "API answers kept in memory until the data change (0: no cache)")
	exportMax := fs.Int("export-max", server.DefaultExportMaxRows, "most events in one export request (the rest is reached with the cursor the export's trailers give)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: serve takes no arguments, got %q", errUsage, fs.Args())
	}

	var h slog.Handler = slog.NewTextHandler(m.Stderr, nil)
	if *logJSON {
		h = slog.NewJSONHandler(m.Stderr, nil)
	}
	logger := slog.New(h)

	path := *db
	if path == "" {
		path = "sitrep.db"
		if *demo {
			dir, err := os.MkdirTemp("", "sitrep-demo-")
			if err != nil {
				return fmt.Errorf("serve: %w", err)
			}
			defer os.RemoveAll(dir)
			path = filepath.Join(dir, "demo.db")
		}
	}
	st, err := backend.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()

	if *demo {
		sum, events, err := ingestDemo(ctx, m, st)
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stderr, "sitrep: demo: %s; %d events stored in %s\n", sum, events, path)
	}

	if sum, err := st.Stats(ctx, store.Query{}); err == nil && sum.Events == 0 {
		fmt.Fprintf(m.Stderr, "sitrep: %s holds no events yet: fill it with 'sitrep ingest --db %s PATH...', or try 'sitrep serve --demo'\n", path, path)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler: server.New(st, logger,
			server.WithAllowedHosts(allowedHosts(ln.Addr(), allow)...),
			server.WithExportMaxRows(*exportMax),
			server.WithCacheEntries(*cacheEntries)),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(h, slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	fmt.Fprintf(m.Stdout, "sitrep: serving %s on %s\n", path, serveURL(ln.Addr()))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintln(m.Stderr, "sitrep: server stopped")
	return nil
}

// allowedHosts is the Host allow-list of a server listening on addr,
// with the names given by --allow-host; nil allows every host.
func allowedHosts(addr net.Addr, extra []string) []string {
	if slices.Contains(extra, "*") {
		return nil
	}
	host, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || ip.IsUnspecified() {
		if len(extra) == 0 {
			return nil
		}
	}
	hosts := append([]string{"localhost", "127.0.0.1", "::1"}, extra...)
	if ip != nil && !ip.IsLoopback() && !ip.IsUnspecified() {
		hosts = append(hosts, ip.String())
		if name, err := os.Hostname(); err == nil {
			hosts = append(hosts, name)
		}
	}
	return hosts
}

// serveURL is the URL a browser on this machine can open for addr.
func serveURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String() + "/"
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// ingestDemo runs the pipeline over the sample articles embedded in the
// binary and stores the results. It returns the ingest summary and the
// number of events stored.
func ingestDemo(ctx context.Context, m *Main, st store.Store) (summary, int, error) {
	var sum summary
	dir, err := os.MkdirTemp("", "sitrep-examples-")
	if err != nil {
		return sum, 0, fmt.Errorf("serve: demo: %w", err)
	}
	defer os.RemoveAll(dir)
	// The ingest reader reads files, so copy the embedded samples out.
	if err := os.CopyFS(dir, examples.Files); err != nil {
		return sum, 0, fmt.Errorf("serve: demo: copy sample articles: %w", err)
	}
	p, err := newPipeline(pipeline.Config{})
	if err != nil {
		return sum, 0, err
	}
	var results []*sitrep.Result
	events := 0
	err = process(ctx, m, p, pipeline.RunOptions{Workers: runtime.GOMAXPROCS(0)}, ingest.Options{}, []string{dir}, &sum, &reporter{warn: newWarnings(m.Stderr, -1), bar: &progress{}}, nil, func(res *sitrep.Result) error {
		results = append(results, res)
		events += len(res.Events)
		return nil
	})
	if err != nil {
		return sum, 0, err
	}
	if _, err := store.PutAll(ctx, st, results); err != nil {
		return sum, 0, fmt.Errorf("serve: demo: store: %w", err)
	}
	if _, _, err := relink(ctx, st); err != nil {
		return sum, 0, fmt.Errorf("serve: demo: %w", err)
	}
	return sum, events, nil
}
