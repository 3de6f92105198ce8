package event

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/wordclass"
)

// The event typer is a learned check on the dictionary coder: a
// multinomial logistic regression (learn.LogReg) over the features of a
// sentence (its lemmas and lemma bigrams, the verbs heading its clauses
// with their word classes and neighbours, the dictionary codes and PLOVER
// types of every verb and event noun the dictionaries match, the entity
// types and actor sectors of the sentence, negation and modal cues) that
// gives the probability of each PLOVER root. It is trained by
// scripts/train-typer on real-news sentences labelled with a PLOVER root
// (PLV train), where YIELD stands for CONCEDE and RETREAT.
//
// The typer learned from sentences that all report an event, so its
// probabilities are of a type given that the sentence reports one. Most
// sentences of general news report none. A second model, the presence
// model, gives the probability that a sentence reports an event at all:
// a binary logistic regression over the same features that tells PLV's
// event sentences from unlabelled general-news sentences, divided by the
// share of event sentences it recognises as labelled (positive-unlabelled
// learning, Elkan and Noto 2008). The typer's own events need the joint
// probability, of an event and of its type, to reach their thresholds.
//
// The coder uses it in three ways:
//   - when no event was coded, the typer's type is coded on its own if its
//     joint probability reaches the alone threshold (a threshold of its
//     own when a verb matched the dictionary with a typed code but its
//     actors did not make an event) and the coder's own clause reading
//     gives the verb a coded source (and its target, when it codes one);
//   - dictionary events whose type the typer finds less probable than the
//     veto threshold are dropped (0 disables this);
//   - when the joint probability of the typer's best type reaches the
//     retype threshold and no dictionary event of the sentence has it, it
//     is coded too, on the actors of a dictionary event of the sentence
//     (one with a target, if any, when the type needs one: needsTarget;
//     above 1 disables this);
//
// the thresholds are chosen by cross-validation (TrainTyper) and stored in
// the model's metadata;
//   - every event gets a Confidence from a small calibration model over
//     dense inputs (confInputs), fit on cross-fitted held-out events.

const (
	typerName      = "event-typer"
	confName       = "event-confidence"
	presenceName   = "event-presence"
	typerFeatures  = 2
	typerPattern   = "typer" // Event.Pattern of an event typed by the typer alone
	yieldClass     = "YIELD"
	nConfInputs    = 13
	maxTyperTokens = 96 // lemma features are taken from the first tokens only
)

//go:embed typer.model
var typerModel []byte

//go:embed confidence.model
var confModel []byte

//go:embed presence.model
var presenceModel []byte

// Features computes the typer's features of a sentence. It is read-only
// and safe for concurrent use.
type Features struct {
	wc *wordclass.Classes
}

// NewFeatures returns the feature extractor over the embedded word classes.
func NewFeatures() (*Features, error) {
	wc, err := wordclass.Load()
	if err != nil {
		return nil, fmt.Errorf("event: typer features: %w", err)
	}
	return &Features{wc: wc}, nil
}

// Typer scores PLOVER types of sentences and the confidence of events. It
// is read-only and safe for concurrent use.
type Typer struct {
	*Features
	m    *learn.Model   // the typer: one class per PLOVER root
	conf *learn.Model   // the calibration model: classes "wrong", "right"
	iso  learn.Isotonic // maps conf's probability of "right" to a calibrated one
	// presence, if set, is the presence model (classes "unlabelled",
	// "event"), labelFreq the share of event sentences it scores as
	// labelled.
	presence  *learn.Model
	labelFreq float32
	th        thresholds
	yield     int // index of YIELD among the classes, or -1
}

// TyperModels are the models TrainTyper makes and NewTyper uses: the
// typer, the calibration model and the presence model (nil when trained
// without unlabelled sentences: every sentence is then taken to report an
// event).
type TyperModels struct {
	Typer, Conf, Presence *learn.Model
}

// thresholds set how the coder uses the typer's probabilities: alone is
// the probability the best type needs to be coded on its own, aloneHit
// the same where a verb matched the dictionary with a typed code and yet
// no event was coded (its actors missing or implausible; above 1: never),
// veto the probability below which a dictionary event's type is dropped
// (0: none), retype the probability the best type needs to be added
// beside dictionary events of other types (above 1: never).
type thresholds struct {
	alone, aloneHit, veto, retype float32
}

