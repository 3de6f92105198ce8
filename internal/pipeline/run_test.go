package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
)

// slowProc finishes early articles last, to exercise the reordering.
type slowProc struct{}

func (slowProc) Process(ctx context.Context, art *sitrep.Article) (*sitrep.Result, error) {
	n, _ := strconv.Atoi(art.ID)
	time.Sleep(time.Duration(20-n%20) * 100 * time.Microsecond)
	if n%7 == 3 {
		return nil, fmt.Errorf("article %d: boom", n)
	}
	return &sitrep.Result{Article: art}, nil
}

func TestRunKeepsOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		in := make(chan *sitrep.Article)
		go func() {
			defer close(in)
			for i := range 100 {
				in <- &sitrep.Article{ID: strconv.Itoa(i)}
			}
		}()
		var got []string
		var errs int
		err := Run(context.Background(), slowProc{}, RunOptions{Workers: workers}, in, func(o Outcome) error {
			got = append(got, o.Article.ID)
			if o.Err != nil {
				errs++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 100 {
			t.Fatalf("workers=%d: %d outcomes", workers, len(got))
		}
		for i, id := range got {
			if id != strconv.Itoa(i) {
				t.Fatalf("workers=%d: outcome %d is article %s", workers, i, id)
			}
		}
		if errs != 14 {
			t.Errorf("workers=%d: %d errors, want 14", workers, errs)
		}
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	in := make(chan *sitrep.Article)
	go func() {
		defer close(in)
		for i := range 1000 {
			select {
			case in <- &sitrep.Article{ID: strconv.Itoa(i)}:
			case <-time.After(2 * time.Second):
				return
			}
		}
	}()
	stop := errors.New("stop")
	n := 0
	err := Run(context.Background(), slowProc{}, RunOptions{Workers: 4}, in, func(Outcome) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 5 {
		t.Fatalf("err = %v after %d outcomes", err, n)
	}
}

// stuckProc blocks on article "stuck" until its context is done (or, when
// ignore is set, for ever) and counts the articles it started.
type stuckProc struct {
	started atomic.Int32
	ignore  bool
}

func (p *stuckProc) Process(ctx context.Context, art *sitrep.Article) (*sitrep.Result, error) {
	p.started.Add(1)
	if art.ID == "stuck" {
		if p.ignore {
			select {}
		}
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return &sitrep.Result{Article: art}, nil
}

func feed(ids ...string) <-chan *sitrep.Article {
	in := make(chan *sitrep.Article, len(ids))
	for _, id := range ids {
		in <- &sitrep.Article{ID: id}
	}
	close(in)
	return in
}

func TestRunBudget(t *testing.T) {
	for _, ignore := range []bool{false, true} {
		p := &stuckProc{ignore: ignore}
		var got []string
		start := time.Now()
		err := Run(context.Background(), p, RunOptions{Workers: 2, Budget: 50 * time.Millisecond},
			feed("a", "stuck", "b", "c"), func(o Outcome) error {
				s := o.Article.ID
				if o.Err != nil {
					if !errors.Is(o.Err, ErrBudget) {
						t.Errorf("%s: err %v, want ErrBudget", s, o.Err)
					}
					s += " failed"
				}
				got = append(got, s)
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if want := "a,stuck failed,b,c"; strings.Join(got, ",") != want {
			t.Errorf("ignore=%v: outcomes %q, want %s", ignore, got, want)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("ignore=%v: took %s with a 50ms budget", ignore, d)
		}
	}
}

func TestRunCancelEmitsFinished(t *testing.T) {
	p := &stuckProc{ignore: true}
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan *sitrep.Article)
	go func() {
		for _, id := range []string{"a", "b", "stuck", "c"} {
			in <- &sitrep.Article{ID: id}
		}
		time.Sleep(50 * time.Millisecond) // let "c" finish
		cancel()
	}()
	var got []string
	start := time.Now()
	err := Run(ctx, p, RunOptions{Workers: 2}, in, func(o Outcome) error {
		s := o.Article.ID
		if o.Err != nil {
			s += " " + o.Err.Error()
		}
		got = append(got, s)
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Run returned %s after the cancel", d)
	}
	if want := "a,b,stuck context canceled,c"; strings.Join(got, ",") != want {
		t.Errorf("outcomes %q, want %s", got, want)
	}
}

func TestRunWindow(t *testing.T) {
	p := &stuckProc{}
	ids := []string{"stuck"}
	for i := range 100 {
		ids = append(ids, strconv.Itoa(i))
	}
	ctx, cancel := context.WithCancel(context.Background())
	emitted := 0
	go func() {
		time.Sleep(100 * time.Millisecond)
		cancel()
	}()
	Run(ctx, p, RunOptions{Workers: 2, Window: 8}, feed(ids...), func(Outcome) error {
		emitted++
		return nil
	})
	if n := p.started.Load(); n != 8 {
		t.Errorf("%d articles started behind a stuck one with a window of 8", n)
	}
	if emitted != 8 {
		t.Errorf("%d outcomes emitted, want the 8 of the window", emitted)
	}
}
