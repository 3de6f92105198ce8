// Command codebook-heldout writes a held-out check of the event coder's
// PLOVER typing: the CAMEO manual's example sentences (the "example"
// column of ../shared/spec/cameo/cameo-codes.csv, andybega/icews, MIT)
// that are not in the PLOVER dev file, each labelled with the PLOVER type
// its code converts to (internal/cameo), as JSONL that
// `sitrep eval events` scores.
//
// The PLOVER gold-standard records were drawn from the same manual, and
// the dev file holds only half of them; these sentences stand for the
// other half. The coder and its dictionaries were developed against the
// dev file, so the gap between the two figures measures how far that
// development fitted its sentences. It is a check, not a dev set: its
// errors are not read one by one, nothing is trained or tuned on it, and
// the sentences are never committed (they are third-party text).
//
// Run from the module root:
//
//	go run ./scripts/codebook-heldout -out /tmp/codebook-heldout.jsonl
//	sitrep eval events /tmp/codebook-heldout.jsonl
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/sitrep-project/sitrep/internal/cameo"
	"github.com/sitrep-project/sitrep/internal/event"
)

func main() {
	codebook := flag.String("codebook", "../shared/spec/cameo/cameo-codes.csv", "CAMEO codebook CSV with code and example columns")
	exclude := flag.String("exclude", "../shared/gold/dev/events-plover-dev.jsonl", "labelled JSONL whose sentences are left out")
	out := flag.String("out", "", "JSONL `file` to write (required)")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	n, err := run(*codebook, *exclude, *out)
	if err != nil {
		slog.Error("codebook-heldout", "err", err)
		os.Exit(1)
	}
	slog.Info("codebook-heldout: wrote", "file", *out, "records", n)
}

type record struct {
	ID     string      `json:"id"`
	Date   string      `json:"date"`
	Text   string      `json:"text"`
	Events []goldEvent `json:"events"`
}

type goldEvent struct {
	EventType string `json:"event_type"`
}

func run(codebook, exclude, out string) (int, error) {
	f, err := os.Open(codebook)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return 0, fmt.Errorf("%s: %w", codebook, err)
	}
	if len(rows) == 0 {
		return 0, fmt.Errorf("%s: empty", codebook)
	}
	ci, ei := slices.Index(rows[0], "code"), slices.Index(rows[0], "example")
	if ci < 0 || ei < 0 {
		return 0, fmt.Errorf("%s: no code or example column in %q", codebook, rows[0])
	}
	seen := map[string]bool{}
	dev, err := event.ReadLabelled(exclude)
	if err != nil {
		return 0, err
	}
	for _, r := range dev {
		seen[key(r.Text)] = true
	}
	w, err := os.Create(out)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	n := 0
	for _, row := range rows[1:] {
		if len(row) <= max(ci, ei) || strings.TrimSpace(row[ei]) == "" || seen[key(row[ei])] {
			continue
		}
		c, ok := cameo.Lookup(row[ci])
		if !ok || c.PLOVER == "" {
			continue
		}
		rec := record{ID: "CAMEO-" + c.Code, Date: "2000-01-01", Text: strings.TrimSpace(row[ei]), Events: []goldEvent{{EventType: c.PLOVER}}}
		if err := enc.Encode(rec); err != nil {
			return n, err
		}
		n++
	}
	if err := bw.Flush(); err != nil {
		return n, err
	}
	return n, w.Close()
}

// key identifies a sentence across changes of case, spacing and
// punctuation (the dev file's copies were retyped): its first 40 letters
// and digits, lower-cased.
func key(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= 40 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
