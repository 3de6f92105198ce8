package entity

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/wordclass"
)

// Recognizer finds and links named entities. It is immutable after New and
// safe for concurrent use.
type Recognizer struct {
	lex   Lexicon
	k     *knowledge
	wc    *wordclass.Classes
	first stage // the first pass, without the article's labels
	// second adds to the first pass's scores the weights of features
	// that read the first pass's labels of the article's other mentions
	// of each word; its trans are the sums of both passes'. nil while the
	// first pass is being trained.
	second *stage
	cal    calibration
	pool   sync.Pool // *scratch: reused working memory, not state
}

// scratch is the working memory of one call.
type scratch struct {
	f     featurizer
	doc   docFeatures
	d     decoder
	extra []uint64
	out   []Mention
}

// stage is one pass of the tagger: its model and transition scores.
type stage struct {
	model *learn.Model
	trans []float32 // Viterbi transition scores, forbidden ones set
}

func newStage(m *learn.Model) (stage, error) {
	if m.NumClasses() != numTags {
		return stage{}, fmt.Errorf("entity: model %q has %d classes, want %d", m.Meta.Name, m.NumClasses(), numTags)
	}
	key := []uint64{0}
	return stage{model: m, trans: transitions(func(prev int, out []float32) {
		key[0] = transKey(prev)
		m.Scores(key, out)
	})}, nil
}

// New returns a Recognizer using the embedded models and lex for places,
// demonyms, common words and actor names beyond the built-in lists (see
// Lexicon); lex may be nil. The models were trained with the pipeline's
// Lexicon: a different one (or none) costs accuracy.
func New(lex Lexicon) (*Recognizer, error) {
	m1, err := learn.Load(firstData, firstName, featureVersion)
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	m2, err := learn.Load(modelData, modelName, featureVersion)
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	return newRecognizer(lex, m1, m2)
}

// newRecognizer returns a Recognizer over the first-pass model m1 and the
// second-pass model m2 (nil for the first pass alone), whose Info holds
// the calibration.
func newRecognizer(lex Lexicon, m1, m2 *learn.Model) (*Recognizer, error) {
	wc, err := wordclass.Load()
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	r := &Recognizer{lex: lex, k: newKnowledge(), wc: wc}
	if r.first, err = newStage(m1); err != nil {
		return nil, err
	}
	last := m1
	if m2 != nil {
		st, err := newStage(m2)
		if err != nil {
			return nil, err
		}
		for i, t := range r.first.trans {
			st.trans[i] = max(st.trans[i]+firstScale*t, forbidden)
		}
		r.second, last = &st, m2
	}
	if r.cal, err = readCalibration(last); err != nil {
		return nil, err
	}
	g := newGrammar()
	r.pool.New = func() any { return &scratch{f: featurizer{r: r}, d: decoder{g: g}} }
	return r, nil
}

// Mention is a mention found by the model, typed with a CoNLL-2003 label
// (PER, ORG, LOC, MISC), before it is mapped to sitrep's entity types.
type Mention struct {
	sitrep.Span
	Label string
	// Confidence is the calibrated probability that the mention has
	// exactly this span and label.
	Confidence float64
	sent, a, b int // sentence and token range, for Recognize
}

// Mentions returns the model's mentions in text order: what `sitrep eval
// ner` scores against CoNLL-style gold data.
func (r *Recognizer) Mentions(doc *sitrep.Doc) []Mention {
	if doc == nil || doc.Article == nil {
		return nil
	}
	s := r.pool.Get().(*scratch)
	defer r.pool.Put(s)
	ms := r.mentionsAll(s, doc, r.cal)
	if len(ms) == 0 {
		return nil
	}
	return append([]Mention(nil), ms...)
}

