package webtest

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
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
