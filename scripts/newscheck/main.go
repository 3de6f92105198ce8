// Command newscheck measures the event coder's precision on general news
// against events judged by hand, and draws events to judge.
//
// PLV, PLOVER dev and the PETRARCH suites hold only sentences that report
// events, so they cannot say how many of the events sitrep codes in
// general news are right, nor whether the confidence ranks them. This
// command reads the output of `sitrep extract` on the bench sample and a
// file of judged events (judged.tsv: article id, sentence start, trigger
// start, PLOVER type, 1 right or 0 wrong; no text), and reports, of the
// judged events still coded, the share right, the mean confidence, its
// AUC and its calibration bins, and counts the judged events no longer
// coded.
//
// With -draw N it instead prints N coded events drawn at random, each
// with its sentence, as lines to judge: append 1 or 0 and add them to the
// judged file. The sentences are the corpus's: keep the drawn lines out
// of the repository (judged.tsv holds only the keys and the judgment).
//
// Run from the module root:
//
//	for f in ../shared/corpus/bench/*.jsonl; do awk 'NR%16==9' $f; done > /tmp/sample.jsonl
//	go run ./cmd/sitrep extract /tmp/sample.jsonl > /tmp/out.jsonl
//	go run ./scripts/newscheck -out /tmp/out.jsonl
//	go run ./scripts/newscheck -out /tmp/out.jsonl -draw 50 -seed 2 > /tmp/tojudge.tsv
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
)

func main() {
	out := flag.String("out", "", "JSONL `file` written by sitrep extract")
	judged := flag.String("judged", "scripts/newscheck/judged.tsv", "judged events (`file`)")
	draw := flag.Int("draw", 0, "print `N` coded events to judge instead of scoring")
	seed := flag.Uint64("seed", 1, "seed of -draw")
	flag.Parse()
	if err := run(os.Stdout, *out, *judged, *draw, *seed); err != nil {
		slog.Error("newscheck", "err", err)
		os.Exit(1)
	}
}

// key identifies a coded event across runs: its article, sentence,
// trigger and type.
type key struct {
	article           string
	sentence, trigger int
	plover            string
}

func (k key) String() string {
	return fmt.Sprintf("%s\t%d\t%d\t%s", k.article, k.sentence, k.trigger, k.plover)
}

// coded is one event of the extract output.
type coded struct {
	key
	confidence float64
	text       string // sentence, source and target, for -draw
}

func run(w io.Writer, outPath, judgedPath string, draw int, seed uint64) error {
	if outPath == "" {
		return errors.New("newscheck: -out is required")
	}
	evs, err := readOutput(outPath)
	if err != nil {
		return err
	}
	if draw > 0 {
		r := rand.New(rand.NewPCG(seed, 0))
		for _, i := range r.Perm(len(evs))[:min(draw, len(evs))] {
			fmt.Fprintf(w, "%s\t%s\t\n", evs[i].key, evs[i].text)
		}
		return nil
	}
	judged, err := readJudged(judgedPath)
	if err != nil {
		return err
	}
	r := score(evs, judged)
	fmt.Fprint(w, r)
	return nil
}

// readOutput reads the events of a sitrep extract output file.
func readOutput(path string) ([]coded, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("newscheck: %w", err)
	}
	defer f.Close()
	var out []coded
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 256<<20)
	for line := 1; sc.Scan(); line++ {
		var res sitrep.Result
		if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
			return nil, fmt.Errorf("newscheck: %s:%d: %w", path, line, err)
		}
		if res.Article == nil {
			return nil, fmt.Errorf("newscheck: %s:%d: no article", path, line)
		}
		for _, e := range res.Events {
			text := e.Evidence.Sentence
			tgt := "-"
			if e.Target != nil {
				tgt = e.Target.Text + "/" + e.Target.Actor
			}
			out = append(out, coded{
				key:        key{res.Article.ID, e.Evidence.Start, e.Evidence.Trigger.Start, e.PLOVER},
				confidence: e.Confidence,
				text:       oneLine(fmt.Sprintf("%s | %s/%s -> %s | %.2f", text, e.Source.Text, e.Source.Actor, tgt, e.Confidence)),
			})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("newscheck: %s: %w", path, err)
	}
	return out, nil
}

