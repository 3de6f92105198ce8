package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// goldEventRecord is one line of an events gold file: PETRARCH unit
// records carry CAMEO triples (source, target, cameo), PLOVER records
// carry event_type with actor texts.
type goldEventRecord struct {
	ID       string      `json:"id"`
	Date     *string     `json:"date"`
	Text     string      `json:"text"`
	Category string      `json:"category"`
	Evaluate *bool       `json:"evaluate"`
	Skip     bool        `json:"skip"`
	Events   []goldEvent `json:"events"`
}

type goldEvent struct {
	Source     string   `json:"source"`
	Target     string   `json:"target"`
	CAMEO      string   `json:"cameo"`
	EventType  string   `json:"event_type"`
	SourceText []string `json:"-"`
	TargetText []string `json:"-"`
}

// UnmarshalJSON reads a gold event. PLOVER records use "source" and
// "target" for actor lists, not codes, so those fields are only taken when
// they are strings.
func (g *goldEvent) UnmarshalJSON(b []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	str := func(k string) string {
		var s string
		if v, ok := raw[k]; ok {
			_ = json.Unmarshal(v, &s) // non-strings (PLOVER actor lists) stay ""
		}
		return s
	}
	g.Source, g.Target, g.CAMEO, g.EventType = str("source"), str("target"), str("cameo"), str("event_type")
	if v, ok := raw["source_text"]; ok {
		_ = json.Unmarshal(v, &g.SourceText)
	}
	if v, ok := raw["target_text"]; ok {
		_ = json.Unmarshal(v, &g.TargetText)
	}
	return nil
}

