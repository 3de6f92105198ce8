package webtest

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/server"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// TestSituationsBrowser opens the situations list on the sample articles,
// opens the largest situation and checks its actor graph, its events and
// the report in its frame (timeline, map, evidence); it saves screenshots.
func TestSituationsBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browser(t)
	srv := httptest.NewServer(demoHandler(t))
	defer srv.Close()
	dir := artifacts(t)

	var want struct {
		Situations []struct {
			ID       string
			Title    string
			Articles int `json:"num_articles"`
			Events   int `json:"num_events"`
		}
	}
	getJSON(t, srv.URL+"/api/situations", &want)
	if len(want.Situations) < 2 {
		t.Fatalf("%d situations from the sample articles, want several", len(want.Situations))
	}
	largest := want.Situations[0]
	for _, s := range want.Situations {
		if s.Articles > largest.Articles {
			largest = s
		}
	}

	do(t, ctx, "open the UI", chromedp.Navigate(srv.URL+"/"))
	rows := poll[int](t, ctx, "situation rows", `document.querySelectorAll('#situations-body tr').length`)
	if rows != len(want.Situations) {
		t.Errorf("%d situation rows, want %d", rows, len(want.Situations))
	}
	// One page holds them all: the pager offers no other.
	if pager := eval[[]bool](t, ctx, `['situations-prev', 'situations-next'].map((id) => document.getElementById(id).disabled)`); len(pager) != 2 || !pager[0] || !pager[1] {
		t.Errorf("pager buttons disabled: %v, want both", pager)
	}
	// Once the event table above has filled, the list stays where it is.
	poll[int](t, ctx, "event rows", `document.querySelectorAll('[data-test=event-row]').length`)
	eval[any](t, ctx, `document.getElementById('situations-table').scrollIntoView({block: 'center'})`)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		saveArtifact(t, dir, "10-situations-list.png", png)
	}

	do(t, ctx, "open the largest situation",
		chromedp.Click(chromedp.CSS(`#situations-body tr[data-id="`+largest.ID+`"] button`)))
	poll[bool](t, ctx, "situation view", `document.getElementById('situation').open`)
	title := eval[string](t, ctx, `document.getElementById('situation-title').textContent`)
	if title != largest.Title {
		t.Errorf("situation view titled %q, want %q", title, largest.Title)
	}
	events := poll[int](t, ctx, "events of the situation", `document.querySelectorAll('#situation-events li').length`)
	if events != largest.Events {
		t.Errorf("%d events listed, want %d", events, largest.Events)
	}
	edges := poll[string](t, ctx, "actor graph", `(document.querySelector('#situation-graph svg') || {dataset: {}}).dataset.edges`)
	if edges == "0" {
		t.Error("the actor graph has no edge")
	}
	// The report frame: the same origin, so its document is readable.
	report := poll[string](t, ctx, "report in its frame", `(() => {
		const d = document.getElementById('situation-report').contentDocument;
		return d && d.querySelector('h2') && d.querySelectorAll('ol.evidence li').length > 0 ? d.title : '';
	})()`)
	if report != largest.Title {
		t.Errorf("report frame titled %q, want %q", report, largest.Title)
	}
	for _, sel := range []string{"svg.chart", "svg.map"} {
		if !eval[bool](t, ctx, `!!document.getElementById('situation-report').contentDocument.querySelector('`+sel+`')`) {
			t.Errorf("report without %s", sel)
		}
	}
	// Every evidence link of the report has its sentence.
	broken := eval[[]string](t, ctx, `(() => {
		const d = document.getElementById('situation-report').contentDocument;
		return [...d.querySelectorAll('a.ref')].map(a => a.getAttribute('href')).filter(h => !d.getElementById(h.slice(1)));
	})()`)
	if len(broken) > 0 {
		t.Errorf("report links without targets: %s", strings.Join(broken, " "))
	}
	png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	saveArtifact(t, dir, "11-situation-view.png", png)

	// The URL keeps the open situation.
	if h := eval[string](t, ctx, `location.hash`); h != "#situation="+largest.ID {
		t.Errorf("location hash %q", h)
	}
}

// saveArtifact writes a screenshot of the viewport (the modal view, not
// the page under it) to dir.
func saveArtifact(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

// TestSituationsPager fills a store with more situations than one page
// of the list holds and walks the list with the pager: every situation
// once, latest first, and back again.
func TestSituationsPager(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bg := context.Background()
	st, err := sqlite.Open(bg, filepath.Join(t.TempDir(), "pages.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	const n = 120
	out := &sitrep.Situations{Duplicates: []sitrep.Duplicate{}}
	for i := range n {
		day := fmt.Sprintf("2024-%02d-%02d", 1+i/28, 1+i%28)
		out.Situations = append(out.Situations, sitrep.Situation{ID: fmt.Sprintf("sit-%03d", i), Title: "Situation " + day,
			First: day, Last: day, Articles: []string{}, Events: []sitrep.LinkedEvent{}, Casualties: []sitrep.CasualtyRange{}, Quotes: []sitrep.SituationQuote{}})
	}
	if err := st.PutSituations(bg, out); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(st, slog.New(slog.DiscardHandler)))
	defer srv.Close()
	ctx := browser(t)
	dir := artifacts(t)

	do(t, ctx, "open the UI", chromedp.Navigate(srv.URL+"/"))
	ids := func() []string {
		return eval[[]string](t, ctx, `[...document.querySelectorAll('#situations-body tr')].map((r) => r.dataset.id)`)
	}
	poll[int](t, ctx, "situation rows", `document.querySelectorAll('#situations-body tr').length`)
	var seen []string
	var pages [][]string
	for page := 0; ; page++ {
		got := ids()
		pages = append(pages, got)
		seen = append(seen, got...)
		if page == 1 {
			eval[any](t, ctx, `document.querySelector('[data-test=situations-pager]').scrollIntoView({block: 'end'})`)
			if png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
				saveArtifact(t, dir, "13-situations-page-2.png", png)
			}
		}
		if eval[bool](t, ctx, `document.getElementById('situations-next').disabled`) {
			break
		}
		if page > n {
			t.Fatal("the pager never ends")
		}
		first := got[0]
		do(t, ctx, "next page", chromedp.Click(chromedp.ID("situations-next")))
		poll[bool](t, ctx, "the next page", `document.querySelector('#situations-body tr').dataset.id !== `+strconv.Quote(first))
	}
	if len(seen) != n {
		t.Fatalf("%d situations over %d pages, want %d", len(seen), len(pages), n)
	}
	for i, id := range seen {
		if want := fmt.Sprintf("sit-%03d", n-1-i); id != want {
			t.Fatalf("row %d is %s, want %s (latest first)", i, id, want)
		}
	}
	do(t, ctx, "previous page", chromedp.Click(chromedp.ID("situations-prev")))
	last := pages[len(pages)-1][0]
	poll[bool](t, ctx, "the previous page", `document.querySelector('#situations-body tr').dataset.id !== `+strconv.Quote(last))
	if got := ids(); strings.Join(got, ",") != strings.Join(pages[len(pages)-2], ",") {
		t.Errorf("back one page: %v, want %v", got, pages[len(pages)-2])
	}
}
