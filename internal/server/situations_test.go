package server

import (
	"context"
	"io"
	"maps"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
)

// linkedFixture links the fixture's kabul-1 events 0 and 1 into one event
// of one situation, and iraq-2 into another; us-3 is a copy of iraq-2.
func linkedFixture(t *testing.T, st store.Store) {
	t.Helper()
	le := func(id string, ms ...sitrep.MentionRef) sitrep.LinkedEvent {
		return sitrep.LinkedEvent{ID: id, CAMEO: "145", Root: "14", PLOVER: "PROTEST", QuadClass: 3, Source: "AFGCVL",
			Date: "2024-05-14", DatePrecision: sitrep.Day, Place: "Kabul",
			Location:    &sitrep.Location{Name: "Kabul", Country: "AF", Lat: 34.5281, Lon: 69.1723, Reason: "clause", Place: -1},
			NumMentions: len(ms), NumSources: 1, NumArticles: 1, Corroboration: 0.5, Mentions: ms}
	}
	out := &sitrep.Situations{
		Situations: []sitrep.Situation{
			{ID: "sit-kabul", Title: "Protest in Kabul, 2024-05-14", First: "2024-05-14", Last: "2024-05-14",
				Articles: []string{"kabul-1"},
				Events: []sitrep.LinkedEvent{le("ev-kabul", sitrep.MentionRef{Article: "kabul-1", Event: 0, Start: 0, End: 40},
					sitrep.MentionRef{Article: "kabul-1", Event: 1, Start: 41, End: 85})},
				Casualties: []sitrep.CasualtyRange{}, Quotes: []sitrep.SituationQuote{}},
			{ID: "sit-iraq", Title: "Iraq", First: "2024-06-01", Last: "2024-06-02", Articles: []string{"iraq-2", "us-3"},
				Events: []sitrep.LinkedEvent{}, Casualties: []sitrep.CasualtyRange{}, Quotes: []sitrep.SituationQuote{}},
		},
		Duplicates: []sitrep.Duplicate{{Original: "iraq-2", Copy: "us-3", Kind: "copy", Similarity: 0.9}},
	}
	if err := st.PutSituations(context.Background(), out); err != nil {
		t.Fatal(err)
	}
}

func TestSituations(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		linkedFixture(t, st)
		srv := newTestServer(t, st)
		for _, tt := range []struct {
			query string
			want  []string
		}{
			{"", []string{"sit-iraq", "sit-kabul"}},
			{"?limit=1", []string{"sit-iraq"}},
			{"?place=kab", []string{"sit-kabul"}},
			{"?actor=afg", []string{"sit-kabul"}},
			{"?from=2024-06-01", []string{"sit-iraq"}},
			{"?to=2024-05-31", []string{"sit-kabul"}},
			{"?q=IRAQ", []string{"sit-iraq"}},
			{"?q=nothing", nil},
		} {
			var got situationsResponse
			if resp := get(t, srv, "/api/situations"+tt.query, &got); resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", tt.query, resp.StatusCode)
			}
			var ids []string
			for _, s := range got.Situations {
				ids = append(ids, s.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
				t.Errorf("/api/situations%s = %v, want %v", tt.query, ids, tt.want)
			}
		}
		for _, tt := range []struct{ path, param string }{
			{"/api/situations?from=May", "from"},
			{"/api/situations?limit=0", "limit"},
			{"/api/situations?actor=%3B", "actor"},
			{"/api/situations?place=", "place"},
			{"/api/situations?quad=1", "quad"},
			{"/api/situations/sit-kabul?x=1", "x"},
			{"/api/situations/sit-kabul/report?format=doc", "format"},
		} {
			var e struct{ Error, Param string }
			if resp := get(t, srv, tt.path, &e); resp.StatusCode != http.StatusBadRequest || e.Param != tt.param {
				t.Errorf("%s: %d %+v, want 400 naming %s", tt.path, resp.StatusCode, e, tt.param)
			}
		}
		if resp := get(t, srv, "/api/situations/sit-none", nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("unknown situation: %d", resp.StatusCode)
		}

		var one situationResponse
		get(t, srv, "/api/situations/sit-iraq", &one)
		if one.ID != "sit-iraq" || len(one.ArticleRefs) != 2 || len(one.Duplicates) != 1 || one.Duplicates[0].Copy != "us-3" {
			t.Errorf("situation: %+v", one)
		}

		for format, want := range map[string]string{"html": "<h2>Evidence</h2>", "md": "## Evidence", "pdf": "%PDF-"} {
			resp, err := srv.Client().Get(srv.URL + "/api/situations/sit-kabul/report?format=" + format)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != reportFormats[format] || !strings.Contains(string(body), want) {
				t.Errorf("report %s: %s %q, %d bytes without %q", format, resp.Status, resp.Header.Get("Content-Type"), len(body), want)
			}
		}

		// Events carry their linked event; exports its counts and the
		// mentions table.
		var ev eventResponse
		get(t, srv, "/api/events/kabul-1:1", &ev)
		if ev.Link == nil || ev.Link.LinkedEvent != "ev-kabul" || ev.Link.NumMentions != 2 || ev.Link.Situation != "sit-kabul" {
			t.Errorf("event kabul-1:1 link %+v", ev.Link)
		}
		gd := string(export(t, srv, "format=gdelt", "text/tab-separated-values; charset=utf-8", "export.tsv"))
		kabul := 0
		for _, line := range strings.Split(strings.TrimRight(gd, "\n"), "\n") {
			f := strings.Split(line, "\t")
			if f[0] == "" || len(f) != len(gdeltColumns) {
				t.Fatalf("gdelt row with %d fields", len(f))
			}
			if f[0] == strconv.FormatInt(gdeltID("ev-kabul"), 10) {
				kabul++
				if f[31] != "2" || f[32] != "1" || f[33] != "1" {
					t.Errorf("gdelt counts of the Kabul event: %v, want 2, 1, 1", f[31:34])
				}
			}
		}
		if kabul != 1 {
			t.Errorf("gdelt export: %d rows of the linked Kabul event with NumMentions 2, want 1:\n%s", kabul, gd)
		}
		mentions := strings.Split(strings.TrimRight(string(export(t, srv, "format=gdelt-mentions", "text/tab-separated-values; charset=utf-8", "mentions.tsv")), "\n"), "\n")
		ids := map[string]int{}
		sentences := map[string]bool{}
		for _, line := range mentions {
			f := strings.Split(line, "\t")
			if len(f) != len(gdeltMentionColumns) {
				t.Fatalf("mentions row with %d fields: %q", len(f), line)
			}
			ids[f[0]]++
			if f[5] == "https://example.org/kabul-1" {
				sentences[f[6]] = true // SentenceID
			}
		}
		if want := map[string]bool{"1": true, "2": true, "3": true}; !maps.Equal(sentences, want) {
			t.Errorf("SentenceID of the mentions of kabul-1: %v, want 1, 2 and 3", sentences)
		}
		if want := strconv.FormatInt(gdeltID("ev-kabul"), 10); ids[want] != 2 {
			t.Errorf("mentions of the Kabul event: %d, want 2 (%v)", ids[want], ids)
		}
	})
}