// decide applies the thresholds to a sentence with typer probabilities p
// and the probability ev that it reports an event: keep[i] tells whether
// evs[i] stays; add is the class to code besides (-1: none) on the actors
// of base: cand (a clause reading, when no event was coded; hit tells
// whether a verb matched the dictionary with a typed code) or a kept
// event.
func (th thresholds) decide(p []float32, ev float32, classes []string, evs []sitrep.Event, typer []bool, hit bool, cand *sitrep.Event, keep []bool) (add int, base *sitrep.Event) {
	kept := 0
	for i := range evs {
		keep[i] = true
		if cls := classOf(classes, evs[i].PLOVER); th.veto > 0 && cls >= 0 && p[cls] < th.veto && !typer[i] {
			keep[i] = false
			continue
		}
		kept++
	}
	best := learn.Argmax(p)
	if best < 0 {
		return -1, nil
	}
	typ := classes[best]
	switch {
	case len(evs) == 0 && cand != nil && (!hit && p[best]*ev >= th.alone || hit && p[best]*ev >= th.aloneHit):
		base = cand
	case kept > 0 && p[best]*ev >= th.retype:
		for i := range evs {
			if keep[i] && classOf(classes, evs[i].PLOVER) == best {
				return -1, nil
			}
		}
		// The actors of the first kept event, the first with a target
		// when the type needs one.
		for i := range evs {
			if keep[i] && (base == nil || base.Target == nil && evs[i].Target != nil && needsTarget(typ)) {
				base = &evs[i]
			}
		}
	default:
		return -1, nil
	}
	// The event needs no coded target, alone or retyped: the presence
	// model weighs whether the sentence reports an event at all. (Asking
	// a dyad of events typed alone of every type but protests, force
	// posture and yielding, and of retyped events of the types that
	// need a counterpart: PLV 5-fold type 0.744, 0.749, 0.746, 0.751 over
	// fold seeds 7, 1, 2, 3; without: 0.773, 0.779, 0.779, 0.776.)
	return best, base
}

// LoadTyper returns the shipped typer (typer.model, confidence.model,
// presence.model).
func LoadTyper() (*Typer, error) {
	var ms TyperModels
	for _, x := range []struct {
		dst  **learn.Model
		data []byte
		name string
	}{{&ms.Typer, typerModel, typerName}, {&ms.Conf, confModel, confName}, {&ms.Presence, presenceModel, presenceName}} {
		m, err := learn.Load(x.data, x.name, typerFeatures)
		if err != nil {
			return nil, fmt.Errorf("event: %w", err)
		}
		*x.dst = m
	}
	f, err := NewFeatures()
	if err != nil {
		return nil, err
	}
	return NewTyper(f, ms)
}

// NewTyper returns a typer over the models TrainTyper makes; the
// thresholds are read from the typer model's metadata ("alone",
// "alone_hit", "veto", "retype") and the label frequency from the
// presence model's.
func NewTyper(f *Features, ms TyperModels) (*Typer, error) {
	m, conf := ms.Typer, ms.Conf
	t := &Typer{Features: f, m: m, conf: conf, presence: ms.Presence, yield: -1}
	if t.presence != nil {
		v, err := strconv.ParseFloat(t.presence.Meta.Info[labelFreqKey], 32)
		if err != nil || v <= 0 || v > 1 || t.presence.NumClasses() != 2 {
			return nil, fmt.Errorf("event: presence model: label frequency %q, %d classes", t.presence.Meta.Info[labelFreqKey], t.presence.NumClasses())
		}
		t.labelFreq = float32(v)
	}
	for _, k := range []struct {
		key string
		dst *float32
	}{{"alone", &t.th.alone}, {"alone_hit", &t.th.aloneHit}, {"veto", &t.th.veto}, {"retype", &t.th.retype}} {
		v, err := strconv.ParseFloat(m.Meta.Info[k.key], 32)
		if err != nil {
			return nil, fmt.Errorf("event: typer model: threshold %q: %w", k.key, err)
		}
		*k.dst = float32(v)
	}
	if conf.NumClasses() != 2 {
		return nil, fmt.Errorf("event: confidence model has %d classes, want 2", conf.NumClasses())
	}
	iso, err := learn.ParseIsotonic(conf.Meta.Info[isotonicKey])
	if err != nil {
		return nil, fmt.Errorf("event: confidence model: %w", err)
	}
	t.iso = iso
	for i, c := range m.Classes {
		if c == yieldClass {
			t.yield = i
		}
	}
	return t, nil
}

