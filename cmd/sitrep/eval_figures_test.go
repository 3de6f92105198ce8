package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFigures(t *testing.T) {
	tests := []struct {
		figs       figures
		line, json string
	}{
		{figures{measure("f1", 0.86149), measure("p", 1), count("tp", 295)}, "f1=0.861 p=1.000 tp=295", `{"f1":0.861,"p":1.000,"tp":295}`},
		{figures{measure("acc", math.NaN()), count("n", 0)}, "acc=null n=0", `{"acc":null,"n":0}`},
		{nil, "", "{}"},
	}
	for _, tt := range tests {
		if got := tt.figs.String(); got != tt.line {
			t.Errorf("line = %q, want %q", got, tt.line)
		}
		b, err := json.Marshal(tt.figs)
		if err != nil || string(b) != tt.json {
			t.Errorf("json = %s (%v), want %s", b, err, tt.json)
		}
	}
}

// evalJSON runs 'sitrep eval KIND ARGS --json' (the flag after the gold
// file, which every kind accepts) and decodes its figures.
func evalJSON(t *testing.T, kind string, args ...string) map[string]float64 {
	t.Helper()
	out, errOut, code := run(t, "", append(append([]string{"eval", kind}, args...), "--json")...)
	if code != 0 {
		t.Fatalf("eval %s: exit %d: %s", kind, code, errOut)
	}
	var r map[string]float64
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("eval %s: decode %q: %v", kind, out, err)
	}
	return r
}

// lastLineFigures parses the key=value line that ends a human-readable
// eval report.
func lastLineFigures(t *testing.T, out string) map[string]float64 {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	r := map[string]float64{}
	for _, kv := range strings.Fields(lines[len(lines)-1]) {
		k, v, ok := strings.Cut(kv, "=")
		f, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			t.Fatalf("last line %q: %q is no key=number", lines[len(lines)-1], kv)
		}
		r[k] = f
	}
	return r
}

// writeGold writes records as a JSON Lines file in a temporary directory.
func writeGold(t *testing.T, recs ...any) string {
	t.Helper()
	var b strings.Builder
	for _, r := range recs {
		j, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "gold.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// cpSpan returns the code-point span of the first sub in text after the
// first after, as the gold files give spans.
func cpSpan(t *testing.T, text, after, sub string) map[string]any {
	t.Helper()
	a := strings.Index(text, after)
	i := strings.Index(text[max(a, 0):], sub)
	if a < 0 || i < 0 {
		t.Fatalf("%q after %q not in %q", sub, after, text)
	}
	i += a
	start := utf8.RuneCountInString(text[:i])
	return map[string]any{"start": start, "end": start + utf8.RuneCountInString(sub), "text": sub}
}

// TestEvalFixtures runs every eval kind this package owns on a small
// hand-written gold file, checks the figures, and checks that the last
// line of the human-readable report holds the same figures as --json.
func TestEvalFixtures(t *testing.T) {
	// Multi-byte characters before the quotations make code-point and
	// byte offsets differ.
	qtext := "Zoë Müller — the mayor — spoke on Monday. “We will not close the bridge,” Müller said. " +
		"Police said the road was closed after the crash."
	quote := func(after, src, cue, content string) map[string]any {
		return map[string]any{"type": "Attribution", "source": cpSpan(t, qtext, after, src),
			"cue": cpSpan(t, qtext, after, cue), "content": cpSpan(t, qtext, "", content)}
	}
	quotes := writeGold(t, map[string]any{"id": "q1", "date": "2020-01-06", "text": qtext, "quotes": []any{
		quote("bridge", "Müller", "said", "We will not close the bridge"),
		quote("Police", "Police", "said", "the road was closed after the crash"),
		// Nothing in the text reports this one: a miss.
		quote("", "Zoë Müller", "spoke", "on Monday"),
	}})
	casualties := writeGold(t,
		map[string]any{"id": "c1", "date": "2020-01-06", "text": "Two people were killed and three others were wounded in a shooting on Main Street on Sunday night, police said.", "killed": 2, "injured": 3},
		map[string]any{"id": "c2", "date": "2020-01-06", "text": "A man was shot and killed outside a store on Friday.", "killed": 1, "injured": 1},
		map[string]any{"id": "c3", "date": "2020-01-06", "text": "Several shootings over the weekend left four dead.", "killed": nil, "injured": nil, "multi_incident": true},
	)
	ttext := "Ministers met on Tuesday."
	timexes := writeGold(t, map[string]any{"id": "t1", "date": "2020-01-03", "text": ttext, "timexes": []any{
		map[string]any{"start": 17, "end": 24, "text": "Tuesday", "type": "DATE", "value": "2019-12-31"},
	}})
	events := writeGold(t,
		map[string]any{"id": "e1", "date": "2020-01-03", "text": "Iraqi protesters attacked the US embassy in Baghdad.",
			"events": []any{map[string]any{"event_type": "ASSAULT", "source_text": []string{"Iraqi protesters"}}}},
		map[string]any{"id": "e2", "date": "2020-01-03", "text": "Nothing happened.", "events": []any{}, "skip": true},
	)
	tests := []struct {
		kind string
		args []string
		want map[string]float64
	}{
		{"quotes", []string{quotes}, map[string]float64{
			"gold": 3, "pred": 2, "tp": 2, "p": 1, "r": 0.667, "f1": 0.8, "speaker_gold": 2, "speaker_right": 2,
			"cue_gold": 2, "cue_right": 2, "exact_tp": 2, "articles": 1, "skipped": 0}},
		{"casualties", []string{casualties}, map[string]float64{
			"articles": 2, "left_out": 1, "killed_right": 2, "injured_right": 1, "both_right": 1,
			"killed_acc": 1, "injured_acc": 0.5, "both_acc": 0.5}},
		{"timex", []string{timexes}, map[string]float64{"gold": 1, "found": 1, "strict_tp": 1, "value_acc": 1}},
		{"events", []string{events}, map[string]float64{"plover_gold": 1, "records": 2, "skipped": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			got := evalJSON(t, tt.kind, tt.args...)
			for k, v := range tt.want {
				if g, ok := got[k]; !ok || g != v {
					t.Errorf("%s = %v (present %v), want %v", k, g, ok, v)
				}
			}
			out, errOut, code := run(t, "", append([]string{"eval", tt.kind}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			line := lastLineFigures(t, out)
			if len(line) != len(got) {
				t.Errorf("key=value line has %d figures, --json %d", len(line), len(got))
			}
			for k, v := range got {
				if line[k] != v {
					t.Errorf("line %s=%v, --json %v", k, line[k], v)
				}
			}
		})
	}
}
