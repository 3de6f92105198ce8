// Package pipeline wires sitrep's stages into one article-to-result
// function and runs it over a stream of articles.
//
// Input: *sitrep.Article values from ingest. Output: one *sitrep.Result per
// article. Stages run in a fixed order and data flows one way:
//
//	text.Paragraphs → caption → text → [parse] → entity → timex → quote → casualty → geo → event
//
// The parse stage (Config.Parse) sets the dependency arcs of a sentence's
// tokens, and the event coder then reads subjects, objects and clauses
// from the tree. It runs on demand, inside the event stage: the coder asks
// for the trees of the sentences where a tree can change an event
// (event.TreeParser), 15% of the sentences of the bench corpus, and
// Timings counts their parsing as the parse stage.
//
// Captions are found first, on raw paragraphs, so that their credit lines
// ("AP Photo/Name") are kept out of the sentences every later stage reads.
// A stage that panics on some input is turned into an error for that
// article alone; the batch goes on. The context is checked between
// stages and, in the text and entity stages, between sentences, so a
// cancelled or timed-out article stops soon after (see Run for the time
// budget and the bounded output window).
package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/caption"
	"github.com/sitrep-project/sitrep/internal/casualty"
	"github.com/sitrep-project/sitrep/internal/dict"
	"github.com/sitrep-project/sitrep/internal/entity"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/geo"
	"github.com/sitrep-project/sitrep/internal/parse"
	"github.com/sitrep-project/sitrep/internal/quote"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// Config configures a Pipeline.
type Config struct {
	// DictDirs are directories of user dictionaries layered over the
	// embedded defaults, in order.
	DictDirs []string
	// NoDefaultDicts leaves the embedded default dictionaries out: only
	// DictDirs are used (for stand-alone sets such as PETRARCH's), and,
	// as in PETRARCH, only the actors they list act in events (without it,
	// a named person or organisation they do not know may too:
	// event.Coder.WithNamedSources).
	NoDefaultDicts bool
	// Timings, when set, accumulates the time spent in each stage.
	Timings *Timings
	// NoGeoRanker loads the gazetteer without the toponym ranker, for
	// scripts/train-geo, which trains it (see geo.LoadGazetteer).
	NoGeoRanker bool
	// NoTyper leaves the event typer out (scripts/train-typer trains it):
	// events are coded by the dictionaries alone and have Confidence 0.
	// The typer is also left out with NoDefaultDicts, since it learned the
	// default dictionaries' codes.
	NoTyper bool
	// Typer, when set, is used instead of the shipped event typer (for
	// cross-validation, by a typer trained on other folds).
	Typer *event.Typer
	// Roles, when set, is used instead of the shipped role chooser, which
	// settles disagreements between the tree and the chunk readings of a
	// parsed sentence (for cross-validation, by a chooser trained on other
	// folds).
	Roles *event.RoleChooser
	// Parse has the event coder read roles from dependency trees (see
	// internal/event), parsing the sentences whose trees it reads when it
	// asks for them. It is off by default until its figures beat the
	// chunk reading's ('sitrep eval events --parse').
	Parse bool
}

// Pipeline is the full extraction. It is immutable after New and safe for
// concurrent use by many goroutines.
type Pipeline struct {
	text     *text.Analyzer
	captions *caption.Detector
	entities *entity.Recognizer
	timexes  *timex.Extractor
	places   *geo.Parser
	gaz      *geo.Gazetteer
	coder    *event.Coder
	parser   *parse.Parser // nil unless Config.Parse
	timings  *Timings
	// parsers pools the per-article state of the parse stage
	// (*sentenceParser), so its buffer is not grown anew for each article.
	parsers sync.Pool
	// parseAll parses every sentence before the later stages instead of
	// the event coder's on demand (for the test that both code the same
	// events).
	parseAll bool
}

