package server

import (
	"bytes"
	"net/http"
	"strconv"
	"sync"
)

// respCache keeps the bodies of successful JSON answers, keyed by the
// store's data version and the request, so that repeated queries cost a
// map look-up until the data change. It holds at most maxEntries answers
// and maxBytes of them, forgetting the oldest first.
//
// Concurrent requests for an answer not yet kept are answered by one
// query: the first computes it, the others wait for it (single flight),
// so that a burst of clients on a cold cache costs each distinct question
// once.
type respCache struct {
	mu         sync.Mutex
	m          map[string][]byte
	inflight   map[string]*flight
	order      []string // keys, oldest first
	bytes      int
	maxEntries int
	maxBytes   int
}

// maxCachedBody is the largest answer kept.
const maxCachedBody = 1 << 20

func newRespCache(maxEntries, maxBytes int) *respCache {
	return &respCache{m: make(map[string][]byte), inflight: make(map[string]*flight), maxEntries: maxEntries, maxBytes: maxBytes}
}

// flight is an answer being computed for the requests waiting on it.
type flight struct {
	done chan struct{}
	body []byte // nil when the answer is not one to share
}

// lookup returns the answer kept under key; failing that, the flight
// computing it (lead false: wait for it) or a new one, which the caller
// leads and must end with land.
func (c *respCache) lookup(key string) (body []byte, f *flight, lead bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.m[key]; ok {
		return b, nil, false
	}
	if f, ok := c.inflight[key]; ok {
		return nil, f, false
	}
	f = &flight{done: make(chan struct{})}
	c.inflight[key] = f
	return nil, f, true
}

// land ends the flight of key with its answer (nil: none to share), kept
// for the next requests, and wakes the requests waiting on it.
func (c *respCache) land(key string, f *flight, body []byte) {
	if body != nil {
		c.put(key, body)
	}
	c.mu.Lock()
	delete(c.inflight, key)
	c.mu.Unlock()
	f.body = body
	close(f.done)
}

func (c *respCache) put(key string, body []byte) {
	if len(body) > maxCachedBody || len(body) > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; ok {
		return
	}
	for len(c.order) > 0 && (len(c.order) >= c.maxEntries || c.bytes+len(body) > c.maxBytes) {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= len(c.m[old])
		delete(c.m, old)
	}
	c.m[key] = body
	c.order = append(c.order, key)
	c.bytes += len(body)
}

// cached answers h's requests from the cache when the store numbers its
// data versions (store.Versioner); otherwise it is h. Only 200 answers
// are kept; the key holds the version, so an ingest that changes the
// data makes every earlier answer unreachable.
func (s *server) cached(h http.HandlerFunc) http.HandlerFunc {
	if s.versions == nil {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := s.versions.Version(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		// Query().Encode sorts the parameters: the same question asked
		// in another order is the same key.
		key := strconv.FormatInt(v, 10) + " " + r.URL.Path + "?" + r.URL.Query().Encode()
		body, f, lead := s.cache.lookup(key)
		if f != nil && !lead {
			select {
			case <-f.done:
				body = f.body
			case <-r.Context().Done():
				s.fail(w, r, r.Context().Err())
				return
			}
		}
		if body != nil {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.Write(body)
			return
		}
		if !lead {
			// The leader's answer was not one to share (an error, too
			// large): answer alone.
			h(w, r)
			return
		}
		rec := &recorder{ResponseWriter: w}
		defer func() {
			// Also when h panics: the waiting requests must not hang.
			var body []byte
			if rec.status == http.StatusOK && !rec.overflow {
				body = rec.buf.Bytes()
			}
			s.cache.land(key, f, body)
		}()
		h(rec, r)
	}
}

// recorder passes a response through and keeps a copy of its body, up
// to maxCachedBody.
type recorder struct {
	http.ResponseWriter
	status   int
	buf      bytes.Buffer
	overflow bool
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	if !r.overflow {
		if r.buf.Len()+len(p) > maxCachedBody {
			r.overflow = true
			r.buf = bytes.Buffer{}
		} else {
			r.buf.Write(p)
		}
	}
	return r.ResponseWriter.Write(p)
}
