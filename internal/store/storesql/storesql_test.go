package storesql_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/storesql"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

func TestMigrations(t *testing.T) {
	ok := fstest.MapFS{
		"m/0002_b.sql": {Data: []byte("B")},
		"m/0001_a.sql": {Data: []byte("A")},
		"m/README":     {Data: []byte("not a migration")},
	}
	ms, err := storesql.Migrations(ok, "m")
	if err != nil || len(ms) != 2 || ms[0].SQL != "A" || ms[1].Version != 2 {
		t.Fatalf("Migrations = %+v, %v", ms, err)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"gap":     {"m/0001_a.sql": {}, "m/0003_c.sql": {}},
		"no num":  {"m/init.sql": {}},
		"zero":    {"m/0000_a.sql": {}},
		"dup":     {"m/0001_a.sql": {}, "m/001_b.sql": {}},
		"missing": {},
	} {
		if _, err := storesql.Migrations(fsys, "m"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestRowsHash(t *testing.T) {
	base, _, err := storesql.Rows(storetest.Results(6)[5])
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		what   string
		change func(r *sitrep.Result)
		same   bool
	}{
		{"nothing", func(*sitrep.Result) {}, true},
		{"origin", func(r *sitrep.Result) { r.Article.Origin = "moved.jsonl:9" }, true},
		{"text", func(r *sitrep.Result) { r.Article.Text += " More." }, false},
		{"title", func(r *sitrep.Result) { r.Article.Title = "Other" }, false},
		{"event location", func(r *sitrep.Result) { r.Events[2].Location.Lat += 1e-9 }, false},
		{"annotations", func(r *sitrep.Result) { r.Entities = r.Entities[:1] }, false},
	} {
		r := storetest.Results(6)[5]
		tt.change(r)
		a, evs, err := storesql.Rows(r)
		if err != nil {
			t.Fatal(err)
		}
		if (a.Hash == base.Hash) != tt.same {
			t.Errorf("%s changed: same hash = %v, want %v", tt.what, a.Hash == base.Hash, tt.same)
		}
		if len(evs) != len(r.Events) || evs[0].ID != storesql.EventID(r.Article.ID, 0) || evs[0].Day != store.Day(r.Events[0].Date) {
			t.Errorf("%s changed: event rows %+v", tt.what, evs)
		}
	}
	if _, _, err := storesql.Rows(&sitrep.Result{Article: &sitrep.Article{}}); err == nil {
		t.Error("article without id: no error")
	}
}

// TestEventRecordReadsWhatEncodingJSONWrote: stored events are written by
// encoding/json and read by the JSON v2 decoder; every field comes back
// as it was, including escapes, non-ASCII text and absent parts.
func TestEventRecordReadsWhatEncodingJSONWrote(t *testing.T) {
	full := sitrep.Event{
		CAMEO: "145", Root: "14", QuadClass: 4, Goldstein: -7.5, PLOVER: "PROTEST",
		Date: "2024-03-04", DatePrecision: sitrep.Day, DateReason: "clause",
		Source:     sitrep.EventActor{Span: sitrep.Span{Start: 3, End: 9}, Text: "Police <&> \"riot\" unit", Actor: "NGACOP", Name: "Nigeria Police"},
		Target:     &sitrep.EventActor{Span: sitrep.Span{Start: 20, End: 30}, Text: "protesters in São Paulo", Actor: "---CVL"},
		Location:   &sitrep.Location{Name: "Kano", Country: "NG", Lat: 12.0022, Lon: 8.5919, Reason: "sentence", Place: 2},
		Modality:   sitrep.Asserted,
		Evidence:   sitrep.Evidence{Sentence: "Police fired tear gas\u2028at protesters — 12 hurt.\n", Start: 0, End: 44, Trigger: sitrep.Span{Start: 10, End: 15}},
		Pattern:    "data/verbs.txt:12",
		Confidence: 0.8125,
		Background: true,
	}
	bare := sitrep.Event{CAMEO: "010", Root: "01", Modality: sitrep.Hypothetical}
	for name, ev := range map[string]sitrep.Event{"full": full, "bare": bare} {
		t.Run(name, func(t *testing.T) {
			js, err := json.Marshal(ev)
			if err != nil {
				t.Fatal(err)
			}
			r, err := storesql.EventRecord("a:1", "a", js)
			if err != nil {
				t.Fatal(err)
			}
			if r.ID != "a:1" || r.ArticleID != "a" || !reflect.DeepEqual(r.Event, ev) {
				t.Errorf("read back %+v\nwant %+v", r, ev)
			}
		})
	}
	if _, err := storesql.EventRecord("a:1", "a", []byte(`{"cameo":`)); err == nil {
		t.Error("a truncated document decoded without error")
	}
}
