package alert

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store/backend"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

// receiver is a webhook endpoint that checks signatures, fails the first
// attempt of every delivery, and counts what it accepted.
type receiver struct {
	mu       sync.Mutex
	secret   []byte
	attempts map[string]int
	accepted map[string]int // delivery -> times accepted
	badSig   int
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if !Verify(rc.secret, body, r.Header.Get("X-Sitrep-Signature")) {
		rc.badSig++
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var p Payload
	if err := json.Unmarshal(body, &p); err != nil || p.Delivery != r.Header.Get("X-Sitrep-Delivery") || p.Event == nil || p.Article == nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	rc.attempts[p.Delivery]++
	if rc.attempts[p.Delivery] == 1 {
		http.Error(w, "try later", http.StatusServiceUnavailable)
		return
	}
	rc.accepted[p.Delivery]++
}

func TestStored(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := backend.Open(ctx, filepath.Join(dir, "db.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	res := storetest.Results(6)[5] // an article with 5 events
	if _, err := st.Put(ctx, res); err != nil {
		t.Fatal(err)
	}
	ev0 := res.Events[0]
	wantRoot, wantNear, wantAll := 0, 0, len(res.Events)
	for _, e := range res.Events {
		if e.Root == ev0.Root && !e.Background {
			wantRoot++
		}
		if e.Location != nil && ev0.Location != nil && e.Location.Lat == ev0.Location.Lat && e.Location.Lon == ev0.Location.Lon && !e.Background {
			wantNear++
		}
	}

	rc := &receiver{secret: []byte("s3cret"), attempts: map[string]int{}, accepted: map[string]int{}}
	hook := httptest.NewServer(rc)
	defer hook.Close()
	t.Setenv("TEST_HOOK_SECRET", "s3cret")
	file := filepath.Join(dir, "alerts.jsonl")
	cfg := &Config{Rules: []Rule{
		{Name: "all", Filter: "background=include", Webhook: hook.URL, SecretEnv: "TEST_HOOK_SECRET"},
		{Name: "root", Filter: "root=" + ev0.Root, Webhook: hook.URL, Secret: "s3cret"},
		{Name: "near", Near: &Near{Lat: ev0.Location.Lat, Lon: ev0.Location.Lon, KM: 1}, File: file},
		{Name: "bloody", MinCasualties: 4, File: file},
	}}
	deliveries := filepath.Join(dir, "deliveries")
	for run := range 2 { // the second run, a restart, delivers nothing new
		n, err := New(cfg, st, Options{DeliveriesPath: deliveries, Backoff: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := n.Stored(ctx, res); err != nil {
				t.Fatal(err)
			}
		}
		n.Close()
		rc.mu.Lock()
		got := map[string]int{}
		for d, c := range rc.accepted {
			if c != 1 {
				t.Errorf("run %d: %s accepted %d times", run, d, c)
			}
			got[strings.SplitN(d, "/", 2)[0]]++
		}
		rc.mu.Unlock()
		if got["all"] != wantAll || got["root"] != wantRoot || rc.badSig != 0 {
			t.Errorf("run %d: delivered %v (bad signatures %d), want all=%d root=%d", run, got, rc.badSig, wantAll, wantRoot)
		}
		data, _ := os.ReadFile(file)
		lines := strings.Count(string(data), "\n")
		if lines != wantNear || strings.Contains(string(data), `"rule":"bloody"`) {
			t.Errorf("run %d: file has %d alerts, want %d near ones:\n%s", run, lines, wantNear, data)
		}
	}
	if wantRoot == 0 || wantNear == 0 {
		t.Fatalf("fixture gives nothing to match: root %d near %d", wantRoot, wantNear)
	}
}

func TestRuleErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		rule Rule
		want string
	}{
		{"no sink", Rule{Name: "a"}, "webhook or a file"},
		{"no secret", Rule{Name: "a", Webhook: "https://h.example/x"}, "secret"},
		{"bad filter", Rule{Name: "a", File: "f", Filter: "root=99"}, "root"},
		{"unknown filter", Rule{Name: "a", File: "f", Filter: "rooot=18"}, "rooot"},
		{"bad near", Rule{Name: "a", File: "f", Near: &Near{Lat: 95, KM: 1}}, "near"},
		{"bad url", Rule{Name: "a", Webhook: "ftp://x", Secret: "s"}, "http"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(&Config{Rules: []Rule{tt.rule}}, nil, Options{DeliveriesPath: filepath.Join(dir, "d")})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one naming %q", err, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	p := filepath.Join(t.TempDir(), "rules.json")
	os.WriteFile(p, []byte(`{"rules":[{"name":"x","filter":"country=IQ","file":"a.jsonl","min_casualties":2}]}`), 0o644)
	c, err := Load(p)
	if err != nil || len(c.Rules) != 1 || c.Rules[0].MinCasualties != 2 {
		t.Fatalf("%+v, %v", c, err)
	}
	os.WriteFile(p, []byte(`{"rules":[{"name":"x","filtre":"country=IQ"}]}`), 0o644)
	if _, err := Load(p); err == nil {
		t.Error("unknown field accepted")
	}
}

func TestSign(t *testing.T) {
	// A known HMAC-SHA256 value (RFC 4231, test case 2).
	got := Sign([]byte("Jefe"), []byte("what do ya want for nothing?"))
	if want := "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"; got != want {
		t.Errorf("Sign = %s, want %s", got, want)
	}
	if Verify([]byte("other"), []byte("what do ya want for nothing?"), got) {
		t.Error("Verify accepted a wrong key")
	}
}

func TestCasualtiesAndDistance(t *testing.T) {
	cs := []sitrep.Casualty{{Kind: "killed", Count: 5}, {Kind: "killed", Count: 3}, {Kind: "wounded", Count: 10}, {Kind: "arrested", Count: 50}}
	if got := casualties(cs); got != 15 {
		t.Errorf("casualties = %d, want 15", got)
	}
	// Baghdad to Basra is about 450 km.
	if d := haversineKM(33.3152, 44.3661, 30.5085, 47.7804); d < 440 || d > 460 {
		t.Errorf("Baghdad-Basra %.0f km", d)
	}
	if within(nil, &Near{KM: 1}) || within(&sitrep.Location{}, &Near{KM: 1}) {
		t.Error("no location is within nothing")
	}
}

func FuzzRules(f *testing.F) {
	f.Add([]byte(`{"rules":[{"name":"x","filter":"country=IQ&root=18","near":{"lat":1,"lon":2,"km":3},"file":"a"}]}`))
	f.Add([]byte(`{"rules":[{"name":"w","webhook":"http://h/x","secret":"s","filter":"q=\"a b\"&bbox=1,2,3,4"}]}`))
	f.Add([]byte(`{"rules":[{"name":"n","near":{"lat":"NaN"}}]}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data)
		if err != nil {
			return
		}
		n, err := New(c, nil, Options{DeliveriesPath: filepath.Join(dir, "d")})
		if err != nil {
			return
		}
		defer n.Close()
		for _, r := range n.rules {
			if r.Webhook != "" && len(r.secret) == 0 {
				t.Fatalf("rule %q: webhook without a secret", r.Name)
			}
			if r.File == "" && r.Webhook == "" {
				t.Fatalf("rule %q: no sink", r.Name)
			}
		}
	})
}
