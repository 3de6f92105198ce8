// Package alert tells people when newly stored events match their watch
// rules.
//
// Input: a rules file (JSON, see Config) and, after each article is
// stored, its result. Output: for each event of the article that matches
// a rule, one JSON payload POSTed to the rule's webhook (signed with
// HMAC-SHA256, retried with backoff) and/or appended to the rule's file.
//
// A rule's filter is a query string in the API's terms ("country=IQ&root=18",
// see docs/EXPORTS.md), run against the store restricted to the article
// just stored, so rules match exactly what the API would return. Two
// conditions the API has no parameter for are added: near (a place
// within a radius, on the event's location) and min_casualties (the
// article reports at least that many killed and wounded: the largest
// count of each kind, summed).
//
// Each (rule, event) pair is delivered at most once, across restarts:
// its key is written to the deliveries file (synced) before the first
// attempt. A delivery still failing after the retries is logged and not
// tried again. Receivers can also deduplicate on the X-Sitrep-Delivery
// header.
//
// Situations: the hook for the situations stage is Notifier.Deliver: that
// stage matches its situations against the rules (Rules gives them) and
// delivers each match with kind "situation", the situation's id as key and
// its payload as data, with the same signing, retries and at-most-once
// bookkeeping as events.
package alert

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/server"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Config is a rules file:
//
//	{"rules": [{"name": "iraq-attacks", "filter": "country=IQ&root=18",
//	  "near": {"lat": 33.31, "lon": 44.36, "km": 50}, "min_casualties": 3,
//	  "webhook": "https://hooks.example.org/sitrep", "secret_env": "SITREP_HOOK_SECRET",
//	  "file": "alerts.jsonl"}]}
type Config struct {
	Rules []Rule `json:"rules"`
}

// Rule is one watch rule.
type Rule struct {
	Name string `json:"name"`
	// Filter is an API query string of event filters; "" matches all.
	Filter        string `json:"filter"`
	Near          *Near  `json:"near,omitempty"`
	MinCasualties int    `json:"min_casualties,omitempty"`
	// Webhook is the URL POSTed to; Secret (or the environment variable
	// SecretEnv names) keys the signature.
	Webhook   string `json:"webhook,omitempty"`
	Secret    string `json:"secret,omitempty"`
	SecretEnv string `json:"secret_env,omitempty"`
	// File is a JSON Lines file each alert is appended to.
	File string `json:"file,omitempty"`
}

// Near is a circle on the earth.
type Near struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
	KM  float64 `json:"km"`
}

// Load reads and checks a rules file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("alert: %w", err)
	}
	c, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("alert: rules %s: %w", path, err)
	}
	return c, nil
}

// Parse reads a rules file's content; unknown fields are errors, so a
// misspelt condition is not silently dropped.
func Parse(data []byte) (*Config, error) {
	var c Config
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("trailing data after the rules")
	}
	return &c, nil
}

// rule is a checked Rule.
type rule struct {
	Rule
	q      store.Query
	secret []byte
}

// Options tune a Notifier.
type Options struct {
	// DeliveriesPath is the file of delivered keys (required).
	DeliveriesPath string
	// Client posts webhooks (default: 10 s timeout, 3 redirects).
	Client *http.Client
	// Retries after a failed POST (default 5) and the first wait, doubled
	// each time up to a minute (default 1 s).
	Retries int
	Backoff time.Duration
	Log     *slog.Logger
}

// Notifier matches stored events against rules and delivers alerts.
type Notifier struct {
	rules []rule
	st    store.Store
	opts  Options
	sent  map[string]bool
	log   *os.File // the deliveries file, open for appending
	now   func() time.Time
	sleep func(context.Context, time.Duration) error
}