// labelFreqKey is the presence model's metadata key of its label
// frequency; isotonicKey the confidence model's of its isotonic map.
const (
	labelFreqKey = "label_frequency"
	isotonicKey  = "isotonic"
)

// eventProb returns the probability that a sentence with features feats
// reports an event: the presence model's probability that it is a
// labelled event sentence, over the label frequency, at most 1; 1 without
// a presence model. two is a scratch buffer of 2.
func (t *Typer) eventProb(feats []uint64, two []float32) float32 {
	if t.presence == nil {
		return 1
	}
	t.presence.Scores(feats, two)
	learn.Softmax(two)
	return presenceProb(two[1], t.labelFreq)
}

// presenceProb turns the probability g that a sentence is labelled into
// the probability that it reports an event, given the label frequency c.
func presenceProb(g, c float32) float32 {
	return min(1, g/c)
}

// Classes returns the typer's PLOVER types.
func (t *Typer) Classes() []string { return t.m.Classes }

// Thresholds returns the alone, veto and retype thresholds.
func (t *Typer) Thresholds() (alone, veto, retype float64) {
	return float64(t.th.alone), float64(t.th.veto), float64(t.th.retype)
}

// classOf returns the index of a PLOVER 2021 type among classes, CONCEDE
// and RETREAT counting as YIELD when the classes have it; -1 if none.
func classOf(classes []string, plover string) int {
	if plover == "" {
		return -1
	}
	for i, c := range classes {
		if c == plover {
			return i
		}
	}
	if plover == "CONCEDE" || plover == "RETREAT" {
		for i, c := range classes {
			if c == yieldClass {
				return i
			}
		}
	}
	return -1
}

var typeCodes = lexicon.pairs("typeCodes") // loaded from lexicon.txt, section [typeCodes]

// needsTarget reports whether an event of a PLOVER type needs someone it
// is aimed at, by the coder's own rule for dictionary codes (relational):
// agreements, support, cooperation, aid and sanctions say nothing without
// a counterpart, nor does consulting; an accusation, a demand, an attack
// or a protest is an event even when its target is not a coded actor.
func needsTarget(plover string) bool {
	return plover == "CONSULT" || relational(typeCodes[plover])
}

// Feature templates.
const (
	fBias uint32 = iota
	fLemma
	fBigram
	fHead
	fHeadNeg
	fFirstHead
	fHeadClass
	fPrevClass
	fNextClass
	fHitCode
	fHitRoot
	fHitType
	fHitSpecific
	fNounType
	fEntType
	fSector
	fSubjCountry
	fNeg
	fModal
	fControl
	fEventType
	fNoHit
	fConf
)

// hit is a dictionary match of one verb group or event noun.
type hit struct {
	code, plover string
	specific     bool // a pattern matched, not the verb's default
	gi           int  // the verb group, -1 for a noun
}

// cand is a verb group's clause reading, a candidate trigger for an event
// typed by the typer alone.
type cand struct {
	gi                     int
	src, tgt               *sitrep.EventActor
	clauseStart, clauseEnd int
}

// target returns the candidate's target if it is a coded actor other than
// the source (nil if not), as emit takes targets.
func (c *cand) target() *sitrep.EventActor {
	if c.tgt == nil || c.tgt.Actor == "" || c.tgt.Actor == c.src.Actor && !otherOfSameCode(c.src, c.tgt) {
		return nil
	}
	return c.tgt
}

// evInfo is what the coder knew of an event when it coded it, for its
// confidence.
type evInfo struct {
	specific bool // a dictionary pattern matched, not a verb's default
	typer    bool // typed by the typer alone
	// announced marks the statement of an act announced ("will give a
	// grant"), recoded as an intent, a threat or a refusal: a date ahead
	// is the act's, not the statement's.
	announced bool
}