// prf counts matches for precision, recall and F1.
type prf struct {
	TP        int     `json:"tp"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (p *prf) finish() {
	p.Precision, p.Recall, p.F1 = 0, 0, 0
	if p.Predicted > 0 {
		p.Precision = float64(p.TP) / float64(p.Predicted)
	}
	if p.Gold > 0 {
		p.Recall = float64(p.TP) / float64(p.Gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

func (p *prf) add(q prf) { p.TP += q.TP; p.Gold += q.Gold; p.Predicted += q.Predicted }

// accuracy is a share of gold items got right.
type accuracy struct {
	Correct  int     `json:"correct"`
	Total    int     `json:"total"`
	Accuracy float64 `json:"accuracy"`
}

func (a *accuracy) finish() {
	a.Accuracy = 0
	if a.Total > 0 {
		a.Accuracy = float64(a.Correct) / float64(a.Total)
	}
}

// recordResult is the scoring of one gold record.
type recordResult struct {
	ID        string   `json:"id"`
	Category  string   `json:"category,omitempty"`
	Text      string   `json:"text"`
	Evaluate  bool     `json:"evaluate"`
	Missed    []string `json:"missed,omitempty"`
	Extra     []string `json:"extra,omitempty"`
	Correct   bool     `json:"correct"`
	Predicted []string `json:"predicted,omitempty"`
}

// eventsReport is the output of 'sitrep eval events'.
type eventsReport struct {
	Gold    string `json:"gold"`
	Records int    `json:"records"`
	Skipped int    `json:"skipped"`
	// Triples scores (source, target, code) triples over the records with
	// evaluate true (or no evaluate flag); TriplesNotEvaluated over those
	// PETRARCH itself did not pass (evaluate false).
	Triples             *prf           `json:"triples,omitempty"`
	TriplesNotEvaluated *prf           `json:"triples_not_evaluated,omitempty"`
	RootTriples         *prf           `json:"root_triples,omitempty"`
	RootAccuracy        *accuracy      `json:"root_accuracy,omitempty"`
	RecordsCorrect      *accuracy      `json:"records_correct,omitempty"`
	ByCategory          map[string]prf `json:"by_category,omitempty"`
	// PLOVER scores gold events with an event_type: a gold event counts as
	// matched when an event of that PLOVER type was coded from its
	// sentence (each coded event matches one gold event at most).
	PLOVER       *accuracy           `json:"plover,omitempty"`
	PLOVERByType map[string]accuracy `json:"plover_by_type,omitempty"`
	PLOVERExtra  int                 `json:"plover_extra,omitempty"`
	// PLOVERFirst scores one type per record, as a single-label scorer
	// would: whether the first event coded from the record (the most
	// confident of its sentence: the coder puts it first) has the type of
	// the record's first gold event.
	PLOVERFirst *accuracy `json:"plover_first,omitempty"`
	// PLOVERSource and PLOVERTarget score, over the gold events whose type
	// was matched and that name the actor, whether a coded event of that
	// type has an actor whose text or name overlaps the gold actor text.
	PLOVERSource *accuracy `json:"plover_source,omitempty"`
	PLOVERTarget *accuracy `json:"plover_target,omitempty"`
	// Calibration bins the coded events' confidences against whether each
	// was right (its triple, or its PLOVER type, matched a gold event);
	// nil when every event has confidence 0, as before the coder set it.
	Calibration *learn.Calibration `json:"calibration,omitempty"`
	Failures    []recordResult     `json:"failures"`
}

func (m *Main) evalEvents(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "eval events", "GOLD.jsonl",
		"Scores the event coder against a gold file: CAMEO (source, target, code) triples\n"+
			"(PETRARCH unit records) and PLOVER event types (PLOVER records).")
	var dicts multiFlag
	fs.Var(&dicts, "dict", "directory of dictionaries layered over the defaults (repeatable)")
	noDefault := fs.Bool("no-default-dicts", false, "use only the --dict directories, not the embedded defaults")
	parseTrees := fs.Bool("parse", false, "code events from dependency trees where a tree can change them, parsing those sentences (experimental)")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	misses := fs.Int("misses", 20, "how many failed records to list (-1: all)")
	noTyper := fs.Bool("no-typer", false, "code events with the dictionaries alone, without the learned event typer")
	folds := fs.Int("folds", 0, "cross-validate the event typer: retrain it on all but one of `k` folds of GOLD\n"+
		"(a labelled-sentence file such as the PLV train file) and score each fold with the typer that did not see it")
	seed := fs.Uint64("seed", eventsCVSeed, "under --folds, the seed the records are split into folds with (other seeds show how much the figures owe to one split)")
	unl := fs.String("unlabelled", "", "under --folds, a CoNLL-2003 `file` whose documents are the unlabelled news the typer's presence model\n"+
		"learns from, as scripts/train-typer does with ../shared/gold/dev/ner-conll2003-train.conll (none: no presence model)")
	also := fs.String("also", "", "under --folds, a labelled `file` whose records every fold's typer also learns from, as scripts/train-typer\n"+
		"does with ../shared/gold/dev/events-plover-dev.jsonl (they only add to the typer's examples)")
	alsoMain := fs.Bool("also-main", false, "under --also, the --also records are the typer's main training and GOLD's other folds only add to\n"+
		"its examples: scores the shipped recipe on the auxiliary file")
	pos, help, err := parseInterleaved(fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return fmt.Errorf("%w: eval events needs one GOLD.jsonl", errUsage)
	}
	if *noDefault && len(dicts) == 0 {
		return fmt.Errorf("%w: --no-default-dicts needs at least one --dict", errUsage)
	}
	if *folds == 0 && (*also != "" || *alsoMain) {
		return fmt.Errorf("%w: --also and --also-main need --folds", errUsage)
	}
	cfg := pipeline.Config{DictDirs: dicts, NoDefaultDicts: *noDefault, NoTyper: *noTyper, Parse: *parseTrees}
	var rep *eventsReport
	if *folds > 0 {
		if *folds < 2 || *noTyper || *noDefault {
			return fmt.Errorf("%w: --folds needs k >= 2 and the default dictionaries with the typer", errUsage)
		}
		if *alsoMain && *also == "" {
			return fmt.Errorf("%w: --also-main needs --also", errUsage)
		}
		rep, err = crossValidateEvents(ctx, cfg, pos[0], *folds, *seed, cvTraining{unlabelled: *unl, also: *also, alsoMain: *alsoMain})
	} else {
		var p *pipeline.Pipeline
		if p, err = newPipeline(cfg); err != nil {
			return err
		}
		rep, err = scoreEvents(ctx, p, pos[0])
	}
	if err != nil {
		return err
	}
	if *misses >= 0 && len(rep.Failures) > *misses {
		rep.Failures = rep.Failures[:*misses]
	}
	return printEval(m.Stdout, *asJSON, eventsFigures(rep), func(w io.Writer) { printEventsReport(w, rep) })
}

// eventsFigures are the headline figures of an events report: the triple
// scores for CAMEO records, the PLOVER scores for PLOVER records, and the
// expected calibration error when the events carry confidences.
func eventsFigures(r *eventsReport) figures {
	var figs figures
	if t := r.Triples; t != nil {
		figs = append(figs, measure("f1", t.F1), measure("p", t.Precision), measure("r", t.Recall),
			count("tp", t.TP), count("gold", t.Gold), count("pred", t.Predicted),
			measure("root_f1", r.RootTriples.F1), measure("root_acc", r.RootAccuracy.Accuracy),
			measure("records_acc", r.RecordsCorrect.Accuracy))
	}
	if a := r.PLOVER; a != nil {
		figs = append(figs, measure("plover_acc", a.Accuracy), count("plover_right", a.Correct), count("plover_gold", a.Total),
			count("plover_extra", r.PLOVERExtra))
		if r.PLOVERFirst != nil {
			figs = append(figs, measure("plover_first_acc", r.PLOVERFirst.Accuracy))
		}
		if r.PLOVERSource != nil {
			figs = append(figs, measure("plover_source_acc", r.PLOVERSource.Accuracy))
		}
		if r.PLOVERTarget != nil {
			figs = append(figs, measure("plover_target_acc", r.PLOVERTarget.Accuracy))
		}
	}
	if c := r.Calibration; c != nil {
		n := 0
		for _, b := range c.Bins {
			n += b.N
		}
		figs = append(figs, measure("ece", c.ECE()), count("calibrated", n))
	}
	return append(figs, count("records", r.Records), count("skipped", r.Skipped))
}

// parseInterleaved parses flags that may come before or after the
// positional arguments ("eval events GOLD.jsonl --json") and returns the
// positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) (pos []string, help bool, err error) {
	help, err = parseFlags(fs, args)
	if help || err != nil {
		return nil, help, err
	}
	return fs.Args(), false, nil
}

// goldLine is a gold record with its line number.
type goldLine struct {
	goldEventRecord
	line int
}

// readGoldEvents reads the records of an events gold file.
func readGoldEvents(path string) ([]goldLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval events: %w", err)
	}
	defer f.Close()
	var out []goldLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g goldEventRecord
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("eval events: %s:%d: %w", path, line, err)
		}
		out = append(out, goldLine{g, line})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval events: %s: %w", path, err)
	}
	return out, nil
}

func (g *goldEventRecord) article() *sitrep.Article {
	art := &sitrep.Article{ID: g.ID, Text: ingest.Normalize(g.Text)}
	if g.Date != nil {
		art.Published = *g.Date
	}
	return art
}

// scoreEvents runs p over every record of the gold file and scores it.
func scoreEvents(ctx context.Context, p *pipeline.Pipeline, path string) (*eventsReport, error) {
	recs, err := readGoldEvents(path)
	if err != nil {
		return nil, err
	}
	return scoreRecords(ctx, func(int) *pipeline.Pipeline { return p }, path, recs)
}

// scoreRecords scores the gold records, record i coded by pipe(i).
func scoreRecords(ctx context.Context, pipe func(i int) *pipeline.Pipeline, path string, golds []goldLine) (*eventsReport, error) {
	rep := &eventsReport{Gold: path, ByCategory: map[string]prf{}, PLOVERByType: map[string]accuracy{}}
	var tri, triNE, root prf
	var rootAcc, recs, plover accuracy
	hasTriples, hasPlover, hasConf := false, false, false
	cal := learn.NewCalibration(10)
	for i := range golds {
		g, line := &golds[i].goldEventRecord, golds[i].line
		rep.Records++
		if g.Skip {
			rep.Skipped++
			continue
		}
		res, err := pipe(i).Process(ctx, g.article())
		if err != nil {
			return nil, fmt.Errorf("eval events: %s:%d (%s): %w", path, line, g.ID, err)
		}
		for _, e := range res.Events {
			hasConf = hasConf || e.Confidence != 0
		}
		rr := recordResult{ID: g.ID, Category: g.Category, Text: g.Text, Evaluate: g.Evaluate == nil || *g.Evaluate}
		for _, e := range res.Events {
			rr.Predicted = append(rr.Predicted, eventTriple(e))
		}
		ploverGold := false
		for _, ge := range g.Events {
			if ge.EventType != "" {
				ploverGold = true
			}
		}
		if ploverGold {
			hasPlover = true
			scorePlover(&rr, g.Events, res.Events, &plover, rep)
			var gold []string
			for _, ge := range g.Events {
				if ge.EventType != "" {
					gold = append(gold, event.GoldType(ge.EventType))
				}
			}
			// The members of a coordination after the first ("criticized
			// Russia and China") share its confidence, and the gold codes
			// them as one event: they are left out.
			var evs []sitrep.Event
			for i := range res.Events {
				if event.Member(res.Events, i) < 0 {
					evs = append(evs, res.Events[i])
				}
			}
			calibrate(cal, evs, func(e *sitrep.Event) string { return ploverKey(e.PLOVER, gold) }, gold)
		} else {
			hasTriples = true
			var gold []string
			var goldRoot []string
			for _, ge := range g.Events {
				gold = append(gold, ge.Source+" "+ge.Target+" "+ge.CAMEO)
				goldRoot = append(goldRoot, ge.Source+" "+ge.Target+" "+root2(ge.CAMEO))
			}
			var predRoot []string
			for _, e := range res.Events {
				predRoot = append(predRoot, eventActor(&e.Source)+" "+targetActor(e.Target)+" "+e.Root)
			}
			s, missed, extra := matchMultiset(gold, rr.Predicted)
			rs, _, _ := matchMultiset(goldRoot, predRoot)
			rr.Missed, rr.Extra = missed, extra
			rr.Correct = len(missed) == 0 && len(extra) == 0
			if rr.Evaluate {
				tri.add(s)
				root.add(rs)
				c := rep.ByCategory[g.Category]
				c.add(s)
				rep.ByCategory[g.Category] = c
				recs.Total++
				if rr.Correct {
					recs.Correct++
				}
				scoreRoots(g.Events, res.Events, &rootAcc)
				calibrate(cal, res.Events, func(e *sitrep.Event) string { return eventTriple(*e) }, gold)
			} else {
				triNE.add(s)
			}
		}
		if !rr.Correct {
			rep.Failures = append(rep.Failures, rr)
		}
	}
	if hasTriples {
		for _, p := range []*prf{&tri, &triNE, &root} {
			p.finish()
		}
		rootAcc.finish()
		recs.finish()
		rep.Triples, rep.TriplesNotEvaluated, rep.RootTriples, rep.RootAccuracy, rep.RecordsCorrect = &tri, &triNE, &root, &rootAcc, &recs
		for k, c := range rep.ByCategory {
			c.finish()
			rep.ByCategory[k] = c
		}
	} else {
		rep.ByCategory = nil
	}
	if hasPlover {
		plover.finish()
		rep.PLOVER = &plover
		for _, a := range []*accuracy{rep.PLOVERFirst, rep.PLOVERSource, rep.PLOVERTarget} {
			if a != nil {
				a.finish()
			}
		}
		for k, a := range rep.PLOVERByType {
			a.finish()
			rep.PLOVERByType[k] = a
		}
	} else {
		rep.PLOVERByType = nil
	}
	if hasConf {
		rep.Calibration = cal
	}
	if rep.Failures == nil {
		rep.Failures = []recordResult{}
	}
	return rep, nil
}

// calibrate adds each coded event that has a key to cal, as right when a
// gold item with its key is left to match it. Of several events with one
// key, the most confident take the matches.
func calibrate(cal *learn.Calibration, evs []sitrep.Event, key func(*sitrep.Event) string, gold []string) {
	left := map[string]int{}
	for _, g := range gold {
		left[g]++
	}
	order := make([]int, len(evs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return evs[order[a]].Confidence > evs[order[b]].Confidence })
	for _, i := range order {
		k := key(&evs[i])
		if k == "" {
			continue
		}
		right := left[k] > 0
		if right {
			left[k]--
		}
		cal.Add(evs[i].Confidence, right)
	}
}

// ploverKey is the calibration key of a coded PLOVER type: the gold type
// it matches when one of golds does, else the type itself.
func ploverKey(coded string, golds []string) string {
	for _, g := range golds {
		if ploverMatch(g, coded) {
			return g
		}
	}
	return coded
}

// ploverYield is the PLOVER 0.5 type that PLOVER 2021 split in two: a gold
// YIELD (as the PLV records are labelled) is matched by a coded CONCEDE or
// RETREAT.
const ploverYield = "YIELD"

// ploverMatch reports whether a coded PLOVER 2021 type matches a gold type
// (already passed through event.GoldType).
func ploverMatch(gold, coded string) bool {
	return coded == gold || gold == ploverYield && (coded == "CONCEDE" || coded == "RETREAT")
}

// scoreActors scores the source and target texts of a type-matched gold
// event against the coded events of that type.
func scoreActors(rep *eventsReport, ge goldEvent, evs []sitrep.Event, typ string) {
	score := func(acc **accuracy, gold []string, actor func(e *sitrep.Event) *sitrep.EventActor) {
		if len(gold) == 0 {
			return
		}
		if *acc == nil {
			*acc = &accuracy{}
		}
		(*acc).Total++
		for i := range evs {
			if evs[i].PLOVER == typ && event.TextOverlaps(gold, actor(&evs[i])) {
				(*acc).Correct++
				return
			}
		}
	}
	score(&rep.PLOVERSource, ge.SourceText, func(e *sitrep.Event) *sitrep.EventActor { return &e.Source })
	score(&rep.PLOVERTarget, ge.TargetText, func(e *sitrep.Event) *sitrep.EventActor { return e.Target })
}

// scorePlover matches gold PLOVER types against the coded events' types.
func scorePlover(rr *recordResult, gold []goldEvent, evs []sitrep.Event, acc *accuracy, rep *eventsReport) {
	avail := map[string]int{}
	for _, e := range evs {
		if e.PLOVER != "" {
			avail[e.PLOVER]++
		}
	}
	rr.Predicted = rr.Predicted[:0]
	for _, e := range evs {
		rr.Predicted = append(rr.Predicted, e.PLOVER+" "+eventTriple(e))
	}
	if i := slices.IndexFunc(gold, func(g goldEvent) bool { return g.EventType != "" }); i >= 0 {
		if rep.PLOVERFirst == nil {
			rep.PLOVERFirst = &accuracy{}
		}
		rep.PLOVERFirst.Total++
		if len(evs) > 0 && ploverMatch(event.GoldType(gold[i].EventType), evs[0].PLOVER) {
			rep.PLOVERFirst.Correct++
		}
	}
	rr.Correct = true
	for _, ge := range gold {
		if ge.EventType == "" {
			continue
		}
		t := rep.PLOVERByType[ge.EventType]
		t.Total++
		acc.Total++
		want := event.GoldType(ge.EventType)
		got := ""
		for _, k := range []string{want, "CONCEDE", "RETREAT"} {
			if avail[k] > 0 && ploverMatch(want, k) {
				got = k
				break
			}
		}
		if got != "" {
			avail[got]--
			t.Correct++
			acc.Correct++
			scoreActors(rep, ge, evs, got)
		} else {
			rr.Correct = false
			rr.Missed = append(rr.Missed, ge.EventType+" "+strings.Join(ge.SourceText, "+"))
		}
		rep.PLOVERByType[ge.EventType] = t
	}
	for k, n := range avail {
		for ; n > 0; n-- {
			rr.Extra = append(rr.Extra, k)
			rep.PLOVERExtra++
		}
	}
	sort.Strings(rr.Extra)
}

// scoreRoots counts, for each gold event whose dyad was coded, whether an
// event of that dyad has the gold root code.
func scoreRoots(gold []goldEvent, evs []sitrep.Event, acc *accuracy) {
	for _, ge := range gold {
		seen, hit := false, false
		for _, e := range evs {
			if eventActor(&e.Source) == ge.Source && targetActor(e.Target) == ge.Target {
				seen = true
				if e.Root == root2(ge.CAMEO) {
					hit = true
				}
			}
		}
		if seen {
			acc.Total++
			if hit {
				acc.Correct++
			}
		}
	}
}

func root2(code string) string { return code[:min(2, len(code))] }

func eventActor(a *sitrep.EventActor) string { return a.Actor }

// targetActor is the target's code, "---" (PETRARCH's null actor) when
// the event has none.
func targetActor(a *sitrep.EventActor) string {
	if a == nil || a.Actor == "" {
		return "---"
	}
	return a.Actor
}

func eventTriple(e sitrep.Event) string {
	return eventActor(&e.Source) + " " + targetActor(e.Target) + " " + e.CAMEO
}

// matchMultiset matches predicted against gold items one for one.
func matchMultiset(gold, pred []string) (s prf, missed, extra []string) {
	left := map[string]int{}
	for _, p := range pred {
		left[p]++
	}
	s.Gold, s.Predicted = len(gold), len(pred)
	for _, g := range gold {
		if left[g] > 0 {
			left[g]--
			s.TP++
		} else {
			missed = append(missed, g)
		}
	}
	for _, p := range pred {
		if left[p] > 0 {
			left[p]--
			extra = append(extra, p)
		}
	}
	return s, missed, extra
}

func printEventsReport(w io.Writer, r *eventsReport) {
	fmt.Fprintf(w, "gold %s: %d records, %d skipped\n", r.Gold, r.Records, r.Skipped)
	line := func(name string, p *prf) {
		fmt.Fprintf(w, "%-24s P %.3f  R %.3f  F1 %.3f  (tp %d, gold %d, predicted %d)\n", name, p.Precision, p.Recall, p.F1, p.TP, p.Gold, p.Predicted)
	}
	if r.Triples != nil {
		line("triples", r.Triples)
		line("triples (evaluate=false)", r.TriplesNotEvaluated)
		line("root triples", r.RootTriples)
		fmt.Fprintf(w, "%-24s %.3f (%d/%d gold events whose dyad was coded)\n", "root-code accuracy", r.RootAccuracy.Accuracy, r.RootAccuracy.Correct, r.RootAccuracy.Total)
		fmt.Fprintf(w, "%-24s %.3f (%d/%d)\n", "records fully correct", r.RecordsCorrect.Accuracy, r.RecordsCorrect.Correct, r.RecordsCorrect.Total)
		fmt.Fprintln(w, "\nby category:")
		cats := make([]string, 0, len(r.ByCategory))
		for k := range r.ByCategory {
			cats = append(cats, k)
		}
		sort.Strings(cats)
		for _, k := range cats {
			c := r.ByCategory[k]
			line("  "+k, &c)
		}
	}
	if r.PLOVER != nil {
		fmt.Fprintf(w, "%-24s %.3f (%d/%d gold events; %d extra coded events)\n", "PLOVER type accuracy", r.PLOVER.Accuracy, r.PLOVER.Correct, r.PLOVER.Total, r.PLOVERExtra)
		if f := r.PLOVERFirst; f != nil {
			fmt.Fprintf(w, "%-24s %.3f (%d/%d records whose first coded event has their first gold type)\n", "PLOVER type, first event", f.Accuracy, f.Correct, f.Total)
		}
		types := make([]string, 0, len(r.PLOVERByType))
		for k := range r.PLOVERByType {
			types = append(types, k)
		}
		sort.Strings(types)
		for _, k := range types {
			a := r.PLOVERByType[k]
			fmt.Fprintf(w, "  %-22s %.3f (%d/%d)\n", k, a.Accuracy, a.Correct, a.Total)
		}
		for _, x := range []struct {
			name string
			a    *accuracy
		}{{"PLOVER source text", r.PLOVERSource}, {"PLOVER target text", r.PLOVERTarget}} {
			if x.a != nil {
				fmt.Fprintf(w, "%-24s %.3f (%d/%d type-matched gold events naming one)\n", x.name, x.a.Accuracy, x.a.Correct, x.a.Total)
			}
		}
	}
	if r.Calibration != nil {
		fmt.Fprintf(w, "\ncalibration (event confidence vs. share right):\n%s", r.Calibration)
	}
	if len(r.Failures) > 0 {
		fmt.Fprintln(w, "\nfailures:")
	}
	for _, f := range r.Failures {
		flag := ""
		if !f.Evaluate {
			flag = " (evaluate=false)"
		}
		fmt.Fprintf(w, "- %s%s: %s\n", f.ID, flag, f.Text)
		for _, x := range f.Missed {
			fmt.Fprintf(w, "    missed %s\n", x)
		}
		for _, x := range f.Extra {
			fmt.Fprintf(w, "    extra  %s\n", x)
		}
	}
}
