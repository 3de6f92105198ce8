package server

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
)

// gatedStore is a memStore with a data version whose Events waits for
// the gate to open and fails while fail is set, counting its calls.
type gatedStore struct {
	*memStore
	gate  chan struct{}
	calls atomic.Int32
	fail  atomic.Bool
}

func (s *gatedStore) Version(context.Context) (int64, error) { return 1, nil }

func (s *gatedStore) Events(ctx context.Context, q store.Query) (store.Page, error) {
	s.calls.Add(1)
	select {
	case <-s.gate:
	case <-ctx.Done():
		return store.Page{}, ctx.Err()
	}
	if s.fail.Load() {
		return store.Page{}, errors.New("disk on fire")
	}
	return s.memStore.Events(ctx, q)
}

// TestCacheSingleFlight: concurrent requests for an answer the cache does
// not hold yet cost one query; when that query fails, the requests that
// waited on it are answered by queries of their own.
func TestCacheSingleFlight(t *testing.T) {
	for _, tt := range []struct {
		name      string
		fail      bool
		wantCalls int32
		wantCode  int
	}{
		{"shared answer", false, 1, http.StatusOK},
		// Every request fails: the leader's error is not shared, so each
		// waiting request asks the store itself.
		{"failed leader", true, 8, http.StatusInternalServerError},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := &gatedStore{memStore: newMemStore(fixture()...), gate: make(chan struct{})}
			st.fail.Store(tt.fail)
			srv := newTestServer(t, st)
			const clients = 8
			var wg sync.WaitGroup
			codes := make([]int, clients)
			bodies := make([]string, clients)
			for i := range clients {
				wg.Add(1)
				go func() {
					defer wg.Done()
					resp, err := srv.Client().Get(srv.URL + "/api/events?limit=5")
					if err != nil {
						t.Error(err)
						return
					}
					defer resp.Body.Close()
					b, _ := io.ReadAll(resp.Body)
					codes[i], bodies[i] = resp.StatusCode, string(b)
				}()
			}
			// Let every request reach the cache while the first query
			// waits at the gate.
			for deadline := time.Now().Add(5 * time.Second); st.calls.Load() == 0; time.Sleep(time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatal("no query reached the store")
				}
			}
			time.Sleep(200 * time.Millisecond)
			close(st.gate)
			wg.Wait()
			if n := st.calls.Load(); n != tt.wantCalls {
				t.Errorf("%d queries for %d concurrent requests, want %d", n, clients, tt.wantCalls)
			}
			for i := range clients {
				if codes[i] != tt.wantCode || bodies[i] != bodies[0] {
					t.Errorf("request %d: status %d, body %q; want %d and the body of request 0 %q", i, codes[i], bodies[i], tt.wantCode, bodies[0])
				}
			}
		})
	}
}
