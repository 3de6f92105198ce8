package webtest

import (
	"cmp"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
)

const chromiumPath = "/usr/bin/chromium"

// browser starts headless Chromium with a fresh profile and returns a tab
// context. The test is skipped when Chromium is missing, except in CI.
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is required in CI: %v", err)
		}
		t.Skipf("no %s (apt-get install chromium)", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 1000),
	}
	// The machine's network refuses Chromium's own connections, so every
	// background service that would try one is off.
	for _, f := range []string{"headless", "no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
		"disable-background-networking", "disable-component-update", "disable-sync",
		"disable-default-apps", "disable-extensions", "mute-audio", "hide-scrollbars"} {
		opts = append(opts, chromedp.Flag(f, true))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// artifacts returns the directory for screenshots: $SITREP_ARTIFACTS or a
// temporary one.
func artifacts(t *testing.T) string {
	dir := os.Getenv("SITREP_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	// From the top, so sticky panels sit where a reader sees them.
	eval[any](t, ctx, `window.scrollTo(0, 0)`)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

// poll waits until the JavaScript expression is truthy and returns its value.
func poll[T any](t *testing.T, ctx context.Context, what, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
	return v
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// barPixels counts the timeline canvas pixels painted in one of the
// QuadClass colours: uPlot draws on a canvas, so this is how bars are seen.
const barPixels = `(() => {
  const c = document.querySelector('#timeline canvas');
  if (!c || !c.width) return 0;
  const css = getComputedStyle(document.documentElement);
  const rgb = [1, 2, 3, 4].map((k) => {
    const hex = css.getPropertyValue('--q' + k).trim().slice(1);
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  });
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] > 200 && rgb.some(([r, g, b]) => Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 12)) n++;
  }
  return n;
})()`

// TestBrowser opens the UI on the sample articles in headless Chromium:
// markers on the map, bars in the timeline, brushing sets a date range,
// the root 14 filter, an event card with its highlighted spans, and the
// article view; it saves a screenshot of each step.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ctx := browser(t)
	srv := httptest.NewServer(demoHandler(t))
	defer srv.Close()
	dir := artifacts(t)

	var mu sync.Mutex
	var pageErrors []string
	expectErrors := false // set for the step that provokes errors on purpose
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				if !expectErrors {
					pageErrors = append(pageErrors, m.String())
				}
				mu.Unlock()
			}
		}
	}()
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range pageErrors {
			t.Errorf("page error: %s", e)
		}
	}()

	do(t, ctx, "open the UI", chromedp.Navigate(srv.URL+"/"))

	// Markers (single or clustered) and bars.
	markers := poll[int](t, ctx, "markers on the map", `document.querySelectorAll('#map .leaflet-marker-icon').length`)
	t.Logf("%d marker icons on the map", markers)
	poll[bool](t, ctx, "country outlines", `document.querySelectorAll('#map path.leaflet-interactive, #map svg path').length > 100`)
	bars := poll[int](t, ctx, "bars in the timeline", barPixels)
	t.Logf("%d timeline pixels in QuadClass colours", bars)
	rows := poll[int](t, ctx, "table rows", `document.querySelectorAll('[data-test=event-row]').length`)
	t.Logf("%d events in the table", rows)
	screenshot(t, ctx, dir, "01-overview.png")

	// Brushing the timeline sets the date range filter.
	type rect struct{ X, Y, W, H float64 }
	over := eval[rect](t, ctx, `(() => { const r = document.querySelector('#timeline .u-over').getBoundingClientRect(); return {X: r.x, Y: r.y, W: r.width, H: r.height}; })()`)
	y := over.Y + over.H/2
	do(t, ctx, "brush the timeline",
		chromedp.MouseEvent(chromedp.MouseMoved, over.X+over.W*0.55, y),
		chromedp.MouseEvent(chromedp.MousePressed, over.X+over.W*0.55, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MouseMoved, over.X+over.W*0.8, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, over.X+over.W-1, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseReleased, over.X+over.W-1, y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	from := poll[string](t, ctx, "date range from brushing", `new URLSearchParams(location.search).get('from') || ''`)
	to := eval[string](t, ctx, `document.getElementById('f-to').value`)
	if eval[string](t, ctx, `document.getElementById('f-from').value`) != from || to == "" || to < from {
		t.Errorf("brushing gave from=%q to=%q", from, to)
	}
	dates := poll[[]string](t, ctx, "table after brushing", `(() => {
	  if (new URLSearchParams(document.getElementById('events-body').dataset.query).get('from') !== '`+from+`') return null;
	  const d = [...document.querySelectorAll('[data-test=event-row] td:first-child')].map((td) => td.firstChild.textContent);
	  return d.length ? d : null; })()`)
	for _, d := range dates {
		// Coarse dates (2024-W12, 2024-03) count from their first day.
		if day := store.Day(d); day < from || day > to {
			t.Errorf("event dated %s outside the brushed range %s..%s", d, from, to)
		}
	}
	t.Logf("brushing selected %s..%s: %d events", from, to, len(dates))
	screenshot(t, ctx, dir, "02-brushed.png")

	// Cursor pagination, with a page size small enough for the demo data.
	do(t, ctx, "open with 5 rows per page", chromedp.Navigate(srv.URL+"/?rows=5"))
	const rowIDs = `(() => { const r = [...document.querySelectorAll('[data-test=event-row]')].map((tr) => tr.dataset.eventId); return r.length ? r : null; })()`
	page1 := poll[[]string](t, ctx, "the first page", rowIDs)
	if len(page1) != 5 || rows <= 5 {
		t.Fatalf("first page has %d rows of %d events, want 5", len(page1), rows)
	}
	do(t, ctx, "next page", chromedp.Click(chromedp.ID("next-page")))
	page2 := poll[[]string](t, ctx, "the second page", `(() => { const r = `+rowIDs+`; return r && r[0] !== '`+page1[0]+`' ? r : null; })()`)
	for _, id := range page2 {
		if slices.Contains(page1, id) {
			t.Errorf("event %s on both pages", id)
		}
	}
	if info := eval[string](t, ctx, `document.getElementById('page-info').textContent`); !strings.HasPrefix(info, "Events 6–") {
		t.Errorf("page info %q, want Events 6–…", info)
	}
	do(t, ctx, "previous page", chromedp.Click(chromedp.ID("prev-page")))
	back := poll[[]string](t, ctx, "the first page again", `(() => { const r = `+rowIDs+`; return r && r[0] === '`+page1[0]+`' ? r : null; })()`)
	if !slices.Equal(back, page1) {
		t.Errorf("back on page 1: %v, want %v", back, page1)
	}

	// Sorting by confidence: the table shows the API's most confident
	// events first, the confidence column is in that order, the URL keeps
	// the order, and pages follow the confidence cursor.
	do(t, ctx, "sort by confidence", chromedp.Click(chromedp.CSS("[data-test=sort-confidence]")))
	byConf := poll[[]string](t, ctx, "the table sorted by confidence", `(() => {
	  if (document.getElementById('events-body').dataset.sort !== 'confidence') return null;
	  const r = `+rowIDs+`; return r; })()`)
	var apiConf struct {
		Events []store.EventRecord `json:"events"`
	}
	getJSON(t, srv.URL+"/api/events?sort=confidence&limit=10", &apiConf)
	if len(apiConf.Events) < 10 || !slices.Equal(byConf, ids(apiConf.Events[:5])) {
		t.Errorf("sorted by confidence the table shows %v, the API %v", byConf, ids(apiConf.Events))
	}
	shown := eval[[]float64](t, ctx, `[...document.querySelectorAll('[data-test=event-row] [data-test=confidence]')].map((td) => Number(td.dataset.value))`)
	if !slices.IsSortedFunc(shown, func(a, b float64) int { return cmp.Compare(b, a) }) || len(shown) != 5 || shown[0] == 0 {
		t.Errorf("confidence column %v is not in descending order", shown)
	}
	if s := eval[string](t, ctx, `new URLSearchParams(location.search).get('sort') + ' ' + document.getElementById('th-confidence').getAttribute('aria-sort')`); s != "confidence descending" {
		t.Errorf("URL sort and aria-sort: %q", s)
	}
	do(t, ctx, "next page by confidence", chromedp.Click(chromedp.ID("next-page")))
	poll[bool](t, ctx, "the second page by confidence", `(() => { const r = `+rowIDs+`; return !!r && r[0] === '`+apiConf.Events[5].ID+`'; })()`)
	do(t, ctx, "sort by date again", chromedp.Click(chromedp.CSS("[data-test=sort-date]")))
	poll[bool](t, ctx, "the table by date", `(() => { const r = `+rowIDs+`; return document.getElementById('events-body').dataset.sort === 'date' && !!r && r[0] === '`+page1[0]+`'; })()`)

	// The minimum-confidence filter keeps only the events at or above it.
	median := shown[len(shown)/2]
	minConf := strconv.FormatFloat(median, 'f', -1, 64)
	do(t, ctx, "filter by minimum confidence",
		chromedp.SetValue(chromedp.ID("f-min-confidence"), minConf),
		chromedp.Click(chromedp.ID("apply")))
	kept := poll[[]float64](t, ctx, "the table filtered by confidence", `(() => {
	  if (new URLSearchParams(document.getElementById('events-body').dataset.query).get('min_confidence') !== '`+minConf+`') return null;
	  return [...document.querySelectorAll('[data-test=event-row] [data-test=confidence]')].map((td) => Number(td.dataset.value)); })()`)
	for _, c := range kept {
		if c < median {
			t.Errorf("event with confidence %v shown with min_confidence %s", c, minConf)
		}
	}
	var confStats, allStats store.Stats
	getJSON(t, srv.URL+"/api/stats?min_confidence="+minConf, &confStats)
	getJSON(t, srv.URL+"/api/stats", &allStats)
	if confStats.Events == 0 || confStats.Events >= allStats.Events {
		t.Errorf("min_confidence=%s keeps %d of %d events; want some, not all", minConf, confStats.Events, allStats.Events)
	}
	// The stats line comes from its own request, which may finish after
	// the table's.
	poll[bool](t, ctx, "the stats line of the filtered events",
		`document.getElementById('stats').textContent.startsWith('`+strconv.Itoa(confStats.Events)+` events')`)
	do(t, ctx, "sort the filtered table by confidence", chromedp.Click(chromedp.CSS("[data-test=sort-confidence]")))
	poll[bool](t, ctx, "the filtered table by confidence", `document.getElementById('events-body').dataset.sort === 'confidence'`)
	if href := eval[string](t, ctx, `document.querySelector('#exports a[data-format=csv]').href`); !strings.Contains(href, "min_confidence="+minConf) || !strings.Contains(href, "sort=confidence") {
		t.Errorf("CSV export link %q lacks the confidence filter or order", href)
	}
	t.Logf("min_confidence=%s: %d of %d events", minConf, confStats.Events, allStats.Events)
	screenshot(t, ctx, dir, "02b-confidence.png")
	do(t, ctx, "back to 5 rows by date", chromedp.Navigate(srv.URL+"/?rows=5"))
	poll[[]string](t, ctx, "the first page by date", `(() => { const r = `+rowIDs+`; return r && r[0] === '`+page1[0]+`' ? r : null; })()`)

	// Keyboard: Enter on a focused row opens its card and moves focus there.
	eval[any](t, ctx, `document.querySelector('[data-test=event-row]').focus()`)
	do(t, ctx, "press Enter on a row", chromedp.KeyEvent("\r"))
	poll[bool](t, ctx, "the card focused from the keyboard", `document.getElementById('card').dataset.eventId === '`+page1[0]+`' && document.activeElement && document.activeElement.id === 'card-h'`)

	// Full-text search: a word from an article's title finds its events.
	artID := eval[string](t, ctx, `document.querySelector('[data-test=event-row]').dataset.articleId`)
	var first sitrep.Result
	getJSON(t, srv.URL+"/api/articles/"+url.PathEscape(artID), &first)
	word := longestWord(first.Article.Title + " " + first.Text)
	do(t, ctx, "search a word",
		chromedp.SetValue(chromedp.ID("f-q"), word),
		chromedp.Click(chromedp.ID("apply")))
	found := poll[[]string](t, ctx, "search results", `(() => {
	  if (new URLSearchParams(document.getElementById('events-body').dataset.query).get('q') !== '`+word+`') return null;
	  return [...document.querySelectorAll('[data-test=event-row]')].map((tr) => tr.dataset.articleId); })()`)
	if !slices.Contains(found, artID) {
		t.Errorf("searching %q did not find article %s's events (found %v)", word, artID, found)
	}
	// Full-text search stems words ("protection" finds "protect"): an
	// article must hold the word's stem, approximated by all but its
	// last four letters.
	stem := strings.ToLower(word)[:max(5, len(word)-4)]
	for _, id := range found {
		var r sitrep.Result
		getJSON(t, srv.URL+"/api/articles/"+url.PathEscape(id), &r)
		if !strings.Contains(strings.ToLower(r.Text+" "+r.Article.Title), stem) {
			t.Errorf("search %q found article %s, which does not contain it", word, id)
		}
	}
	t.Logf("search %q: events of articles %v", word, found)

	// Filter to CAMEO root 14 (protest), from a fresh page with a filter
	// that Reset must clear.
	do(t, ctx, "reopen with the search", chromedp.Navigate(srv.URL+"/?q="+url.QueryEscape(word)))
	poll[bool](t, ctx, "the search reloaded", `document.getElementById('f-q').value !== ''`)
	do(t, ctx, "reset and filter to root 14",
		chromedp.Click(chromedp.ID("reset")),
		chromedp.SetValue(chromedp.ID("f-root"), "14"),
		chromedp.Click(chromedp.ID("apply")))
	codes := poll[[]string](t, ctx, "root 14 events", `(() => {
	  if (document.getElementById('events-body').dataset.query !== 'root=14') return null;
	  const c = [...document.querySelectorAll('[data-test=event-row] .code-badge')].map((b) => b.textContent);
	  return c.length && c.every((x) => x.startsWith('14')) ? c : null; })()`)
	t.Logf("root 14 events: %v", codes)
	// Every placed event is on the map, alone or counted in a cluster.
	onMap := poll[[]int](t, ctx, "map redrawn for root 14", `(() => {
	  const m = document.getElementById('map');
	  if (m.dataset.query !== 'root=14') return null;
	  let n = m.querySelectorAll('.ev-marker').length;
	  for (const c of m.querySelectorAll('.ev-cluster span')) n += Number(c.textContent);
	  return [Number(m.dataset.placed), n]; })()`)
	withPlace := eval[int](t, ctx, `[...document.querySelectorAll('[data-test=event-row] td:nth-child(5)')].filter((td) => td.textContent !== '—').length`)
	if onMap[0] != onMap[1] || onMap[0] != withPlace {
		t.Errorf("map: %d events placed, %d drawn; %d of the %d in the table have a place", onMap[0], onMap[1], withPlace, len(codes))
	}

	// The export links carry the filters and answer.
	links := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll('#exports a[data-format]')].map((a) => [a.dataset.format, a.href]))`)
	for _, f := range []string{"csv", "jsonl", "geojson", "plover", "gdelt"} {
		href := links[f]
		if !strings.Contains(href, "root=14") {
			t.Errorf("%s export link %q lacks the filter", f, href)
			continue
		}
		res, err := http.Get(href)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK || len(body) == 0 {
			t.Errorf("%s export: %s, %d bytes, %v", f, res.Status, len(body), err)
		}
	}

	// A single marker opens its event's card.
	if eval[int](t, ctx, `document.querySelectorAll('#map .ev-marker').length`) > 0 {
		markerID := eval[string](t, ctx, `document.querySelector('#map .ev-marker').dataset.eventId`)
		do(t, ctx, "click a marker", chromedp.Click(chromedp.CSS("#map .ev-marker")))
		poll[bool](t, ctx, "the card of the clicked marker", `document.getElementById('card').dataset.eventId === '`+markerID+`' && !!document.querySelector('#card [data-test=evidence]')`)
	}

	// Open the first event's card from the table.
	do(t, ctx, "click an event", chromedp.Click(chromedp.CSS("[data-test=event-row]")))
	id := poll[string](t, ctx, "the event card", `document.querySelector('#card [data-test=evidence]') ? document.getElementById('card').dataset.eventId : ''`)
	var ev struct {
		store.EventRecord
		Article sitrep.Article `json:"article"`
	}
	getJSON(t, srv.URL+"/api/events/"+url.PathEscape(id), &ev)
	var art sitrep.Result
	getJSON(t, srv.URL+"/api/articles/"+url.PathEscape(ev.ArticleID), &art)
	want := expectedHighlights(ev.Event, &art)
	got := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll('#card mark[data-hl]')].map((m) => [m.dataset.hl, m.textContent]))`)
	if len(want) < 2 {
		t.Errorf("event %s: expected at least the source and trigger spans, have %v", id, want)
	}
	for role, text := range want {
		if got[role] != text {
			t.Errorf("event %s: highlighted %s = %q, want %q", id, role, got[role], text)
		}
	}
	t.Logf("event %s highlights: %v", id, got)
	if sentence := eval[string](t, ctx, `document.querySelector('#card [data-test=evidence]').textContent`); sentence != ev.Evidence.Sentence {
		t.Errorf("card sentence = %q, want %q", sentence, ev.Evidence.Sentence)
	}
	if got, want := eval[string](t, ctx, `document.querySelector('[data-test=event-confidence]').firstChild.textContent`), strconv.FormatFloat(ev.Confidence, 'f', 2, 64); got != want {
		t.Errorf("card confidence %q, want %q", got, want)
	}
	if got := eval[string](t, ctx, `new URLSearchParams(location.search).get('event')`); got != id {
		t.Errorf("the URL names event %q, want %q", got, id)
	}
	screenshot(t, ctx, dir, "03-event-card.png")

	// The article view colours every annotation.
	do(t, ctx, "open the article", chromedp.Click(chromedp.ID("open-article")))
	poll[bool](t, ctx, "the article view", `document.getElementById('article').open && document.querySelectorAll('#article-text .a').length > 0`)
	counts := eval[map[string]int](t, ctx, `(() => { const c = {}; for (const el of document.querySelectorAll('#article-text [data-layer]')) c[el.dataset.layer] = (c[el.dataset.layer] || 0) + 1; return c; })()`)
	if text := eval[string](t, ctx, `document.getElementById('article-text').textContent`); text != art.Text {
		t.Errorf("article view text differs from the article (%d vs %d chars)", len(text), len(art.Text))
	}
	for layer, n := range map[string]int{"trigger": len(art.Events), "entity": len(art.Entities), "place": len(art.Places), "timex": len(art.Timexes)} {
		// A span crossing another is drawn in two pieces, so counts may be higher.
		if counts[layer] < n {
			t.Errorf("article view shows %d %s annotations, want %d", counts[layer], layer, n)
		}
	}
	t.Logf("article %s annotations drawn: %v", ev.ArticleID, counts)
	screenshot(t, ctx, dir, "04-article.png")
	// Every event listed in the article view opens its own card.
	cards := poll[int](t, ctx, "the article's event card links", `document.querySelectorAll('[data-test=article-event-card]').length`)
	if cards != len(art.Events) {
		t.Errorf("article view links %d event cards, want %d", cards, len(art.Events))
	}
	last := eval[string](t, ctx, `[...document.querySelectorAll('[data-test=article-event-card]')].pop().dataset.eventId`)
	eval[bool](t, ctx, `(() => { [...document.querySelectorAll('[data-test=article-event-card]')].pop().click(); return true; })()`)
	poll[bool](t, ctx, "the listed event's card", `!document.getElementById('article').open && document.getElementById('card').dataset.eventId === '`+last+`' && !!document.querySelector('#card [data-test=evidence]')`)
	do(t, ctx, "open the article again", chromedp.Click(chromedp.ID("open-article")))
	poll[bool](t, ctx, "the article view again", `document.getElementById('article').open`)
	do(t, ctx, "close the article", chromedp.Click(chromedp.ID("article-close")))
	poll[bool](t, ctx, "article closed", `!document.getElementById('article').open && !location.search.includes('article=')`)

	// A bad parameter in a shared link is reported, not swallowed. The
	// page logs the failed requests too; those errors are expected.
	mu.Lock()
	expectErrors = true
	mu.Unlock()
	do(t, ctx, "open a link with a bad date", chromedp.Navigate(srv.URL+"/?from=2021-02-30"))
	msg := poll[string](t, ctx, "the error banner", `(() => { const e = document.getElementById('error'); return e.hidden ? '' : e.textContent; })()`)
	if !strings.Contains(msg, "from") {
		t.Errorf("error banner %q does not name the parameter", msg)
	}
}

