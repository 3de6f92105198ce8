package pipeline

import (
	"context"
	"sync"

	"github.com/sitrep-project/sitrep"
)

// Processor turns one article into its result. *Pipeline implements it.
type Processor interface {
	Process(ctx context.Context, art *sitrep.Article) (*sitrep.Result, error)
}

// Outcome is the result of processing one article, or the error that
// prevented it.
type Outcome struct {
	Article *sitrep.Article
	Result  *sitrep.Result
	Err     error
}

// Run processes the articles received on in with the given number of
// workers and calls emit with each outcome in input order. It returns when
// in is closed and every outcome has been emitted, when ctx is done, or
// when emit returns an error (which Run returns).
func Run(ctx context.Context, p Processor, workers int, in <-chan *sitrep.Article, emit func(Outcome) error) error {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		art *sitrep.Article
	}
	type done struct {
		seq int
		out Outcome
	}
	jobs := make(chan job)
	results := make(chan done, workers)

	go func() {
		defer close(jobs)
		seq := 0
		for {
			select {
			case <-ctx.Done():
				return
			case art, ok := <-in:
				if !ok {
					return
				}
				select {
				case jobs <- job{seq, art}:
					seq++
				case <-ctx.Done():
					return
				}
			}
		}
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res, err := p.Process(ctx, j.art)
				select {
				case results <- done{j.seq, Outcome{Article: j.art, Result: res, Err: err}}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Reorder: hold outcomes that finish early until their turn comes.
	pending := make(map[int]Outcome)
	next := 0
	for d := range results {
		pending[d.seq] = d.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := emit(out); err != nil {
				cancel()
				for range results {
				}
				return err
			}
		}
	}
	return ctx.Err()
}
