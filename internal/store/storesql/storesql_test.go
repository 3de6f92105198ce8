package storesql_test

import (
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