func ids(evs []store.EventRecord) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

// longestWord returns the longest run of ASCII letters in s (the first
// of equal length), a word any full-text index will have.
func longestWord(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') })
	best := ""
	for _, w := range words {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// expectedHighlights returns the text of each span the card should mark,
// cut from the article text by byte offsets.
func expectedHighlights(ev sitrep.Event, art *sitrep.Result) map[string]string {
	sent := sitrep.Span{Start: ev.Evidence.Start, End: ev.Evidence.End}
	out := map[string]string{}
	add := func(role string, s sitrep.Span) {
		if s.End > s.Start && sent.Contains(s) && s.End <= len(art.Text) {
			out[role] = art.Text[s.Start:s.End]
		}
	}
	add("source", ev.Source.Span)
	add("trigger", ev.Evidence.Trigger)
	if ev.Target != nil {
		add("target", ev.Target.Span)
	}
	if loc := ev.Location; loc != nil {
		// The mention the location came from, else one of the same place.
		if loc.Place >= 0 && loc.Place < len(art.Places) && sent.Contains(art.Places[loc.Place].Span) {
			add("place", art.Places[loc.Place].Span)
		} else {
			for _, p := range art.Places {
				if sent.Contains(p.Span) && p.Name == loc.Name && p.Country == loc.Country {
					add("place", p.Span)
					break
				}
			}
		}
	}
	return out
}