// New loads the models, dictionaries and gazetteer and builds a Pipeline.
func New(cfg Config) (*Pipeline, error) {
	// The resources are independent of one another, so they load at the
	// same time (start-up is CPU-bound: on two cores it takes about half
	// as long); what depends on several of them is built after.
	var (
		an     *text.Analyzer
		capt   *caption.Detector
		gaz    *geo.Gazetteer
		dicts  *dict.Dictionaries
		typer  = cfg.Typer
		roles  = cfg.Roles
		models *parse.Embedded
		// errs is in the order the loads were once made one after
		// another, so that the error reported stays the same.
		errs [7]error
		wg   sync.WaitGroup
	)
	// The largest loads start first.
	wg.Go(func() {
		load := dict.Load
		if cfg.NoDefaultDicts {
			load = dict.LoadDirs
		}
		dicts, errs[3] = load(cfg.DictDirs...)
	})
	if cfg.Parse {
		wg.Go(func() { models, errs[6] = parse.LoadEmbedded() })
	}
	wg.Go(func() { capt, errs[1] = caption.NewDetector() })
	wg.Go(func() { an, errs[0] = text.NewAnalyzer() })
	wg.Go(func() {
		loadGaz := geo.Load
		if cfg.NoGeoRanker {
			loadGaz = geo.LoadGazetteer
		}
		gaz, errs[2] = loadGaz()
	})
	wantTyper := !cfg.NoTyper && !cfg.NoDefaultDicts
	if wantTyper && typer == nil {
		wg.Go(func() { typer, errs[4] = event.LoadTyper() })
	}
	if cfg.Parse && roles == nil {
		wg.Go(func() { roles, errs[5] = event.LoadRoleChooser() })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("pipeline: %w", err)
		}
	}

	coder := event.New(dicts, gaz, an)
	if !cfg.NoDefaultDicts {
		// Only the PETRARCH-style run on dictionaries of one's own
		// (NoDefaultDicts) keeps to the actors they list.
		coder = coder.WithNamedSources()
	}
	if wantTyper {
		coder = coder.WithTyper(typer)
	}
	ents, err := entity.New(NewLexicon(gaz, dicts, capt))
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	var parser *parse.Parser
	if cfg.Parse {
		coder = coder.WithRoles(roles)
		// The parser lemmatizes with the pipeline's analyzer rather than
		// loading one of its own.
		if parser, err = models.Parser(an); err != nil {
			return nil, fmt.Errorf("pipeline: %w", err)
		}
	}
	return &Pipeline{
		text:     an,
		captions: capt,
		entities: ents,
		timexes:  timex.New(),
		places:   geo.NewParser(gaz),
		gaz:      gaz,
		coder:    coder,
		parser:   parser,
		timings:  cfg.Timings,
	}, nil
}

// Gazetteer returns the gazetteer the pipeline resolves places against.
func (p *Pipeline) Gazetteer() *geo.Gazetteer { return p.gaz }

// Coder returns the pipeline's event coder, with the options its Config
// gave it (named sources, typer, role chooser).
func (p *Pipeline) Coder() *event.Coder { return p.coder }

// Analyzer returns the pipeline's text stage.
func (p *Pipeline) Analyzer() *text.Analyzer { return p.text }

// Entities returns the pipeline's entity recognizer.
func (p *Pipeline) Entities() *entity.Recognizer { return p.entities }

// Process runs every stage over one article.
func (p *Pipeline) Process(ctx context.Context, art *sitrep.Article) (res *sitrep.Result, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("internal error (please report): %v\n%s", r, debug.Stack())
		}
	}()
	res = &sitrep.Result{Article: art}

	t := time.Now()
	paras := text.Paragraphs(art.Text)
	p.timings.add(stText, t)

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t = time.Now()
	res.Captions = p.captions.Detect(art.Text, paras)
	credits, captions := captionSpans(res.Captions)
	p.timings.add(stCaption, t)

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t = time.Now()
	doc, err := p.text.AnalyzeContext(ctx, art, credits)
	if err != nil {
		return nil, err
	}
	res.Datelines = doc.Datelines
	datelined := false
	if art.Published == "" {
		// An undated article whose dateline carries a full date
		// ("WASHINGTON, March 5, 2024 —") is read as filed that day:
		// relative dates resolve against it and events with no date of
		// their own take it (reason "dateline"). res.Article keeps its
		// unknown publication date.
		if d := p.datelineDate(doc.Datelines); d != "" {
			ref := *art
			ref.Published = d
			doc.Article, datelined = &ref, true
		}
	}
	res.Stats.Paragraphs = len(doc.Paragraphs)
	res.Stats.Sentences = len(doc.Sentences)
	for _, s := range doc.Sentences {
		res.Stats.Tokens += len(s.Tokens)
	}
	p.timings.add(stText, t)

	if p.parseAll {
		p.Parse(doc)
	}

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t = time.Now()
	if res.Entities, err = p.entities.RecognizeContext(ctx, doc); err != nil {
		return nil, err
	}
	p.timings.add(stEntity, t)

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t = time.Now()
	res.Timexes = p.timexes.ExtractAside(doc, captions)
	p.timings.add(stTimex, t)

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t = time.Now()
	res.Quotes = quote.Extract(doc, res.Entities)
	p.timings.add(stQuote, t)

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t = time.Now()
	res.Casualties, res.Sizes = casualty.Extract(doc)
	p.timings.add(stCasualty, t)

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t = time.Now()
	res.Places = p.places.Parse(doc, res.Entities)
	res.Focus = geo.Focus(res.Places)
	fillCaptions(res.Captions, res.Timexes, res.Places)
	p.timings.add(stGeo, t)

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t = time.Now()
	sp := p.sentenceParser()
	res.Events, res.Warnings, err = p.coder.CodeContext(ctx, &event.Input{
		Doc:      doc,
		Entities: res.Entities,
		Timexes:  res.Timexes,
		Places:   res.Places,
		Captions: res.Captions,
		Quotes:   res.Quotes,
		Parser:   sp.treeParser(),
	})
	spent, parsed := sp.spent, sp.n
	p.release(sp)
	if err != nil {
		return nil, err
	}
	numberSentences(res.Events, doc.Sentences)
	if datelined {
		for i := range res.Events {
			if res.Events[i].DateReason == "published" {
				res.Events[i].DateReason = "dateline"
			}
		}
	}
	// The trees were parsed during the event stage, on demand: their time
	// is the parse stage's.
	p.timings.addParsed(time.Since(t), spent, parsed)
	return res, nil
}