// New checks the rules and opens the deliveries file.
func New(c *Config, st store.Store, opts Options) (*Notifier, error) {
	if opts.DeliveriesPath == "" {
		return nil, errors.New("alert: no deliveries file")
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(_ *http.Request, via []*http.Request) error {
			if len(via) >= 3 {
				return errors.New("too many redirects")
			}
			return nil
		}}
	}
	if opts.Retries == 0 {
		opts.Retries = 5
	}
	if opts.Backoff <= 0 {
		opts.Backoff = time.Second
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	n := &Notifier{st: st, opts: opts, sent: map[string]bool{}, now: time.Now, sleep: sleep}
	names := map[string]bool{}
	for i, r := range c.Rules {
		cr, err := check(r)
		if err != nil {
			return nil, fmt.Errorf("alert: rule %d (%q): %w", i+1, r.Name, err)
		}
		if names[r.Name] {
			return nil, fmt.Errorf("alert: rule %d: name %q used twice", i+1, r.Name)
		}
		names[r.Name] = true
		n.rules = append(n.rules, cr)
	}
	data, err := os.ReadFile(opts.DeliveriesPath)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("alert: %w", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" {
			n.sent[line] = true
		}
	}
	n.log, err = os.OpenFile(opts.DeliveriesPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("alert: %w", err)
	}
	return n, nil
}

// Close closes the deliveries file.
func (n *Notifier) Close() error { return n.log.Close() }

func check(r Rule) (rule, error) {
	cr := rule{Rule: r}
	if r.Name == "" || strings.ContainsAny(r.Name, "\n\t") {
		return cr, errors.New("want a name without tabs or newlines")
	}
	if r.Webhook == "" && r.File == "" {
		return cr, errors.New("want a webhook or a file")
	}
	if r.Webhook != "" {
		u, err := url.Parse(r.Webhook)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return cr, fmt.Errorf("webhook %q: not an http or https URL", r.Webhook)
		}
		secret := r.Secret
		if r.SecretEnv != "" {
			secret = os.Getenv(r.SecretEnv)
		}
		if secret == "" {
			return cr, errors.New("a webhook needs a secret (secret or secret_env) to sign with")
		}
		cr.secret = []byte(secret)
	}
	q, err := server.ParseFilters(r.Filter)
	if err != nil {
		return cr, fmt.Errorf("filter: %w", err)
	}
	if q.ArticleID != "" || q.Sort != "" {
		return cr, errors.New("filter: article and sort have no meaning in a rule")
	}
	cr.q = q
	if nr := r.Near; nr != nil && (math.IsNaN(nr.Lat) || nr.Lat < -90 || nr.Lat > 90 || nr.Lon < -180 || nr.Lon > 180 || !(nr.KM > 0)) {
		return cr, errors.New("near: want lat in [-90, 90], lon in [-180, 180] and km above 0")
	}
	if r.MinCasualties < 0 {
		return cr, errors.New("min_casualties: want 0 or more")
	}
	return cr, nil
}

// Payload is what an alert carries.
type Payload struct {
	Rule     string             `json:"rule"`
	Kind     string             `json:"kind"` // "event" (or "situation")
	Delivery string             `json:"delivery"`
	Sent     string             `json:"sent"`
	Event    *store.EventRecord `json:"event,omitempty"`
	Article  *ArticleRef        `json:"article,omitempty"`
	Data     any                `json:"data,omitempty"` // a situation's payload
}

// ArticleRef names an event's article.
type ArticleRef struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
}

// Stored matches the events of a result just stored against every rule
// and delivers the alerts due. It returns the first error of the store
// or of the deliveries file; failed deliveries are only logged.
func (n *Notifier) Stored(ctx context.Context, res *sitrep.Result) error {
	if len(res.Events) == 0 || res.Article == nil {
		return nil
	}
	cas := casualties(res.Casualties)
	a := res.Article
	ref := &ArticleRef{ID: a.ID, Title: a.Title, URL: a.URL, Published: a.Published, Source: a.Source}
	for _, r := range n.rules {
		if cas < r.MinCasualties {
			continue
		}
		q := r.q
		q.ArticleID = a.ID
		q.Limit = store.MaxLimit
		for {
			page, err := n.st.Events(ctx, q)
			if err != nil {
				return fmt.Errorf("alert: rule %s: %w", r.Name, err)
			}
			for i := range page.Events {
				ev := &page.Events[i]
				if r.Near != nil && !within(ev.Location, r.Near) {
					continue
				}
				p := Payload{Rule: r.Name, Kind: "event", Event: ev, Article: ref}
				if err := n.deliver(ctx, r, ev.ID, p); err != nil {
					return err
				}
			}
			if page.Next == "" || page.Next == q.Cursor {
				break
			}
			q.Cursor = page.Next
		}
	}
	return nil
}

