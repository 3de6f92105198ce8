package storetest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
)

// linking builds linking output over rs: two situations (the first three
// articles, the next two) whose events link the articles' first events,
// and the fifth article a copy of the fourth.
func linking(rs []*sitrep.Result) *sitrep.Situations {
	ev := func(id string, arts ...*sitrep.Result) sitrep.LinkedEvent {
		e := sitrep.LinkedEvent{ID: id, CAMEO: "190", Root: "19", PLOVER: "ASSAULT", QuadClass: 4, Goldstein: -10,
			Source: "IRQMIL", Target: "USAGOV", Date: "2020-01-03", DatePrecision: sitrep.Day, Place: "Baghdad",
			Location:    &sitrep.Location{Name: "Baghdad", Country: "IQ", Lat: 33.34, Lon: 44.4, Reason: "clause", Place: -1},
			NumMentions: len(arts), NumSources: len(arts), NumArticles: len(arts), Corroboration: 1.0 / 3}
		for _, r := range arts {
			e.Mentions = append(e.Mentions, sitrep.MentionRef{Article: r.Article.ID, Start: 0, End: 10, Event: 0,
				Trigger: sitrep.Span{Start: 2, End: 5}, Outlet: "outlet " + r.Article.ID, Reason: "first mention"})
		}
		return e
	}
	second := ev("ev-2", rs[3], rs[4])
	second.Mentions[1].Copy = true
	return &sitrep.Situations{
		Situations: []sitrep.Situation{
			{ID: "sit-1", Title: "Assault in Baghdad, 2020-01-03", First: "2020-01-03", Last: "2020-01-03",
				Articles: []string{rs[0].Article.ID, rs[1].Article.ID, rs[2].Article.ID},
				Events:   []sitrep.LinkedEvent{ev("ev-1", rs[0], rs[1], rs[2])},
				Casualties: []sitrep.CasualtyRange{{Kind: "killed", Low: 3, High: 5, Conflict: true, Figures: []sitrep.CasualtyFigure{
					{Count: 3, Exact: true, AccordingTo: "police", Article: rs[0].Article.ID, Start: 1, End: 4, Text: "3 killed"},
					{Count: 5, Exact: true, AccordingTo: "outlet", Article: rs[1].Article.ID, Start: 1, End: 4, Text: "5 killed"}}}},
				Quotes: []sitrep.SituationQuote{{Article: rs[0].Article.ID, Start: 0, End: 5, Speaker: "Someone", Text: "words", Kind: "direct"}}},
			{ID: "sit-2", Title: "Later", First: "2020-02-01", Last: "2020-02-03",
				Articles: []string{rs[3].Article.ID, rs[4].Article.ID}, Events: []sitrep.LinkedEvent{second},
				Casualties: []sitrep.CasualtyRange{}, Quotes: []sitrep.SituationQuote{}},
		},
		Duplicates: []sitrep.Duplicate{{Original: rs[3].Article.ID, Copy: rs[4].Article.ID, Kind: "copy", Similarity: 0.938}},
	}
}