// datelineDate returns the date of the dateline opening an article, as
// YYYY-MM-DD, when it names a day of a year ("March 5, 2024"), else "".
// A date without a year ("Jan 3") cannot be placed without a publication
// date.
func (p *Pipeline) datelineDate(dls []sitrep.Dateline) string {
	if len(dls) == 0 || dls[0].Date == "" {
		return ""
	}
	for _, t := range p.timexes.ExtractText(dls[0].Date, "") {
		if t.Type == "DATE" && t.Precision == sitrep.Day && len(t.Value) == 10 && t.Value[4] == '-' && t.Value[0] != 'X' {
			return t.Value
		}
	}
	return ""
}

// numberSentences sets each event's Evidence.SentenceNum: the number,
// from 1, of the last sentence starting at or before its evidence.
func numberSentences(evs []sitrep.Event, sents []sitrep.Sentence) {
	for i := range evs {
		e := &evs[i].Evidence
		e.SentenceNum = sort.Search(len(sents), func(k int) bool { return sents[k].Start > e.Start })
	}
}

// TyperSamples runs every stage over one article, as Process does (the
// trees the coder reads parsed when Config.Parse is set, so that a typer
// trained for the tree reading learns from the tree's candidates), and returns the
// event typer's training samples of its sentences (coded by the
// dictionaries alone) instead of its events. scripts/train-typer trains
// the typer on them.
func (p *Pipeline) TyperSamples(art *sitrep.Article, f *event.Features) []event.TyperSample {
	return p.coder.Samples(p.coderInput(art), f)
}

// UnlabelledSamples runs every stage over articles of general news and
// returns the typer samples of the sentences the typer would score (those
// with a coded event, or with a clause reading an event could be typed
// alone on), for its presence model (internal/event/typer.go).
func (p *Pipeline) UnlabelledSamples(arts []*sitrep.Article, f *event.Features) []event.TyperSample {
	var out []event.TyperSample
	for _, art := range arts {
		for _, s := range p.TyperSamples(art, f) {
			if s.Scored() {
				out = append(out, s)
			}
		}
	}
	return out
}

// RoleSamples runs every stage over one article, the trees the coder
// reads parsed, and returns the role chooser's training samples: the verbs
// whose source or target the tree and the chunks read differently.
// scripts/train-roles trains the chooser on them. Without Config.Parse
// there are none.
func (p *Pipeline) RoleSamples(art *sitrep.Article) []event.RoleSample {
	if p.parser == nil {
		return nil
	}
	return p.coder.RoleSamples(p.coderInput(art))
}

// captionSpans returns the credit lines of caps, which the text stage
// leaves out of sentences, and the captions' spans, whose dates the timex
// stage takes for no anchor of the story's.
func captionSpans(caps []sitrep.Caption) (credits, spans []sitrep.Span) {
	credits = make([]sitrep.Span, 0, len(caps))
	spans = make([]sitrep.Span, 0, len(caps))
	for _, c := range caps {
		credits = append(credits, c.Credit)
		spans = append(spans, c.Span)
	}
	return credits, spans
}