// lemma returns the lemma of token k, or its lower-case form without a
// text analyzer.
func (a *article) lemma(st *sentence, k int) string {
	if a.c.text == nil {
		return st.words[k]
	}
	return a.c.text.Lemma(st.Tokens[k].Text, st.Tokens[k].Tag)
}

func content(tag string) bool {
	if tag == "" {
		return false
	}
	c := tag[0]
	return c >= 'A' && c <= 'Z'
}

// features appends the typer's features of the analysed sentence to out.
func (f *Features) features(a *article, st *sentence, out []uint64) []uint64 {
	out = append(out, learn.Key(fBias, 0))
	n := min(len(st.Tokens), maxTyperTokens)
	var prev uint64
	for k := range n {
		if !content(st.Tokens[k].Tag) {
			prev = 0
			continue
		}
		h := learn.Hash(st.words[k])
		if strings.HasPrefix(st.Tokens[k].Tag, "NNP") {
			// A name stands as a name: which names a sentence holds
			// says more of when and where it was written than of what
			// it reports.
			h = learn.Hash("NNP")
		}
		out = append(out, learn.Key(fLemma, h))
		if prev != 0 {
			out = append(out, learn.Key2(fBigram, prev, h))
		}
		prev = h
	}
	neg, modal := false, false
	first := true
	for gi := range st.groups {
		g := &st.groups[gi]
		h := learn.Hash(a.lemma(st, g.head))
		out = append(out, learn.Key(fHead, h))
		if g.negated {
			out = append(out, learn.Key(fHeadNeg, h))
			neg = true
		}
		modal = modal || g.modal
		if g.control != "" {
			out = append(out, learn.Key(fControl, learn.Hash(g.control)))
		}
		if first && !g.reduced {
			out = append(out, learn.Key(fFirstHead, h))
			first = false
		}
		if f != nil && f.wc != nil {
			for _, p := range [...]int{4, 8, 12} {
				if c := f.wc.Prefix(st.words[g.head], p); c != 0 {
					out = append(out, learn.Key(fHeadClass, uint64(c)))
				}
			}
			if g.head > 0 {
				if c := f.wc.Prefix(st.words[g.head-1], 8); c != 0 {
					out = append(out, learn.Key(fPrevClass, uint64(c)))
				}
			}
			if g.head+1 < len(st.words) {
				if c := f.wc.Prefix(st.words[g.head+1], 8); c != 0 {
					out = append(out, learn.Key(fNextClass, uint64(c)))
				}
			}
		}
		if s := st.subj[gi]; s != nil && len(s.Actor) >= 3 {
			if c := s.Actor[:3]; c != "---" {
				out = append(out, learn.Key(fSubjCountry, 0))
			}
			for i := 3; i+3 <= len(s.Actor); i += 3 {
				out = append(out, learn.Key(fSector, learn.Hash(s.Actor[i:i+3])))
			}
		}
	}
	if neg {
		out = append(out, learn.Key(fNeg, 0))
	}
	if modal {
		out = append(out, learn.Key(fModal, 0))
	}
	typed := false
	for _, h := range st.hits {
		out = append(out, learn.Key(fHitCode, learn.Hash(h.code)), learn.Key(fHitRoot, learn.Hash(h.code[:min(2, len(h.code))])))
		if h.plover != "" {
			typed = true
			out = append(out, learn.Key(fHitType, learn.Hash(h.plover)))
			if h.specific {
				out = append(out, learn.Key(fHitSpecific, learn.Hash(h.plover)))
			}
		}
	}
	if !typed {
		out = append(out, learn.Key(fNoHit, 0))
	}
	if a.c.dicts.Verbs != nil {
		for k := range n {
			if strings.HasPrefix(st.Tokens[k].Tag, "NN") {
				if m, ok := a.c.dicts.Verbs.NounEvent(st.words[k]); ok {
					if cb, ok := lookupCode(m.Code); ok && cb.PLOVER != "" {
						out = append(out, learn.Key(fNounType, learn.Hash(cb.PLOVER)))
					}
				}
			}
		}
	}
	for k := range n {
		if e := st.entity[k]; e >= 0 && (k == 0 || st.entity[k-1] != e) {
			out = append(out, learn.Key(fEntType, learn.Hash(string(a.Entities[e].Type))))
		}
	}
	for i := range st.events {
		out = append(out, learn.Key(fEventType, learn.Hash(st.events[i].PLOVER)))
	}
	return out
}