// mentions tags every sentence of doc into s.out: the first pass over
// the whole article, then the second with the first's labels. It checks
// ctx before each sentence and returns its error once done.
func (r *Recognizer) mentions(ctx context.Context, s *scratch, doc *sitrep.Doc, cal calibration) ([]Mention, error) {
	s.out = s.out[:0]
	dd := &s.doc
	dd.featurize(&s.f, doc)
	last := &r.first
	if r.second != nil {
		for si, base := range dd.sent {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if base >= 0 {
				n := len(doc.Sentences[si].Tokens)
				r.decodeSentence(s, dd, &r.first, base, n, nil)
				copy(dd.tag1[base:base+n], s.d.path[:n])
			}
		}
		dd.countLabels()
		last = r.second
	}
	for si, base := range dd.sent {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if base < 0 {
			continue
		}
		toks := doc.Sentences[si].Tokens
		d := &s.d
		r.decodeSentence(s, dd, last, base, len(toks), func(wa, wb int) {
			d.marginals(wa, wb, last.trans, cal.temperature)
			for a := wa; a < wb; a++ {
				c := d.path[a]
				if c == 0 {
					continue
				}
				label, _ := tagParts(c)
				b := a + 1
				for b < wb && d.path[b] != 0 {
					if _, pos := tagParts(d.path[b]); pos == posB || pos == posU {
						break
					}
					b++
				}
				s.out = append(s.out, Mention{
					Span:       sitrep.Span{Start: toks[a].Start, End: toks[b-1].End},
					Label:      Labels[label],
					Confidence: cal.apply(d.segment(a, b)),
					sent:       si, a: a, b: b,
				})
				a = b - 1
			}
		})
	}
	return s.out, nil
}

// mentionsAll is mentions without cancellation.
func (r *Recognizer) mentionsAll(s *scratch, doc *sitrep.Doc, cal calibration) []Mention {
	ms, _ := r.mentions(context.Background(), s, doc, cal)
	return ms
}

// decodeSentence tags the n tokens of dd's sentence starting at token base
// with pass st into s.d.path; see decoder.tag for found. The first pass
// keeps its scores in dd.emit1; the second adds its weights to them.
func (r *Recognizer) decodeSentence(s *scratch, dd *docFeatures, st *stage, base, n int, found func(wa, wb int)) {
	d, k := &s.d, numTags
	d.prepare(n)
	for i := range n {
		t := base + i
		if dd.plain[t] {
			d.plainRow(i)
			continue
		}
		row, row1 := d.emit[i*k:(i+1)*k], dd.emit1[t*k:(t+1)*k]
		if st == &r.first {
			st.model.Scores(dd.feats[dd.off[t]:dd.off[t+1]], row)
			copy(row1, row)
			continue
		}
		for c, v := range row1 {
			row[c] = firstScale * v
		}
		s.extra = dd.labelFeatures(s.extra[:0], t)
		for _, key := range s.extra {
			st.model.Add(key, row)
		}
	}
	d.tag(n, dd.plain[base:base+n], st.trans, found)
}

func hasMention(path []int) bool {
	for _, c := range path {
		if c != 0 {
			return true
		}
	}
	return false
}

// mention is an entity mention typed for sitrep, before linking.
type mention struct {
	start, end int // byte span
	ntok       int
	typ        sitrep.EntityType
	title      string
	name       string // name override ("Iran" for "Iran-backed")
	conf       float64
}

// Recognize returns the PERSON, ORG, GPE, LOC and NORP mentions of the doc
// in text order, with Name (fullest name in the article, without titles),
// Ref (same Ref = same entity), Title and Confidence.
//
// The model's labels are mapped to sitrep's types: PER → PERSON, ORG →
// ORG, LOC → GPE when the built-in lists or the Lexicon know the name as a
// country, state or town and LOC otherwise (regions, seas, rivers,
// mountains), MISC → NORP when the mention is a nationality, a religious
// or political group or a "<place>-backed" modifier. Other MISC mentions
// (events, laws, works, products, languages) are dropped: they are neither
// actors, places nor speakers, which is what the later stages read
// entities for, and sitrep's schema has no type for them.
func (r *Recognizer) Recognize(doc *sitrep.Doc) []sitrep.Entity {
	ents, _ := r.RecognizeContext(context.Background(), doc)
	return ents
}