// coderInput runs the stages before the event coder over art, without
// timings or cancellation, for the training samples. The coder parses
// the sentences it reads trees of through the input's Parser.
func (p *Pipeline) coderInput(art *sitrep.Article) *event.Input {
	caps := p.captions.Detect(art.Text, text.Paragraphs(art.Text))
	credits, captions := captionSpans(caps)
	doc := p.text.Analyze(art, credits)
	ents := p.entities.Recognize(doc)
	tx := p.timexes.ExtractAside(doc, captions)
	places := p.places.Parse(doc, ents)
	fillCaptions(caps, tx, places)
	return &event.Input{
		Doc:      doc,
		Entities: ents,
		Timexes:  tx,
		Places:   places,
		Captions: caps,
		Quotes:   quote.Extract(doc, ents),
		Parser:   (&sentenceParser{p: p.parser}).treeParser(),
	}
}

// Parse sets the dependency arc of every token of doc when the pipeline
// parses (Config.Parse), and does nothing otherwise: for callers that
// want every sentence's tree, as explain does. (Process parses only the
// sentences whose trees the event coder reads; the events are the same.)
func (p *Pipeline) Parse(doc *sitrep.Doc) {
	if p.parser == nil {
		return
	}
	sp := p.sentenceParser()
	for si := range doc.Sentences {
		sp.ParseTree(&doc.Sentences[si])
	}
	p.release(sp)
}

// sentenceParser is the parse stage run on demand for one article: the
// event coder asks it for the trees it reads (event.TreeParser). It
// counts the sentences parsed and the time spent, for Timings.
type sentenceParser struct {
	p     *parse.Parser
	buf   []parse.Token // the sentence in the parser's form, reused
	spent time.Duration
	n     int
}

// sentenceParser returns a sentenceParser from the pipeline's pool (one
// with no parser when the pipeline does not parse).
func (p *Pipeline) sentenceParser() *sentenceParser {
	sp, _ := p.parsers.Get().(*sentenceParser)
	if sp == nil {
		sp = &sentenceParser{}
	}
	sp.p, sp.spent, sp.n = p.parser, 0, 0
	return sp
}

// release returns sp to the pool.
func (p *Pipeline) release(sp *sentenceParser) { p.parsers.Put(sp) }

// treeParser returns sp as the coder's TreeParser, or nil (no trees) when
// there is no parser: a nil *sentenceParser in the interface would not
// compare equal to nil.
func (sp *sentenceParser) treeParser() event.TreeParser {
	if sp.p == nil {
		return nil
	}
	return sp
}

// ParseTree sets the dependency arc (Head, Rel) of every token of s.
func (sp *sentenceParser) ParseTree(s *sitrep.Sentence) {
	t := time.Now()
	toks := s.Tokens
	buf := slices.Grow(sp.buf[:0], len(toks))[:len(toks)]
	for i := range toks {
		buf[i] = parse.Token{Form: toks[i].Text, Start: toks[i].Start, End: toks[i].End}
	}
	sp.p.Parse(buf)
	for i := range toks {
		toks[i].Head, toks[i].Rel = buf[i].Head-1, buf[i].Rel
	}
	sp.buf = buf
	sp.spent += time.Since(t)
	sp.n++
}

// fillCaptions gives each caption the date and place it names: the last
// day-precise date and the last place inside it before that date (or in
// it, when none), which is where captions conventionally put them ("...,
// in Baghdad, January 1, 2020.").
//
// "Last" is the last in the stage's output order. Captions, timexes and
// places grow alike with an article, so the facts are indexed by start
// offset and each caption reads only those that start inside it: the
// cost is O(n log n), not captions × facts.
func fillCaptions(caps []sitrep.Caption, tx []sitrep.Timex, places []sitrep.Place) {
	if len(caps) == 0 {
		return
	}
	dates := byStart(len(tx), func(i int) sitrep.Span { return tx[i].Span })
	where := byStart(len(places), func(i int) sitrep.Span { return places[i].Span })
	for i := range caps {
		c := &caps[i]
		resolved := func(i int) bool { return places[i].Resolution != geo.LevelUnresolved }
		pl := -1
		if t := dates.last(c.Span, func(i int) bool {
			t := &tx[i]
			return t.Type == "DATE" && t.Precision == sitrep.Day && len(t.Value) == 10
		}); t >= 0 {
			c.Date = tx[t].Value
			// The place of "..., in Nairobi, March 3, 2021." comes before
			// the date, whatever a sentence after it names ("The protest
			// followed air strikes near the border with Ethiopia").
			pl = where.last(sitrep.Span{Start: c.Start, End: tx[t].Start}, resolved)
		}
		if pl < 0 {
			pl = where.last(c.Span, resolved)
		}
		if pl >= 0 {
			c.Place = places[pl].Name
		}
	}
}

