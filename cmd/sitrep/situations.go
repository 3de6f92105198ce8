package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cluster"
	"github.com/sitrep-project/sitrep/internal/store/backend"
)

func (m *Main) situations(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "situations", "[PATH...]",
		"Links event mentions into events across sentences and articles, marks near-duplicate\narticles and groups articles and events into situations; prints one JSON object\n{situations, duplicates} (docs/SCHEMA.md). With PATHs it extracts those articles in\nmemory; with --db and no PATH it reads the articles stored there. Memory stays\nbounded on long inputs: situations quiet for 2,000 articles and 14 days are printed\nand forgotten as it goes.")
	var in inputFlags
	in.register(fs)
	db := fs.String("db", "", "read the articles of this database (a SQLite `FILE` or a postgres:// URL) instead of PATHs")
	pretty := fs.Bool("pretty", false, "indent the JSON")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	out := newSituationsWriter(m.Stdout, *pretty)
	c := cluster.New(cluster.StreamConfig())
	add := func(res *sitrep.Result) error {
		c.Add(res)
		return out.write(c.TakeSettled())
	}
	var sum *summary
	switch {
	case *db != "" && len(fs.Args()) > 0:
		return fmt.Errorf("%w: give --db or PATHs, not both", errUsage)
	case *db != "":
		st, err := backend.Open(ctx, *db)
		if err != nil {
			return fmt.Errorf("situations: %w", err)
		}
		defer st.Close()
		if err := linkStore(ctx, c, st, func(*sitrep.Result) error { return out.write(c.TakeSettled()) }); err != nil {
			return err
		}
	case len(fs.Args()) == 0:
		return fmt.Errorf("%w: give PATHs (or - for stdin) or --db", errUsage)
	default:
		opts, err := in.options()
		if err != nil {
			return err
		}
		p, err := newPipeline(in.config())
		if err != nil {
			return err
		}
		sum = &summary{}
		rep := m.newReporter(fs.Args(), "situations", true)
		err = process(ctx, m, p, in.run(), opts, fs.Args(), sum, rep, nil, add)
		rep.done()
		if err != nil {
			return err
		}
	}
	if err := out.write(c.Snapshot()); err != nil {
		return err
	}
	if err := out.close(); err != nil {
		return err
	}
	if sum != nil {
		fmt.Fprintln(m.Stderr, "sitrep:", *sum)
		return sum.err()
	}
	return nil
}

// situationsWriter prints linking output as one JSON object
// {situations, duplicates} while situations settle, so that linking a
// long stream does not hold them all.
type situationsWriter struct {
	w      *bufio.Writer
	pretty bool
	n      int
	dups   []sitrep.Duplicate
}

func newSituationsWriter(w io.Writer, pretty bool) *situationsWriter {
	return &situationsWriter{w: bufio.NewWriter(w), pretty: pretty, dups: []sitrep.Duplicate{}}
}

// write prints the situations of out and keeps its duplicates for the
// end.
func (sw *situationsWriter) write(out *sitrep.Situations) error {
	sw.dups = append(sw.dups, out.Duplicates...)
	for i := range out.Situations {
		if err := sw.value(&out.Situations[i]); err != nil {
			return err
		}
	}
	return nil
}

func (sw *situationsWriter) value(s *sitrep.Situation) error {
	switch {
	case sw.n == 0 && sw.pretty:
		sw.w.WriteString("{\n  \"situations\": [\n    ")
	case sw.n == 0:
		sw.w.WriteString(`{"situations":[`)
	case sw.pretty:
		sw.w.WriteString(",\n    ")
	default:
		sw.w.WriteString(",")
	}
	sw.n++
	return sw.encode(s, "    ")
}

func (sw *situationsWriter) encode(v any, prefix string) error {
	var b []byte
	var err error
	if sw.pretty {
		b, err = json.MarshalIndent(v, prefix, "  ")
	} else {
		b, err = json.Marshal(v)
	}
	if err != nil {
		return fmt.Errorf("situations: %w", err)
	}
	sw.w.Write(b)
	return nil
}

// close prints the duplicates and ends the object.
func (sw *situationsWriter) close() error {
	switch {
	case sw.n == 0 && sw.pretty:
		sw.w.WriteString("{\n  \"situations\": [],\n  \"duplicates\": ")
	case sw.n == 0:
		sw.w.WriteString(`{"situations":[],"duplicates":`)
	case sw.pretty:
		sw.w.WriteString("\n  ],\n  \"duplicates\": ")
	default:
		sw.w.WriteString(`],"duplicates":`)
	}
	if err := sw.encode(sw.dups, "  "); err != nil {
		return err
	}
	if sw.pretty {
		sw.w.WriteString("\n}\n")
	} else {
		sw.w.WriteString("}\n")
	}
	if err := sw.w.Flush(); err != nil {
		return fmt.Errorf("situations: %w", err)
	}
	return nil
}

// linkArticles runs linking over the articles of PATHs (extracted in
// memory) or, with db set and no PATH, of a database, and returns the
// result with the clusterer (which holds the articles). The summary is
// nil for a database.
func (m *Main) linkArticles(ctx context.Context, in *inputFlags, db string, paths []string) (*sitrep.Situations, *cluster.Clusterer, *summary, error) {
	c := cluster.New(cluster.DefaultConfig())
	switch {
	case db != "" && len(paths) > 0:
		return nil, nil, nil, fmt.Errorf("%w: give --db or PATHs, not both", errUsage)
	case db != "":
		if err := linkStored(ctx, c, db); err != nil {
			return nil, nil, nil, err
		}
		return c.Snapshot(), c, nil, nil
	case len(paths) == 0:
		return nil, nil, nil, fmt.Errorf("%w: give PATHs (or - for stdin) or --db", errUsage)
	}
	opts, err := in.options()
	if err != nil {
		return nil, nil, nil, err
	}
	p, err := newPipeline(in.config())
	if err != nil {
		return nil, nil, nil, err
	}
	var sum summary
	rep := m.newReporter(paths, "situations", true)
	defer rep.done()
	err = process(ctx, m, p, in.run(), opts, paths, &sum, rep, nil, func(res *sitrep.Result) error {
		c.Add(res)
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	return c.Snapshot(), c, &sum, nil
}