// typedHit reports whether a verb of the sentence matched the dictionary
// with a code that has a PLOVER type.
func (st *sentence) typedHit() bool {
	for _, h := range st.hits {
		if h.plover != "" && h.gi >= 0 {
			return true
		}
	}
	return false
}

// candidate returns the clause reading a type would be coded on alone:
// the first verb group with a coded source and a coded target that is not
// a verb of saying (whose complement is coded on its own), else the first
// such group with a coded source, else the first verb of saying with one;
// nil when no verb has a coded source. With named actors, a person or
// organisation the dictionaries do not know is a source coded "---".
// (Taking the first group with a target first: PLV 5-fold type 0.731 ->
// 0.733 over four fold seeds, each up by one to three sentences.)
func (a *article) candidate(st *sentence) *cand {
	var say, first *cand
	for i := range st.cands {
		c := &st.cands[i]
		if c.src == nil || c.src.Actor == "" {
			continue
		}
		if reportingLemma[a.lemma(st, st.groups[c.gi].head)] {
			if say == nil && !st.groups[c.gi].report {
				// (The speaker of a closing reporting clause, "..., officials
				// said", is not the one who did what the clause reports.)
				say = c
			}
			continue
		}
		if c.target() != nil {
			return c
		}
		if first == nil {
			first = c
		}
	}
	if first != nil {
		return first
	}
	return say
}

// confInputs are the dense inputs of the calibration model for one event:
// the typer's probability of the event's type, whether it is the typer's
// best type, the best type's probability, whether a dictionary pattern
// fired and how specific it was, whether the actors are coded, the
// modality, whether an earlier event of the sentence has the same type,
// and the probability that the sentence reports an event.
func confInputs(p []float32, pev float32, cls int, ev *sitrep.Event, info evInfo, dup bool, types int) [nConfInputs]float32 {
	var x [nConfInputs]float32
	b := func(v bool) float32 {
		if v {
			return 1
		}
		return 0
	}
	best := learn.Argmax(p)
	x[0] = 1
	if cls >= 0 {
		x[1] = p[cls]
	}
	x[2] = b(cls >= 0 && cls == best)
	if best >= 0 {
		x[3] = p[best]
	}
	x[4] = b(!info.typer)
	x[5] = b(info.specific)
	x[6] = b(len(ev.Source.Actor) >= 3 && ev.Source.Actor[:3] != "---")
	x[7] = b(ev.Target != nil)
	x[8] = b(ev.Modality == sitrep.Asserted)
	x[9] = b(dup)
	x[10] = 1 / float32(max(1, types))
	x[11] = x[1] * x[4]
	x[12] = pev
	return x
}

// confExample is the calibration model's example for dense inputs x.
func confExample(x *[nConfInputs]float32, keys *[nConfInputs]uint64) learn.Example {
	for i := range keys {
		keys[i] = learn.Key(fConf, uint64(i))
	}
	return learn.Example{Feats: keys[:], Vals: x[:]}
}

// sentenceTypes returns, for each event of the sentence, whether an
// earlier event has its PLOVER type, and the number of distinct types.
func sentenceTypes(evs []sitrep.Event, dup []bool) ([]bool, int) {
	dup = dup[:0]
	types := 0
	for i := range evs {
		d := false
		for j := range i {
			if evs[j].PLOVER == evs[i].PLOVER {
				d = true
				break
			}
		}
		if !d {
			types++
		}
		dup = append(dup, d)
	}
	return dup, types
}

// Member returns the earlier event that event i is a member of the same
// coordination with, or -1: one trigger coded with one type on several
// actors ("criticized Russia and China"). The members are one event to a
// reader, and share its confidence.
func Member(evs []sitrep.Event, i int) int {
	for j := range i {
		if evs[j].PLOVER == evs[i].PLOVER && evs[j].Evidence.Trigger == evs[i].Evidence.Trigger {
			return j
		}
	}
	return -1
}