func testSituations(ctx context.Context, t *testing.T, s store.Store) {
	rs := Results(6)
	if _, err := store.PutAll(ctx, s, rs); err != nil {
		t.Fatal(err)
	}
	// Before linking: nothing, and no error.
	if list, err := s.Situations(ctx); err != nil || len(list) != 0 {
		t.Fatalf("situations before linking: %v, %v", list, err)
	}
	var ids []string
	if err := s.ArticleIDs(ctx, func(id string) error { ids = append(ids, id); return nil }); err != nil {
		t.Fatal(err)
	}
	byPub := slices.Clone(rs)
	slices.SortStableFunc(byPub, func(a, b *sitrep.Result) int {
		if a.Article.Published != b.Article.Published {
			if a.Article.Published < b.Article.Published {
				return -1
			}
			return 1
		}
		if a.Article.ID < b.Article.ID {
			return -1
		}
		return 1
	})
	for i, r := range byPub {
		if i >= len(ids) || ids[i] != r.Article.ID {
			t.Fatalf("article ids %v, want the articles by publication date then id", ids)
		}
	}
	stop := errors.New("stop")
	if err := s.ArticleIDs(ctx, func(string) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("ArticleIDs does not return fn's error: %v", err)
	}

	out := linking(rs)
	for range 2 { // putting twice replaces
		if err := s.PutSituations(ctx, out); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Situations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.SituationSummary{
		{ID: "sit-2", Title: "Later", First: "2020-02-01", Last: "2020-02-03", Articles: 2, Events: 1},
		{ID: "sit-1", Title: "Assault in Baghdad, 2020-01-03", First: "2020-01-03", Last: "2020-01-03", Articles: 3, Events: 1},
	}
	if !slices.Equal(list, want) {
		t.Errorf("situations:\n got %+v\nwant %+v", list, want)
	}
	for _, sit := range out.Situations {
		got, err := s.Situation(ctx, sit.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := mustJSON(t, got), mustJSON(t, sit); a != b {
			t.Errorf("situation %s:\n got %s\nwant %s", sit.ID, a, b)
		}
	}
	if _, err := s.Situation(ctx, "sit-none"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown situation: %v, want ErrNotFound", err)
	}
	dups, err := s.Duplicates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, dups), mustJSON(t, out.Duplicates); a != b {
		t.Errorf("duplicates %s, want %s", a, b)
	}
	first := func(r *sitrep.Result) string { return r.Article.ID + ":0" }
	links, err := s.EventLinks(ctx, []string{first(rs[0]), first(rs[4]), first(rs[5]), "nothing:0"})
	if err != nil {
		t.Fatal(err)
	}
	wantLinks := map[string]store.EventLink{
		first(rs[0]): {LinkedEvent: "ev-1", Situation: "sit-1", NumMentions: 3, NumSources: 3, NumArticles: 3, Corroboration: 1.0 / 3},
		first(rs[4]): {LinkedEvent: "ev-2", Situation: "sit-2", NumMentions: 2, NumSources: 2, NumArticles: 2, Corroboration: 1.0 / 3, Copy: true},
	}
	if a, b := mustJSON(t, links), mustJSON(t, wantLinks); a != b {
		t.Errorf("event links %s, want %s", a, b)
	}

	// Pages: the list a page at a time, and the date filters.
	for _, tt := range []struct {
		q    store.SituationQuery
		want []string
	}{
		{store.SituationQuery{}, []string{"sit-2", "sit-1"}},
		{store.SituationQuery{From: "2020-01-04"}, []string{"sit-2"}},
		{store.SituationQuery{To: "2020-01-31"}, []string{"sit-1"}},
		{store.SituationQuery{From: "2020-02-03", To: "2020-02-03"}, []string{"sit-2"}},
		{store.SituationQuery{From: "2020-03-01"}, nil},
	} {
		for _, limit := range []int{1, 2, 0} {
			q := tt.q
			q.Limit = limit
			var got []string
			for range 5 {
				page, err := s.SituationsPage(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if page.Situations == nil || (limit > 0 && len(page.Situations) > limit) {
					t.Fatalf("page %+v of %+v", page, q)
				}
				for _, x := range page.Situations {
					got = append(got, x.ID)
				}
				if q.Cursor = page.Next; q.Cursor == "" {
					break
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("situations %+v by pages of %d: %v, want %v", tt.q, limit, got, tt.want)
			}
		}
	}
	var qe *store.QueryError
	if _, err := s.SituationsPage(ctx, store.SituationQuery{Cursor: "x"}); !errors.As(err, &qe) || qe.Param != "cursor" {
		t.Errorf("a bad cursor: %v, want a QueryError on cursor", err)
	}

	// PutSituationsFrom stores the same as PutSituations.
	seq := func(yield func(*sitrep.Situation, error) bool) {
		for i := range out.Situations {
			if !yield(&out.Situations[i], nil) {
				return
			}
		}
	}
	if err := s.PutSituationsFrom(ctx, seq, out.Duplicates); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Situations(ctx); err != nil || !slices.Equal(got, want) {
		t.Errorf("situations put from a sequence: %+v, %v", got, err)
	}
	if got, err := s.Duplicates(ctx); err != nil || mustJSON(t, got) != mustJSON(t, out.Duplicates) {
		t.Errorf("duplicates put from a sequence: %+v, %v", got, err)
	}
	// A failing sequence stores nothing and keeps what was stored.
	boom := errors.New("boom")
	failing := func(yield func(*sitrep.Situation, error) bool) {
		if yield(&out.Situations[0], nil) {
			yield(nil, boom)
		}
	}
	if err := s.PutSituationsFrom(ctx, failing, nil); !errors.Is(err, boom) {
		t.Errorf("failing sequence: %v, want its error", err)
	}
	if got, err := s.Situations(ctx); err != nil || !slices.Equal(got, want) {
		t.Errorf("situations after a failing sequence: %+v, %v", got, err)
	}

	// A new linking replaces the old one whole.
	out.Situations = out.Situations[:1]
	out.Duplicates = nil
	if err := s.PutSituations(ctx, out); err != nil {
		t.Fatal(err)
	}
	if list, err := s.Situations(ctx); err != nil || len(list) != 1 {
		t.Errorf("after relinking: %v, %v; want one situation", list, err)
	}
	if dups, err := s.Duplicates(ctx); err != nil || len(dups) != 0 {
		t.Errorf("duplicates after relinking: %v, %v", dups, err)
	}
	if links, err := s.EventLinks(ctx, []string{first(rs[4])}); err != nil || len(links) != 0 {
		t.Errorf("links after relinking: %v, %v", links, err)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testLinkOrder checks ArticleIDs, the linking order, on articles of
// several publication dates (undated ones first, ties broken by id),
// stored out of that order, and after an update moves an article to
// another date: the backends read it from an index of (published, id)
// (sqlite migration 9, postgres migration 6).
func testLinkOrder(ctx context.Context, t *testing.T, s store.Store) {
	rs := Results(12)
	dates := []string{"2020-01-09", "2020-01-07", "", "2020-01-07", "2019-12-31", "2020-01-09"}
	for i, r := range rs {
		r.Article.Published = dates[i%len(dates)]
	}
	if _, err := store.PutAll(ctx, s, rs); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		var ids []string
		if err := s.ArticleIDs(ctx, func(id string) error { ids = append(ids, id); return nil }); err != nil {
			t.Fatal(err)
		}
		byPub := slices.Clone(rs)
		slices.SortFunc(byPub, func(a, b *sitrep.Result) int {
			return cmp.Or(cmp.Compare(a.Article.Published, b.Article.Published), cmp.Compare(a.Article.ID, b.Article.ID))
		})
		want := make([]string, len(byPub))
		for i, r := range byPub {
			want[i] = r.Article.ID
		}
		if !slices.Equal(ids, want) {
			t.Errorf("%s: article ids\n got %v\nwant %v (by publication date, then id)", when, ids, want)
		}
	}
	check("after the first put")
	moved := *rs[0]
	art := *moved.Article
	art.Published = "2019-01-01"
	moved.Article = &art
	rs[0] = &moved
	if _, err := store.PutAll(ctx, s, rs[:1]); err != nil {
		t.Fatal(err)
	}
	check("after an article moved to another date")
}
