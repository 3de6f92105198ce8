package event

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Labelled is one sentence of a PLOVER-labelled training file (the PLV
// train format): its text, its date if known, and its gold events with
// their PLOVER type and actor texts. The typer and the role chooser are
// trained on these.
type Labelled struct {
	ID     string  `json:"id"`
	Date   *string `json:"date"`
	Text   string  `json:"text"`
	Events []struct {
		EventType  string   `json:"event_type"`
		SourceText []string `json:"source_text"`
		TargetText []string `json:"target_text"`
	} `json:"events"`
}

// ReadLabelled reads a PLOVER-labelled JSONL file, skipping blank lines;
// an error names the file and line.
func ReadLabelled(path string) ([]Labelled, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("event: %w", err)
	}
	defer f.Close()
	var out []Labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var l Labelled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("event: %s:%d: %w", path, line, err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("event: %s: %w", path, err)
	}
	return out, nil
}

// ploverAliases maps the event types of PLOVER 0.5 (2016), in which the
// PLOVER gold standard records were coded, to the PLOVER 2021 types of
// the CAMEO→PLOVER mapping sitrep uses: DEMAND became REQUEST, DISAPPROVE
// and INVESTIGATE became ACCUSE, FIGHT (CAMEO 19) became ASSAULT.
var ploverAliases = map[string]string{
	"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}

// GoldType returns a gold event type under its PLOVER 2021 name.
func GoldType(t string) string {
	if a, ok := ploverAliases[t]; ok {
		return a
	}
	return t
}

// TyperClass returns the typer's class of a gold event type: its PLOVER
// 2021 name, with CONCEDE and RETREAT as YIELD, as PLV labels them.
func TyperClass(t string) string {
	t = GoldType(t)
	if t == "CONCEDE" || t == "RETREAT" {
		return yieldClass
	}
	return t
}
