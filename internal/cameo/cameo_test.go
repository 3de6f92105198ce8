package cameo

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		ok        bool
		root      string
		quad      int
		goldstein float64
		plover    string
	}{
		{"145", true, "14", 4, -7.5, "PROTEST"},
		{"14", true, "14", 4, -6.5, "PROTEST"},
		{"0813", true, "08", 2, 5, "CONCEDE"}, // PLOVER manual, not the conversion table's RETREAT
		{"016", true, "01", 1, -2, "REJECT"},  // GDELT weight, not ICEWS's -5; PLOVER type from sitrep's table for dropped roots
		{"010", true, "01", 1, 0, ""},         // plain statements stay untyped
		{"0231", true, "02", 1, 3.4, "REQUEST"},
		{"042", true, "04", 1, 1.9, "CONSULT"},
		{"1213", true, "12", 3, -4, "REJECT"}, // missing in GDELT: parent's weight
		{"193", true, "19", 4, -10, "ASSAULT"},
		{"0874", true, "08", 2, 0, "RETREAT"},
		{"999", false, "", 0, 0, ""},
		{"", false, "", 0, 0, ""},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if ok != tt.ok {
			t.Errorf("Lookup(%q) ok = %v, want %v", tt.code, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if c.Code != tt.code || c.Root != tt.root || c.QuadClass != tt.quad || c.PLOVER != tt.plover || c.Name == "" {
			t.Errorf("Lookup(%q) = %+v", tt.code, c)
		}
		if tt.goldstein != 0 && c.Goldstein != tt.goldstein {
			t.Errorf("Lookup(%q).Goldstein = %v, want %v", tt.code, c.Goldstein, tt.goldstein)
		}
	}
}

func TestQuadClass(t *testing.T) {
	want := map[string]int{"01": 1, "05": 1, "06": 2, "08": 2, "09": 3, "13": 3, "14": 4, "20": 4, "00": 0, "21": 0, "x": 0, "": 0, "145": 4}
	for root, q := range want {
		if got := QuadClass(root); got != q {
			t.Errorf("QuadClass(%q) = %d, want %d", root, got, q)
		}
	}
}

func TestAll(t *testing.T) {
	all := All()
	if len(all) != 312 {
		t.Fatalf("All() has %d codes, want 312", len(all))
	}
	roots := 0
	for i, c := range all {
		if i > 0 && all[i-1].Code >= c.Code {
			t.Fatalf("All() not sorted at %d: %q >= %q", i, all[i-1].Code, c.Code)
		}
		if len(c.Code) == 2 {
			roots++
		}
		if QuadClass(c.Root) != c.QuadClass {
			t.Errorf("%s: QuadClass %d disagrees with root %s", c.Code, c.QuadClass, c.Root)
		}
	}
	if roots != 20 {
		t.Errorf("%d roots, want 20", roots)
	}
	all[0].Name = "changed"
	if c, _ := Lookup(all[0].Code); c.Name == "changed" {
		t.Error("All() returned shared storage")
	}
}

func BenchmarkLookup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Lookup("1451"); !ok {
			b.Fatal("missing")
		}
	}
}
