package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cluster"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/backend"
)

// linkStored feeds the articles stored in the database db to c.
func linkStored(ctx context.Context, c *cluster.Clusterer, db string) error {
	st, err := backend.Open(ctx, db)
	if err != nil {
		return fmt.Errorf("situations: %w", err)
	}
	defer st.Close()
	return linkStore(ctx, c, st, func(*sitrep.Result) error { return nil })
}

// linkStore feeds every article of st that c does not hold yet to c, by
// publication date, calling added after each.
func linkStore(ctx context.Context, c *cluster.Clusterer, st store.Store, added func(*sitrep.Result) error) error {
	return st.ArticleIDs(ctx, func(id string) error {
		if c.Has(id) {
			return nil
		}
		res, err := st.Article(ctx, id)
		if err != nil {
			return fmt.Errorf("situations: %w", err)
		}
		c.Add(res)
		return added(res)
	})
}

// relink links every article of st again and stores the situations.
func relink(ctx context.Context, st store.Store) (situations, events int, err error) {
	l := newStreamLinker()
	defer l.close()
	return l.finish(ctx, st)
}

// streamLinker links a stream of articles in bounded memory
// (cluster.StreamConfig): the situations that settle go to a temporary
// file until finish stores them all with the ones still open.
type streamLinker struct {
	c     *cluster.Clusterer
	spill *os.File // JSON lines of settled situations; nil until one settles
	n     int      // situations in spill
	dups  []sitrep.Duplicate
}

func newStreamLinker() *streamLinker {
	return &streamLinker{c: cluster.New(cluster.StreamConfig())}
}

// add links one article.
func (l *streamLinker) add(res *sitrep.Result) error {
	l.c.Add(res)
	return l.drain()
}

// drain moves what settled to the spill file.
func (l *streamLinker) drain() error {
	out := l.c.TakeSettled()
	l.dups = append(l.dups, out.Duplicates...)
	if len(out.Situations) == 0 {
		return nil
	}
	if l.spill == nil {
		f, err := os.CreateTemp("", "sitrep-situations-*.jsonl")
		if err != nil {
			return fmt.Errorf("situations: %w", err)
		}
		l.spill = f
	}
	w := bufio.NewWriter(l.spill)
	enc := json.NewEncoder(w)
	for i := range out.Situations {
		if err := enc.Encode(&out.Situations[i]); err != nil {
			return fmt.Errorf("situations: spill: %w", err)
		}
	}
	l.n += len(out.Situations)
	if err := w.Flush(); err != nil {
		return fmt.Errorf("situations: spill: %w", err)
	}
	return nil
}

// finish adds the articles of st that were not added and stores the
// situations of them all.
func (l *streamLinker) finish(ctx context.Context, st store.Store) (situations, events int, err error) {
	if err := linkStore(ctx, l.c, st, func(*sitrep.Result) error { return l.drain() }); err != nil {
		return 0, 0, err
	}
	last := l.c.Snapshot()
	l.dups = append(l.dups, last.Duplicates...)
	count := func(s *sitrep.Situation) {
		situations++
		events += len(s.Events)
	}
	if err := st.PutSituationsFrom(ctx, l.all(last, count), l.dups); err != nil {
		return 0, 0, fmt.Errorf("situations: %w", err)
	}
	return situations, events, nil
}

// all yields the spilled situations, then those of last.
func (l *streamLinker) all(last *sitrep.Situations, seen func(*sitrep.Situation)) iter.Seq2[*sitrep.Situation, error] {
	return func(yield func(*sitrep.Situation, error) bool) {
		if l.spill != nil {
			if _, err := l.spill.Seek(0, io.SeekStart); err != nil {
				yield(nil, fmt.Errorf("situations: spill: %w", err))
				return
			}
			dec := json.NewDecoder(bufio.NewReader(l.spill))
			for range l.n {
				var s sitrep.Situation
				if err := dec.Decode(&s); err != nil {
					yield(nil, fmt.Errorf("situations: spill: %w", err))
					return
				}
				seen(&s)
				if !yield(&s, nil) {
					return
				}
			}
		}
		for i := range last.Situations {
			seen(&last.Situations[i])
			if !yield(&last.Situations[i], nil) {
				return
			}
		}
	}
}

// close removes the spill file.
func (l *streamLinker) close() error {
	if l.spill == nil {
		return nil
	}
	return errors.Join(l.spill.Close(), os.Remove(l.spill.Name()))
}
