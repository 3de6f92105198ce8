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
type respCache struct {
	mu         sync.Mutex
	m          map[string][]byte
	order      []string // keys, oldest first
	bytes      int
	maxEntries int
	maxBytes   int
}

// maxCachedBody is the largest answer kept.
const maxCachedBody = 1 << 20

func newRespCache(maxEntries, maxBytes int) *respCache {
	return &respCache{m: make(map[string][]byte), maxEntries: maxEntries, maxBytes: maxBytes}
}

func (c *respCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[key]
	return b, ok
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
		if body, ok := s.cache.get(key); ok {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.Write(body)
			return
		}
		rec := &recorder{ResponseWriter: w}
		h(rec, r)
		if rec.status == http.StatusOK && !rec.overflow {
			s.cache.put(key, rec.buf.Bytes())
		}
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