// typeSentence applies the typer to a coded sentence: an event typed
// alone, the veto, an event retyped, and every event's confidence.
func (a *article) typeSentence(st *sentence) {
	t := a.c.typer
	hit := st.typedHit()
	var c *cand
	if len(st.events) == 0 {
		c = a.candidate(st)
	}
	if len(st.events) == 0 && c == nil {
		return
	}
	a.feats = t.features(a, st, a.feats[:0])
	p := a.probs[:0]
	for range t.m.NumClasses() {
		p = append(p, 0)
	}
	a.probs = p
	t.m.Scores(a.feats, p)
	learn.Softmax(p)
	var two [2]float32
	pev := t.eventProb(a.feats, two[:])
	if a.trace != nil && len(a.trace.Sentences) > 0 {
		tr := &a.trace.Sentences[len(a.trace.Sentences)-1]
		a.traceTypes(tr, p, t.m.Classes)
		tr.EventProb = float64(pev)
	}
	var ce *sitrep.Event
	if c != nil {
		ce = &sitrep.Event{Source: *c.src, Target: c.target()}
	}
	keep := a.dup[:0]
	typer := a.typer[:0]
	for i := range st.events {
		keep = append(keep, true)
		typer = append(typer, st.info[i].typer)
	}
	add, base := t.th.decide(p, pev, t.m.Classes, st.events, typer, hit, ce, keep)
	a.typer = typer
	var retyped sitrep.Event
	if add >= 0 && base != ce {
		retyped = *base // before the vetoed events are compacted away
	}
	n := 0
	for i := range st.events {
		if keep[i] {
			st.events[n], st.info[n] = st.events[i], st.info[i]
			n++
		}
	}
	st.events, st.info = st.events[:n], st.info[:n]
	if add >= 0 {
		typ := t.m.Classes[add]
		if base == ce {
			g := &st.groups[c.gi]
			trigger := sitrep.Span{Start: st.Tokens[g.head].Start, End: st.Tokens[g.head].End}
			a.emitTyped(st, typeCodes[typ], typerPattern, c.src, ce.Target, a.modality(st, c.gi), trigger, c.clauseStart, c.clauseEnd, evInfo{typer: true})
		} else if cb, ok := lookupCode(typeCodes[typ]); ok {
			ev := retyped
			ev.CAMEO, ev.Root, ev.QuadClass, ev.Goldstein, ev.PLOVER, ev.Pattern = cb.Code, cb.Root, cb.QuadClass, cb.Goldstein, cb.PLOVER, typerPattern
			st.events = append(st.events, ev)
			st.info = append(st.info, evInfo{typer: true})
		}
	}
	dup, types := sentenceTypes(st.events, keep[:0])
	a.dup = dup
	var keys [nConfInputs]uint64
	for i := range st.events {
		ev := &st.events[i]
		if m := Member(st.events, i); m >= 0 {
			ev.Confidence = st.events[m].Confidence
			continue
		}
		x := confInputs(p, pev, classOf(t.m.Classes, ev.PLOVER), ev, st.info[i], dup[i], types)
		e := confExample(&x, &keys)
		t.conf.ScoresOf(&e, two[:])
		learn.Softmax(two[:])
		ev.Confidence = t.iso.Apply(float64(two[1]))
	}
	// The most confident event of a sentence goes first, so that a reader
	// or a scorer taking one event per sentence takes the likeliest. The
	// sort is stable: a coordinated actor's events share their first
	// one's confidence and stay after it.
	sortByConfidence(st.events, st.info)
}

// sortByConfidence orders evs, and info with them, by decreasing
// confidence, keeping the order of equals (an insertion sort: a sentence
// has a few events).
func sortByConfidence(evs []sitrep.Event, info []evInfo) {
	for i := 1; i < len(evs); i++ {
		for j := i; j > 0 && evs[j].Confidence > evs[j-1].Confidence; j-- {
			evs[j], evs[j-1] = evs[j-1], evs[j]
			info[j], info[j-1] = info[j-1], info[j]
		}
	}
}

// traceTypes records the typer's three most probable types.
func (a *article) traceTypes(tr *SentenceTrace, p []float32, classes []string) {
	used := make([]bool, len(p))
	for range min(3, len(p)) {
		best := -1
		for i := range p {
			if !used[i] && (best < 0 || p[i] > p[best]) {
				best = i
			}
		}
		used[best] = true
		tr.Types = append(tr.Types, TypeProb{Type: classes[best], P: float64(p[best])})
	}
}
