package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sitrep-project/sitrep/internal/server"
	"github.com/sitrep-project/sitrep/internal/store/backend"
)

func (m *Main) export(ctx context.Context, args []string) error {
	formats := strings.Join(server.ExportFormats(), ", ")
	fs := newFlagSet(m, "export", "",
		"Writes the events of a database in an export format, as GET /api/export does,\nwithout a server and without its row cap: every matching event, newest first.")
	db := fs.String("db", "sitrep.db", "database: a SQLite `FILE` or a postgres:// URL")
	format := fs.String("format", "", "export format: "+formats+" (required)")
	filter := fs.String("filter", "", "event filters as an API `QUERY` string, e.g. 'country=IQ&root=18&from=2024-01-01' (see docs/EXPORTS.md); sort=confidence orders by confidence")
	out := fs.String("o", "", "write to `FILE` instead of stdout")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("%w: export takes no arguments (filters go in --filter)", errUsage)
	}
	if *format == "" {
		fs.Usage()
		return fmt.Errorf("%w: export needs --format (%s)", errUsage, formats)
	}
	if _, err := os.Stat(*db); err != nil && !strings.Contains(*db, "://") {
		return fmt.Errorf("%w: --db %s: %v", errUsage, *db, err)
	}
	st, err := backend.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer st.Close()
	var w io.Writer = m.Stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	n, err := server.Export(ctx, st, bw, *format, strings.TrimPrefix(*filter, "?"))
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err == nil && f != nil {
		err = f.Close()
	}
	if err != nil {
		if n == 0 && ctx.Err() == nil && isParamError(err) {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(m.Stderr, "sitrep: exported %d events\n", n)
	return nil
}

// isParamError reports whether err is about the format or filters given.
func isParamError(err error) bool {
	_, ok := server.ParamName(err)
	return ok
}