// spanIndex lists the indexes of facts sorted by start offset.
type spanIndex struct {
	idx  []int
	span func(int) sitrep.Span
}

func byStart(n int, span func(int) sitrep.Span) spanIndex {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(span(a).Start, span(b).Start) })
	return spanIndex{idx: idx, span: span}
}

// last returns the greatest index of a fact inside outer for which ok
// holds, -1 for none.
func (x spanIndex) last(outer sitrep.Span, ok func(int) bool) int {
	best := -1
	from, _ := slices.BinarySearchFunc(x.idx, outer.Start, func(i, start int) int { return cmp.Compare(x.span(i).Start, start) })
	for _, i := range x.idx[from:] {
		s := x.span(i)
		if s.Start >= outer.End {
			break
		}
		if i > best && outer.Contains(s) && ok(i) {
			best = i
		}
	}
	return best
}

// Lexicon is the entity recognizer's view of the gazetteer, the actor
// dictionaries and the caption stage's English word list (an
// entity.Lexicon, entity.ActorLexicon and entity.WordLexicon). The NER
// model is trained with it (scripts/train-ner), so its answers are
// features: when they change (this code, the gazetteer, the default
// dictionaries or the word list), retrain the model; TestShippedModel
// in internal/entity says so.
type Lexicon struct {
	g      *geo.Gazetteer
	actors *dict.Actors
	agents *dict.Agents
	words  *caption.Detector
}

// NewLexicon returns the Lexicon over a gazetteer, the dictionaries and
// the caption stage's English word list.
func NewLexicon(g *geo.Gazetteer, d *dict.Dictionaries, words *caption.Detector) *Lexicon {
	return &Lexicon{g: g, actors: d.Actors, agents: d.Agents, words: words}
}

// Word reports whether low is a common English word.
func (l *Lexicon) Word(low string) bool { return l.words.Word(low) }

// Place reports whether name is a country, admin area or town of the
// gazetteer (not a region, sea or continent), and whether a country.
func (l *Lexicon) Place(name string) (known, country bool) {
	country, place := l.g.Names(name, geo.LevelRegion)
	return place, country
}

// Demonym reports whether word is a nationality word of the gazetteer.
func (l *Lexicon) Demonym(word string) bool {
	_, ok := l.g.CountryByDemonym(word)
	return ok
}

// Prepare runs the stages that the geo stage reads, as Process does:
// captions, the text layer and entity mentions. scripts/train-geo trains
// the toponym ranker on what it returns.
func (p *Pipeline) Prepare(art *sitrep.Article) (*sitrep.Doc, []sitrep.Entity) {
	caps := p.captions.Detect(art.Text, text.Paragraphs(art.Text))
	credits := make([]sitrep.Span, 0, len(caps))
	for _, c := range caps {
		credits = append(credits, c.Credit)
	}
	doc := p.text.Analyze(art, credits)
	return doc, p.entities.Recognize(doc)
}

// Actor returns the length of the actor name starting at words[0] and
// what it names: a person when the dictionary gives it dated roles, a
// country for a three-letter country code, else a group.
func (l *Lexicon) Actor(words []string) (int, entity.ActorKind) {
	m, ok := l.actors.Match(words, "")
	if !ok {
		return 0, entity.NoActor
	}
	if _, roles, _ := l.actors.Roles(words[:m.Words]); len(roles) > 0 {
		for _, r := range roles {
			if r.From != "" || r.To != "" {
				return m.Words, entity.ActorPerson
			}
		}
	}
	if len(m.Code) == 3 {
		return m.Words, entity.ActorCountry
	}
	return m.Words, entity.ActorGroup
}

// Agent returns the length of the agent phrase ("police", "foreign
// minister") starting at words[0].
func (l *Lexicon) Agent(words []string) int {
	_, n, _ := l.agents.Match(words)
	return n
}
