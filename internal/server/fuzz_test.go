package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// FuzzQuery sends arbitrary query strings to every query endpoint: the
// answer is always 200 or a 400 naming its reason, never a 500 or a panic.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{
		"", "root=14&quad=4", "bbox=1,2,3,4", "bbox=,,,", "from=2024-02-29&to=2024-03-01",
		"q=%22a%22", "limit=1000&cursor=0", "actor=---GOV", "plover=protest", "a=%zz", "format=csv&country=af",
		"interval=week&modality=failed", "cameo=0&root=01", "bbox=1e308,0,0,0", "q=(",
	} {
		f.Add(s)
	}
	st := newMemStore(fixture()...)
	h := New(st, nil)
	f.Fuzz(func(t *testing.T, raw string) {
		for _, path := range []string{"/api/events", "/api/actors", "/api/timeline", "/api/stats", "/api/export"} {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.URL.Path = path
			r.URL.RawQuery = raw
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			switch w.Code {
			case http.StatusOK:
			case http.StatusBadRequest:
				var e apiError
				if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" {
					t.Fatalf("%s?%s: 400 with body %q", path, raw, w.Body.Bytes())
				}
			default:
				t.Fatalf("%s?%s: status %d: %s", path, raw, w.Code, w.Body.Bytes())
			}
		}
	})
}
