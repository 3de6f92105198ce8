package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

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

// ErrBudget is wrapped by the error of an article that took longer than
// RunOptions.Budget.
var ErrBudget = errors.New("over the time budget")

// RunOptions configure Run.
type RunOptions struct {
	// Workers is how many articles are processed in parallel (at least 1).
	Workers int
	// Budget bounds the time one article may take (0: no bound). An
	// article over it fails alone with an error wrapping ErrBudget; its
	// work stops at the next cancellation check of the pipeline.
	Budget time.Duration
	// Window bounds how many articles may be in flight or finished and
	// waiting for an earlier one, so that memory stays bounded and an
	// article can hold back the output only until the window fills
	// behind it (default DefaultWindow, at least Workers).
	Window int
}

// DefaultWindow is the default RunOptions.Window.
const DefaultWindow = 64

// Run processes the articles received on in and calls emit with each
// outcome in input order. It returns when in is closed and every outcome
// has been emitted, when emit returns an error (which Run returns), or
// soon after ctx is done: articles still being processed then are not
// waited for but emitted, in their turn, with ctx's error, and every
// article finished before is emitted as usual.
func Run(ctx context.Context, p Processor, opts RunOptions, in <-chan *sitrep.Article, emit func(Outcome) error) error {
	workers := max(opts.Workers, 1)
	window := opts.Window
	if window <= 0 {
		window = DefaultWindow
	}
	window = max(window, workers)
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
	// Every job sends one outcome, and the reorder loop below reads them
	// all, so a send never blocks for long.
	results := make(chan done, workers)
	// slots holds one token per article in the window: taken when the
	// article is sent to a worker, given back when its outcome is emitted.
	slots := make(chan struct{}, window)

	go func() {
		defer close(jobs)
		seq := 0
		for {
			select {
			case <-ctx.Done():
				return
			case slots <- struct{}{}:
			}
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
				results <- done{j.seq, processOne(ctx, p, j.art, opts.Budget)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// Reorder: hold outcomes that finish early until their turn comes.
	pending := make(map[int]Outcome, window)
	next := 0
	var emitErr error
	for d := range results {
		if emitErr != nil {
			continue // drain
		}
		pending[d.seq] = d.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if err := emit(out); err != nil {
				emitErr = err
				cancel()
				break
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
}

// processOne runs p over one article within the budget. It returns as
// soon as ctx is done or the budget is spent, leaving the article's work
// to stop at the pipeline's next check of its context.
func processOne(ctx context.Context, p Processor, art *sitrep.Article, budget time.Duration) Outcome {
	actx, cancel := ctx, context.CancelFunc(func() {})
	if budget > 0 {
		actx, cancel = context.WithTimeout(ctx, budget)
	}
	defer cancel()
	ch := make(chan Outcome, 1)
	go func() {
		res, err := p.Process(actx, art)
		ch <- Outcome{Article: art, Result: res, Err: err}
	}()
	var out Outcome
	select {
	case out = <-ch:
	case <-actx.Done():
		out = Outcome{Article: art, Err: actx.Err()}
	}
	if out.Err != nil && ctx.Err() == nil && actx.Err() != nil {
		out = Outcome{Article: art, Err: fmt.Errorf("%w of %s; article abandoned", ErrBudget, budget)}
	}
	return out
}
