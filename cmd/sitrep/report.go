package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sitrep-project/sitrep/internal/report"
)

func (m *Main) report(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "report", "[PATH...]",
		"Writes the situation report of one situation, picked by --id or by a query (--place,\n--actor, --from, --to, --text; the largest matching situation), over the articles of\nPATHs (extracted in memory) or of --db. Markdown goes to stdout unless -o names files:\nFILE.md, FILE.html (self-contained, inline SVG map and timeline) or FILE.pdf.")
	var in inputFlags
	in.register(fs)
	db := fs.String("db", "", "read the articles of this database (a SQLite `FILE` or a postgres:// URL) instead of PATHs")
	var q report.Query
	fs.StringVar(&q.ID, "id", "", "situation `ID` (from 'sitrep situations')")
	fs.StringVar(&q.Place, "place", "", "a place `NAME` of one of its events")
	fs.StringVar(&q.Actor, "actor", "", "an actor code `PREFIX` or name of one of its events")
	fs.StringVar(&q.From, "from", "", "its dates reach `YYYY-MM-DD` or later")
	fs.StringVar(&q.To, "to", "", "its dates start `YYYY-MM-DD` or earlier")
	fs.StringVar(&q.Text, "text", "", "`WORDS` in its title or one of its articles")
	var outs multiFlag
	fs.Var(&outs, "o", "write the report to `FILE` (.md, .html or .pdf; repeatable)")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if err := q.Validate(); err != nil {
		return fmt.Errorf("%w: --%v", errUsage, err)
	}
	for _, o := range outs {
		switch strings.ToLower(filepath.Ext(o)) {
		case ".md", ".html", ".htm", ".pdf":
		default:
			return fmt.Errorf("%w: -o %s: want a .md, .html or .pdf file", errUsage, o)
		}
	}
	sits, c, sum, err := m.linkArticles(ctx, &in, *db, fs.Args())
	if err != nil {
		return err
	}
	found := report.Find(sits.Situations, q, c.Result)
	if len(found) == 0 {
		return fmt.Errorf("report: no situation matches (%d situations)", len(sits.Situations))
	}
	if len(found) > 1 {
		fmt.Fprintf(m.Stderr, "sitrep: %d situations match; reporting the largest, %s (others:", len(found), sits.Situations[found[0]].ID)
		for _, i := range found[1:min(len(found), 6)] {
			fmt.Fprintf(m.Stderr, " %s", sits.Situations[i].ID)
		}
		fmt.Fprintln(m.Stderr, ")")
	}
	rep := report.Build(&sits.Situations[found[0]], c.Result, sits.Duplicates)
	rep.Generated = "sitrep " + version
	if len(outs) == 0 {
		if err := rep.Markdown(m.Stdout); err != nil {
			return err
		}
	}
	for _, o := range outs {
		var buf bytes.Buffer
		switch strings.ToLower(filepath.Ext(o)) {
		case ".md":
			err = rep.Markdown(&buf)
		case ".pdf":
			err = rep.PDF(&buf)
		default:
			err = rep.HTML(&buf)
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(o, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		fmt.Fprintf(m.Stderr, "sitrep: wrote %s\n", o)
	}
	if sum != nil {
		return sum.err()
	}
	return nil
}