// RecognizeContext is Recognize, stopped between two sentences when ctx
// is done: it then returns ctx's error.
func (r *Recognizer) RecognizeContext(ctx context.Context, doc *sitrep.Doc) ([]sitrep.Entity, error) {
	if doc == nil || doc.Article == nil || len(doc.Sentences) == 0 {
		return nil, nil
	}
	s := r.pool.Get().(*scratch)
	defer r.pool.Put(s)
	st := &state{r: r, k: r.k, text: doc.Article.Text}
	ms, err := r.mentions(ctx, s, doc, r.cal)
	if err != nil {
		return nil, err
	}
	for _, m := range patronymics(doc, ms) {
		st.add(doc.Sentences[m.sent].Tokens, m)
	}
	st.compounds(doc)
	if len(st.ments) == 0 {
		return nil, nil
	}
	return st.link(), nil
}

// patronymics joins the parts of Arabic names the model splits at their
// lower-case particle, rare in its training news: "Abdi bin Omar al-Haji"
// and "Mohammed bin Salman" are one person, not "Abdi" and "Omar
// al-Haji", or "Salman". A person mention after "bin", "ibn" or "bint"
// takes in the capitalised word before the particle, and the person
// mention that ends there. It works in place on ms.
func patronymics(doc *sitrep.Doc, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		toks := doc.Sentences[m.sent].Tokens
		if m.Label == "PER" && m.a >= 2 && isUpperInitial(toks[m.a-2].Text) && toks[m.a-2].Tag == "NNP" {
			switch toks[m.a-1].Text {
			case "bin", "ibn", "bint":
				if n := len(out); n > 0 && out[n-1].sent == m.sent && out[n-1].b == m.a-1 && out[n-1].Label == "PER" {
					m.a, m.Start = out[n-1].a, out[n-1].Start
					m.Confidence = min(m.Confidence, out[n-1].Confidence)
					out = out[:n-1]
				} else if n == 0 || out[n-1].sent != m.sent || out[n-1].b <= m.a-2 {
					m.a, m.Start = m.a-2, toks[m.a-2].Start
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// state is the per-call state of Recognize.
type state struct {
	r     *Recognizer
	k     *knowledge
	text  string
	buf   []byte
	ments []mention
}

func (st *state) low(s string) []byte {
	st.buf = lowerInto(st.buf, s)
	return st.buf
}

// modSuffixes end hyphenated modifiers that name a group by a place or an
// organisation ("Iran-backed militias", "US-led coalition").
var modSuffixes = set{"backed": {}, "led": {}, "allied": {}, "aligned": {}, "funded": {}, "supported": {}, "sponsored": {}, "controlled": {}, "held": {}, "run": {}, "owned": {}, "brokered": {}, "dominated": {}, "linked": {}, "affiliated": {}, "friendly": {}, "inspired": {}, "trained": {}, "armed": {}, "occupied": {}, "leaning": {}, "oriented": {}, "registered": {}, "flagged": {}}

// ranks are the hereditary titles written "<rank> of <realm>".
var ranks = set{"king": {}, "queen": {}, "prince": {}, "princess": {}, "duke": {}, "duchess": {}, "emir": {}, "sultan": {}, "earl": {}, "baron": {}, "marquess": {}, "archduke": {}, "sheikh": {}}

func isUpperInitial(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// add maps one model mention to sitrep's types and records it.
func (st *state) add(toks []sitrep.Token, m Mention) {
	a, b := m.a, m.b
	txt := st.text[m.Start:m.End]
	emit := func(typ sitrep.EntityType, a, b int, name, title string) {
		st.emit(toks, a, b, mention{typ: typ, name: name, title: title, conf: m.Confidence})
	}
	// One-token compounds: "Iran-backed", "Baghdad-based", "pro-Iranian".
	if b-a == 1 {
		if d := strings.LastIndexByte(txt, '-'); d > 0 && d < len(txt)-1 {
			head, tail := txt[:d], strings.ToLower(txt[d+1:])
			switch {
			case modSuffixes.has(tail):
				emit(sitrep.NORP, a, b, head, "")
				return
			case tail == "based" || tail == "born":
				typ := sitrep.GPE
				if _, ok := st.k.orgs[string(st.low(head))]; ok {
					typ = sitrep.Org
				}
				st.ments = append(st.ments, mention{start: m.Start, end: m.Start + d, ntok: 1, typ: typ, conf: m.Confidence})
				return
			}
			if pre := strings.ToLower(txt[:strings.IndexByte(txt, '-')]); pre == "pro" || pre == "anti" {
				emit(sitrep.NORP, a, b, txt[len(pre)+1:], "")
				return
			}
		}
	}
	// "Prince of Dol Amroth", "the Emir of Qatar": a person named by a
	// rank and its realm. CoNLL-2003 tags only the realm (a LOC), or the
	// whole as an ORG; sitrep reads the holder, a person.
	if a >= 2 && strings.EqualFold(toks[a-1].Text, "of") && ranks.has(string(st.low(toks[a-2].Text))) && isUpperInitial(toks[a-2].Text) {
		emit(sitrep.Person, a-2, b, "", "")
		return
	}
	if b-a >= 3 && strings.EqualFold(toks[a+1].Text, "of") && ranks.has(string(st.low(toks[a].Text))) {
		emit(sitrep.Person, a, b, "", "")
		return
	}
	switch m.Label {
	case "PER":
		if t := st.matchTitle(toks, a, b); t > a && t < b {
			// A title the model took into the name: "President Trump".
			emit(sitrep.Person, t, b, "", st.text[toks[a].Start:toks[t-1].End])
			return
		}
		emit(sitrep.Person, a, b, "", st.titleBefore(toks, a))
	case "ORG":
		emit(sitrep.Org, a, b, "", "")
	case "LOC":
		emit(st.placeType(txt), a, b, "", "")
	case "MISC":
		if st.isGroup(toks, a, b) {
			emit(sitrep.NORP, a, b, "", "")
		}
	}
}

// placeType is GPE for a country, state or town, LOC for anything else.
func (st *state) placeType(name string) sitrep.EntityType {
	if pi, ok := st.k.places[string(st.low(name))]; ok {
		if pi.kind == kindRegion {
			return sitrep.Loc
		}
		return sitrep.GPE
	}
	if st.r.lex != nil {
		if known, _ := st.r.lex.Place(name); known {
			return sitrep.GPE
		}
	}
	return sitrep.Loc
}

// isGroup reports whether a MISC mention names a nationality or a
// religious or political group: one of its words (or hyphenated parts)
// is a demonym or group word ("Iraqi", "Bosnian Serb", "Shi'ite").
func (st *state) isGroup(toks []sitrep.Token, a, b int) bool {
	for p := a; p < b; p++ {
		for rest := toks[p].Text; rest != ""; {
			var w string
			w, rest, _ = strings.Cut(rest, "-")
			if _, ok := st.k.demonyms[string(st.low(w))]; ok {
				return true
			}
			if st.r.lex != nil && w != "" && st.r.lex.Demonym(w) {
				return true
			}
		}
	}
	return false
}

// titleBefore returns the title written just before token a ("President",
// "Army Gen.", "spokesman"), or "".
func (st *state) titleBefore(toks []sitrep.Token, a int) string {
	for p := max(0, a-4); p < a; p++ {
		if st.matchTitle(toks, p, a) == a {
			return st.text[toks[p].Start:toks[a-1].End]
		}
	}
	if a > 0 && st.k.lowerTitles.has(toks[a-1].Text) {
		return toks[a-1].Text
	}
	return ""
}

// matchTitle returns the end of the longest title starting at token k and
// ending at or before j, or k when none does.
func (st *state) matchTitle(toks []sitrep.Token, k, j int) int {
	list, ok := st.k.titles[string(st.low(toks[k].Text))]
	if !ok {
		return k
	}
	for _, words := range list {
		p := k
		ok := true
		for _, w := range words {
			if p >= j {
				ok = false
				break
			}
			tw := st.low(toks[p].Text)
			if string(tw) != w {
				// "Gen" "." split by the tokenizer matches "gen."
				if strings.HasSuffix(w, ".") && string(tw) == w[:len(w)-1] && p+1 < j && toks[p+1].Text == "." {
					p += 2
					continue
				}
				ok = false
				break
			}
			p++
		}
		if ok {
			if p < j && toks[p].Text == "." && toks[p].Start == toks[p-1].End {
				p++
			}
			return p
		}
	}
	return k
}

// emit records m over tokens [a,b), trimming a possessive.
func (st *state) emit(toks []sitrep.Token, a, b int, m mention) {
	start, end := toks[a].Start, toks[b-1].End
	s := st.text[start:end]
	switch {
	case strings.HasSuffix(s, "'s"):
		end -= 2
	case strings.HasSuffix(s, "’s"):
		end -= len("’s")
	case strings.HasSuffix(s, "'") || strings.HasSuffix(s, "’"):
		if b-a == 1 && len(s) > 1 {
			_, n := utf8.DecodeLastRuneInString(s)
			end -= n
		}
	}
	if end <= start {
		return
	}
	m.start, m.end, m.ntok = start, end, b-a
	st.ments = append(st.ments, m)
}

// compounds adds the hyphenated modifiers the model left untagged whose
// head is a place, an organisation or a nationality the built-in lists or
// the Lexicon know ("Iran-backed", "US-led", "pro-Iranian"): sitrep reads
// them as NORP mentions naming their head. CoNLL-2003 tags a few of them
// MISC ("U.S.-led") and leaves most untagged, so the model cannot learn
// the convention.
func (st *state) compounds(doc *sitrep.Doc) {
	covered := func(s sitrep.Span) bool {
		for _, m := range st.ments {
			if m.start < s.End && s.Start < m.end {
				return true
			}
		}
		return false
	}
	for _, s := range doc.Sentences {
		if !spansOK(s.Tokens, st.text) {
			continue
		}
		for i, t := range s.Tokens {
			d := strings.LastIndexByte(t.Text, '-')
			if d <= 0 || d == len(t.Text)-1 || covered(t.Span) {
				continue
			}
			head, tail := t.Text[:d], t.Text[d+1:]
			if f := strings.IndexByte(t.Text, '-'); strings.EqualFold(t.Text[:f], "pro") || strings.EqualFold(t.Text[:f], "anti") {
				head = t.Text[f+1:]
				if st.knownName(head) {
					st.emit(s.Tokens, i, i+1, mention{typ: sitrep.NORP, name: head, conf: compoundConfidence})
				}
				continue
			}
			if modSuffixes.has(strings.ToLower(tail)) && st.knownName(head) {
				st.emit(s.Tokens, i, i+1, mention{typ: sitrep.NORP, name: head, conf: compoundConfidence})
			}
		}
	}
}

// compoundConfidence is the confidence of a modifier found by compounds:
// a known name in a fixed form is rarely wrong.
const compoundConfidence = 0.9

// knownName reports whether name is a place, organisation or demonym of
// the built-in lists or the Lexicon.
func (st *state) knownName(name string) bool {
	low := st.low(name)
	if _, ok := st.k.places[string(low)]; ok {
		return true
	}
	if _, ok := st.k.orgs[string(low)]; ok {
		return true
	}
	if _, ok := st.k.demonyms[string(low)]; ok {
		return true
	}
	if st.r.lex != nil {
		if known, _ := st.r.lex.Place(name); known {
			return true
		}
		return st.r.lex.Demonym(name)
	}
	return false
}