// TestSituationsPages walks the situations list a page at a time, with
// and without a filter read from the situations themselves, and checks
// that the pages give the whole list in order, each situation once.
func TestSituationsPages(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		out := &sitrep.Situations{Duplicates: []sitrep.Duplicate{}}
		for i := range 9 {
			day := "2024-05-0" + strconv.Itoa(1+i/2) // pairs share a last date
			title := "Protest"
			if i%3 == 0 {
				title = "Strike"
			}
			out.Situations = append(out.Situations, sitrep.Situation{ID: "sit-" + strconv.Itoa(i), Title: title, First: day, Last: day,
				Articles: []string{}, Events: []sitrep.LinkedEvent{}, Casualties: []sitrep.CasualtyRange{}, Quotes: []sitrep.SituationQuote{}})
		}
		if err := st.PutSituations(context.Background(), out); err != nil {
			t.Fatal(err)
		}
		srv := newTestServer(t, st)
		walk := func(query string, limit int) []string {
			var ids []string
			cursor := ""
			for range 20 {
				var page situationsResponse
				path := "/api/situations?limit=" + strconv.Itoa(limit) + query
				if cursor != "" {
					path += "&cursor=" + cursor
				}
				if resp := get(t, srv, path, &page); resp.StatusCode != http.StatusOK {
					t.Fatalf("%s: status %d", path, resp.StatusCode)
				}
				if len(page.Situations) > limit {
					t.Fatalf("%s: %d situations", path, len(page.Situations))
				}
				for _, s := range page.Situations {
					ids = append(ids, s.ID)
				}
				if cursor = page.Next; cursor == "" {
					return ids
				}
			}
			t.Fatalf("%s: no last page", query)
			return nil
		}
		for _, query := range []string{"", "&q=strike", "&from=2024-05-02&to=2024-05-04"} {
			all := walk(query, 100)
			if len(all) == 0 {
				t.Fatalf("%q: no situations", query)
			}
			for _, limit := range []int{1, 2, 4} {
				if got := walk(query, limit); strings.Join(got, ",") != strings.Join(all, ",") {
					t.Errorf("%q by %d: %v, want %v", query, limit, got, all)
				}
			}
		}
		if got := walk("&q=strike", 100); strings.Join(got, ",") != "sit-6,sit-3,sit-0" {
			t.Errorf("strikes: %v", got)
		}
		var e struct{ Error, Param string }
		if resp := get(t, srv, "/api/situations?cursor=nonsense", &e); resp.StatusCode != http.StatusBadRequest || e.Param != "cursor" {
			t.Errorf("bad cursor: %d %+v, want 400 naming cursor", resp.StatusCode, e)
		}
	})
}
