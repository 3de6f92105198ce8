package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/report"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/backend"
)

func (m *Main) report(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "report", "[PATH...]",
		"Writes the situation report of one situation, picked by --id or by a query (--place,\n--actor, --from, --to, --text; the largest matching situation), among the\nsituations of PATHs (extracted and linked in memory) or those stored in --db by\n'sitrep ingest' (read a page at a time). Markdown goes to stdout unless -o names\nfiles: FILE.md, FILE.html (self-contained, inline SVG map and timeline) or FILE.pdf.")
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
	var sit *sitrep.Situation
	var result func(string) *sitrep.Result
	var dups []sitrep.Duplicate
	var sum *summary
	if *db != "" && len(fs.Args()) == 0 {
		// The situations ingest stored, read a page at a time.
		results, err := m.storedSituation(ctx, *db, q)
		if err != nil {
			return err
		}
		sit, dups = results.sit, results.dups
		result = func(id string) *sitrep.Result { return results.articles[id] }
	} else {
		sits, c, s, err := m.linkArticles(ctx, &in, *db, fs.Args())
		if err != nil {
			return err
		}
		found := report.Find(sits.Situations, q, c.Result)
		if len(found) == 0 {
			return fmt.Errorf("report: no situation matches (%d situations)", len(sits.Situations))
		}
		if len(found) > 1 {
			m.others(sits.Situations[found[0]].ID, len(found), func(yield func(string) bool) {
				for _, i := range found[1:] {
					if !yield(sits.Situations[i].ID) {
						return
					}
				}
			})
		}
		sit, result, dups, sum = &sits.Situations[found[0]], c.Result, sits.Duplicates, s
	}
	rep := report.Build(sit, result, dups)
	rep.Generated = "sitrep " + version
	if len(outs) == 0 {
		if err := rep.Markdown(m.Stdout); err != nil {
			return err
		}
	}
	for _, o := range outs {
		var buf bytes.Buffer
		var err error
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

// others tells that several situations matched and which one is
// reported.
func (m *Main) others(chosen string, n int, ids iter.Seq[string]) {
	fmt.Fprintf(m.Stderr, "sitrep: %d situations match; reporting the largest, %s (others:", n, chosen)
	k := 0
	for id := range ids {
		if k == 5 {
			break
		}
		fmt.Fprintf(m.Stderr, " %s", id)
		k++
	}
	fmt.Fprintln(m.Stderr, ")")
}

// storedReport is a situation read from a store with what its report needs.
type storedReport struct {
	sit      *sitrep.Situation
	articles map[string]*sitrep.Result
	dups     []sitrep.Duplicate
}

// storedSituation reads the situation q picks from the database db, as
// linking stored it: by id, or else the largest of those matching q,
// read a page of the list at a time.
func (m *Main) storedSituation(ctx context.Context, db string, q report.Query) (*storedReport, error) {
	st, err := backend.Open(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	defer st.Close()
	articles := map[string]*sitrep.Result{}
	load := func(id string) *sitrep.Result {
		if r, ok := articles[id]; ok {
			return r
		}
		r, err := st.Article(ctx, id)
		if err != nil {
			r = nil // the report says what it can without the text
		}
		articles[id] = r
		return r
	}
	var best *sitrep.Situation
	var matched []string
	if q.ID != "" {
		best, err = st.Situation(ctx, q.ID)
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("report: no situation %s in %s", q.ID, redact(db))
		}
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		if len(report.Find([]sitrep.Situation{*best}, q, load)) == 0 {
			return nil, fmt.Errorf("report: situation %s does not match the query", q.ID)
		}
	} else {
		sq := store.SituationQuery{Limit: store.MaxLimit}
		for {
			page, err := st.SituationsPage(ctx, sq)
			if err != nil {
				return nil, fmt.Errorf("report: %w", err)
			}
			for _, sum := range page.Situations {
				sit, err := st.Situation(ctx, sum.ID)
				if err != nil {
					return nil, fmt.Errorf("report: %w", err)
				}
				if q.Text != "" {
					clear(articles) // keep the texts of one situation at a time
				}
				if len(report.Find([]sitrep.Situation{*sit}, q, load)) == 0 {
					continue
				}
				matched = append(matched, sit.ID)
				if best == nil || len(sit.Articles) > len(best.Articles) {
					best = sit
				}
			}
			if sq.Cursor = page.Next; sq.Cursor == "" {
				break
			}
		}
		if best == nil {
			return nil, fmt.Errorf("report: no situation of %s matches", redact(db))
		}
		if len(matched) > 1 {
			m.others(best.ID, len(matched), func(yield func(string) bool) {
				for _, id := range matched {
					if id != best.ID && !yield(id) {
						return
					}
				}
			})
		}
	}
	clear(articles)
	for _, id := range best.Articles {
		load(id)
	}
	all, err := st.Duplicates(ctx)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	var dups []sitrep.Duplicate
	for _, d := range all {
		if slices.Contains(best.Articles, d.Copy) {
			dups = append(dups, d)
		}
	}
	return &storedReport{sit: best, articles: articles, dups: dups}, nil
}
