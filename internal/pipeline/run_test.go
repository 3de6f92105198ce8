package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strconv"
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
		err := Run(context.Background(), slowProc{}, workers, in, func(o Outcome) error {
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
	err := Run(context.Background(), slowProc{}, 4, in, func(Outcome) error {
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