// Rules returns the rules, for stages that match their own records.
func (n *Notifier) Rules() []Rule {
	out := make([]Rule, len(n.rules))
	for i, r := range n.rules {
		out[i] = r.Rule
	}
	return out
}

// Deliver sends one alert of kind (such as "situation") with key to the
// named rule, at most once. It is the hook for stages other than events.
func (n *Notifier) Deliver(ctx context.Context, ruleName, kind, key string, data any) error {
	for _, r := range n.rules {
		if r.Name == ruleName {
			return n.deliver(ctx, r, kind+":"+key, Payload{Rule: r.Name, Kind: kind, Data: data})
		}
	}
	return fmt.Errorf("alert: no rule %q", ruleName)
}

// deliver sends p for rule r unless the pair was sent before.
func (n *Notifier) deliver(ctx context.Context, r rule, key string, p Payload) error {
	id := r.Name + "\t" + key
	if n.sent[id] {
		return nil
	}
	// Recorded before the first attempt: at most once, even across a crash.
	if _, err := n.log.WriteString(id + "\n"); err != nil {
		return fmt.Errorf("alert: deliveries file: %w", err)
	}
	if err := n.log.Sync(); err != nil {
		return fmt.Errorf("alert: deliveries file: %w", err)
	}
	n.sent[id] = true
	p.Delivery = r.Name + "/" + key
	p.Sent = n.now().UTC().Format(time.RFC3339)
	body, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("alert: %w", err)
	}
	if r.File != "" {
		if err := appendLine(r.File, body); err != nil {
			n.opts.Log.Error("alert file", "rule", r.Name, "file", r.File, "err", err)
		}
	}
	if r.Webhook != "" {
		if err := n.post(ctx, r, p.Delivery, body); err != nil {
			n.opts.Log.Error("alert webhook failed; not retried again", "rule", r.Name, "delivery", p.Delivery, "err", err)
		}
	}
	return nil
}

func appendLine(path string, line []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(append(line, '\n'))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Sign returns the signature header value of a body: "sha256=" and the
// hex HMAC-SHA256 of the body under secret.
func Sign(secret, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a signature header against a body, in constant time.
func Verify(secret, body []byte, header string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(header))
}

// post POSTs body, retrying network errors, 429 and 5xx with backoff.
func (n *Notifier) post(ctx context.Context, r rule, delivery string, body []byte) error {
	wait := n.opts.Backoff
	var last error
	for attempt := 0; attempt <= n.opts.Retries; attempt++ {
		if attempt > 0 {
			if err := n.sleep(ctx, wait); err != nil {
				return err
			}
			wait = min(2*wait, time.Minute)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.Webhook, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("User-Agent", "sitrep-alert/0.1")
		req.Header.Set("X-Sitrep-Delivery", delivery)
		req.Header.Set("X-Sitrep-Signature", Sign(r.secret, body))
		resp, err := n.opts.Client.Do(req)
		if err != nil {
			last = err
			if ctx.Err() != nil {
				return ctx.Err()
			}
			continue
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		switch {
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			return nil
		case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
			last = fmt.Errorf("status %d", resp.StatusCode)
		default:
			return fmt.Errorf("status %d (not retried)", resp.StatusCode)
		}
	}
	return fmt.Errorf("after %d attempts: %w", n.opts.Retries+1, last)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// casualties is the article's count of killed and wounded: the largest
// count of each kind, summed (several mentions of one toll are one toll).
func casualties(cs []sitrep.Casualty) int {
	var killed, wounded int
	for _, c := range cs {
		switch c.Kind {
		case "killed":
			killed = max(killed, c.Count)
		case "wounded", "injured":
			wounded = max(wounded, c.Count)
		}
	}
	return killed + wounded
}

// within reports whether a location lies in the circle.
func within(loc *sitrep.Location, c *Near) bool {
	if loc == nil || (loc.Lat == 0 && loc.Lon == 0) {
		return false
	}
	return haversineKM(loc.Lat, loc.Lon, c.Lat, c.Lon) <= c.KM
}

func haversineKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
