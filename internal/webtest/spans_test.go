package webtest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sitrep-project/sitrep/internal/web"
)

// TestSpans checks the UI's rendering of byte-offset spans (spans.js) in
// the browser against Go's byte slicing, on text where UTF-8 bytes and
// JavaScript's UTF-16 units differ.
func TestSpans(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	type span struct {
		Start     int               `json:"start"`
		End       int               `json:"end"`
		ClassName string            `json:"className"`
		Data      map[string]string `json:"data"`
	}
	type testCase struct {
		Name string `json:"name"`
		Text string `json:"text"` // what is rendered
		Base int    `json:"base"` // byte offset of Text in the article
		// Marks are the substrings to mark, found in Text (the nth
		// occurrence is not needed: each is unique in its case).
		Marks []string `json:"-"`
		// Nested lists pairs (outer, inner) where inner must render inside outer.
		Nested [][2]string `json:"-"`
		Spans  []span      `json:"spans"`
	}
	cases := []testCase{
		{Name: "ascii", Text: "Police fired tear gas in Kabul.", Marks: []string{"Police", "fired", "Kabul"}},
		{Name: "multibyte before", Text: "Kyiv — “Zelensky” said café owners in Львів were hit.", Marks: []string{"Zelensky", "said", "Львів"}},
		{Name: "astral", Text: "😀 Protesters 🇺🇦 marched to Odesa.", Marks: []string{"Protesters", "marched", "Odesa"}},
		{Name: "offset base", Base: 1234, Text: "Égypte’s army shelled the border.", Marks: []string{"Égypte’s army", "shelled", "border"}},
		{Name: "nested", Text: "the Ukrainian port city of Odesa was struck", Marks: []string{"the Ukrainian port city of Odesa", "Odesa", "struck"},
			Nested: [][2]string{{"the Ukrainian port city of Odesa", "Odesa"}}},
		{Name: "crossing", Text: "one two three four", Marks: []string{"one two three", "two three four"}},
	}
	// Spans reaching past the text (a stale offset) are cut at its end.
	cases = append(cases, testCase{Name: "past the end", Text: "short text"})
	for i := range cases {
		c := &cases[i]
		for _, m := range c.Marks {
			at := strings.Index(c.Text, m)
			if at < 0 {
				t.Fatalf("%s: %q not in the text", c.Name, m)
			}
			c.Spans = append(c.Spans, span{Start: c.Base + at, End: c.Base + at + len(m), ClassName: "hl", Data: map[string]string{"hl": m}})
		}
	}
	last := &cases[len(cases)-1]
	last.Spans = []span{{Start: 6, End: 400, ClassName: "hl", Data: map[string]string{"hl": "text"}}}
	last.Marks = []string{"text"}
	js, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}

	ctx := browser(t)
	srv := httptest.NewServer(http.FileServerFS(web.Assets()))
	defer srv.Close()
	do(t, ctx, "open the UI", chromedp.Navigate(srv.URL+"/"))

	type result struct {
		Text   string     `json:"text"`
		Marks  [][]string `json:"marks"`
		Nested []bool     `json:"nested"`
	}
	nested := map[string][][2]string{}
	for _, c := range cases {
		nested[c.Name] = c.Nested
	}
	nj, _ := json.Marshal(nested)
	ectx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	got, err := chromedp.Run(ectx, chromedp.Evaluate[[]result](`(async () => {
	  const { render } = await import('./js/spans.js');
	  const nested = `+string(nj)+`;
	  return `+string(js)+`.map((c) => {
	    const el = document.createElement('div');
	    el.append(render(c.text, c.base, c.spans));
	    const inside = (outer, inner) => [...el.querySelectorAll('[data-hl]')].some((o) => o.dataset.hl === outer &&
	      [...o.querySelectorAll('[data-hl]')].some((i) => i.dataset.hl === inner));
	    return {
	      text: el.textContent,
	      marks: [...el.querySelectorAll('[data-hl]')].map((m) => [m.dataset.hl, m.textContent]),
	      nested: (nested[c.name] || []).map(([o, i]) => inside(o, i)),
	    };
	  });
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(cases) {
		t.Fatalf("%d results for %d cases", len(got), len(cases))
	}
	for i, c := range cases {
		r := got[i]
		if r.Text != c.Text {
			t.Errorf("%s: rendered text %q, want %q", c.Name, r.Text, c.Text)
		}
		// A crossing span is drawn in pieces: their texts join to the span's.
		joined := map[string]string{}
		for _, m := range r.Marks {
			joined[m[0]] += m[1]
		}
		for _, m := range c.Marks {
			if joined[m] != m {
				t.Errorf("%s: mark %q rendered as %q", c.Name, m, joined[m])
			}
		}
		for j, ok := range r.Nested {
			if !ok {
				t.Errorf("%s: %q not rendered inside %q", c.Name, c.Nested[j][1], c.Nested[j][0])
			}
		}
	}
}
