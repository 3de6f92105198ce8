package timex

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestTimeBank scores the extractor on the TimeBank/AQUAINT dev gold set.
// Set TIMEX_DUMP=path to write every disagreement for error analysis.
func TestTimeBank(t *testing.T) {
	path := sitreptest.SharedFile(t, "gold/dev/timex-timebank.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("gold set: %v", err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	s, mis := EvaluateDetail(gold, New())
	t.Logf("TimeBank dev: %s", s)
	if out := os.Getenv("TIMEX_DUMP"); out != "" {
		var b strings.Builder
		for _, m := range mis {
			switch {
			case m.Sys == nil:
				fmt.Fprintf(&b, "MISS\t%s\t%q\t%s\t%s\n", m.Doc, m.Gold.Text, m.Gold.Type, m.Gold.Value)
			case m.Gold == nil:
				fmt.Fprintf(&b, "SPUR\t%s\t%q\t%s\t%s\n", m.Doc, m.Sys.Text, m.Sys.Type, m.Sys.Value)
			default:
				fmt.Fprintf(&b, "DIFF\t%s\t%q\t%s\t%s\t|\t%q\t%s\t%s\n", m.Doc, m.Gold.Text, m.Gold.Type, m.Gold.Value, m.Sys.Text, m.Sys.Type, m.Sys.Value)
			}
		}
		if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Floors just under the measured figures, so regressions fail.
	if s.Relaxed < floorRelaxed || s.ValueAcc < floorValue || s.Strict < floorStrict {
		t.Errorf("below floor: relaxed F1 %.3f (floor %.3f), value accuracy %.3f (floor %.3f), strict F1 %.3f (floor %.3f)",
			s.Relaxed, floorRelaxed, s.ValueAcc, floorValue, s.Strict, floorStrict)
	}
}

const (
	floorRelaxed = 0.935
	floorValue   = 0.855
	floorStrict  = 0.87
)