// oneLine collapses every run of white space (tabs and newlines included)
// into one space, so that a drawn event is one line of one field.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// readJudged reads judged events: five tab-separated fields (the key and
// 1 or 0), '#' comments and blank lines skipped.
func readJudged(path string) (map[key]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("newscheck: %w", err)
	}
	out := map[key]bool{}
	for i, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("newscheck: %s:%d: %d fields, want 5 (article, sentence start, trigger start, type, 1 or 0)", path, i+1, len(f))
		}
		s, err1 := strconv.Atoi(f[1])
		t, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || f[4] != "0" && f[4] != "1" {
			return nil, fmt.Errorf("newscheck: %s:%d: offsets %q %q and judgment %q must be numbers and 0 or 1", path, i+1, f[1], f[2], f[4])
		}
		out[key{f[0], s, t, f[3]}] = f[4] == "1"
	}
	return out, nil
}

// report holds the figures of score.
type report struct {
	coded, judged, right, gone, goneRight int
	meanConf, auc                         float64
	cal                                   *learn.Calibration
}

func (r report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "coded events %d, of which judged %d: right %d (%.3f), mean confidence %.3f, confidence AUC %.3f\n",
		r.coded, r.judged, r.right, ratio(r.right, r.judged), r.meanConf, r.auc)
	fmt.Fprintf(&b, "judged events no longer coded: %d (%d judged right)\n", r.gone, r.goneRight)
	fmt.Fprintf(&b, "calibration (confidence vs. share right):\n%s", r.cal)
	fmt.Fprintf(&b, "precision=%.3f judged=%d auc=%.3f mean_confidence=%.3f gone=%d gone_right=%d coded=%d\n",
		ratio(r.right, r.judged), r.judged, r.auc, r.meanConf, r.gone, r.goneRight, r.coded)
	return b.String()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// score compares the coded events with the judged ones.
func score(evs []coded, judged map[key]bool) report {
	r := report{coded: len(evs), cal: learn.NewCalibration(10)}
	seen := map[key]bool{}
	var confs []float64
	var rights []bool
	for _, e := range evs {
		right, ok := judged[e.key]
		if !ok || seen[e.key] {
			continue
		}
		seen[e.key] = true
		r.judged++
		if right {
			r.right++
		}
		r.meanConf += e.confidence
		r.cal.Add(e.confidence, right)
		confs, rights = append(confs, e.confidence), append(rights, right)
	}
	if r.judged > 0 {
		r.meanConf /= float64(r.judged)
	}
	r.auc = auc(confs, rights)
	for k, right := range judged {
		if !seen[k] {
			r.gone++
			if right {
				r.goneRight++
			}
		}
	}
	return r
}

// auc is the probability that a right event has a higher score than a
// wrong one, ties counting a half (0 without both kinds).
func auc(scores []float64, right []bool) float64 {
	type sr struct {
		s float64
		r bool
	}
	xs := make([]sr, len(scores))
	for i := range scores {
		xs[i] = sr{scores[i], right[i]}
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].s < xs[j].s })
	var pos, neg, sum float64
	for i := 0; i < len(xs); {
		j := i
		var p, n float64
		for ; j < len(xs) && xs[j].s == xs[i].s; j++ {
			if xs[j].r {
				p++
			} else {
				n++
			}
		}
		sum += p * (neg + n/2) // right events above every wrong one below, half the ties
		pos, neg = pos+p, neg+n
		i = j
	}
	if pos == 0 || neg == 0 {
		return 0
	}
	return sum / (pos * neg)
}
