package sitrep

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Article is one news report as read by ingest. Text is immutable once the
// article leaves ingest: every span downstream indexes into it.
type Article struct {
	// ID is stable: the id given by the source, or a hash of the content.
	ID string `json:"id"`
	// Published is the publication date as YYYY-MM-DD, or "" when unknown.
	Published string `json:"published"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	// Byline is the author line of a web page ("Jane Roe"), or "". It is
	// written by extract but not kept by the store.
	Byline string `json:"byline,omitempty"`
	// Origin names where the article was read from, as "file:line".
	Origin string `json:"origin,omitempty"`
	// Text is the article body: paragraphs separated by blank lines.
	Text string `json:"-"`
}

// Token is one word or punctuation mark.
type Token struct {
	Span
	Text string `json:"text"`
	// Tag is a Penn Treebank part-of-speech tag (NN, VBD, NNP, ...).
	Tag string `json:"tag"`
	// Head and Rel are the token's dependency arc, set by the parse stage:
	// Head is the index in Sentence.Tokens of the token this one depends
	// on (-1 for the sentence's root) and Rel the Universal Dependencies
	// relation to it ("nsubj", "obj", "obl:agent", ...). Rel is "" when
	// the sentence was not parsed; Head is then meaningless.
	Head int    `json:"head"`
	Rel  string `json:"rel,omitempty"`
}

// Sentence is a run of tokens ending in terminal punctuation or at the end
// of a paragraph.
type Sentence struct {
	Span
	// Paragraph is the index of the paragraph holding the sentence.
	Paragraph int `json:"paragraph"`
	// Tokens are the sentence's tokens in text order.
	Tokens []Token `json:"tokens"`
}

// Doc is the text layer of an article: paragraphs, sentences and tokens.
// It is built once by the text stage and read-only afterwards.
type Doc struct {
	Article *Article
	// Paragraphs are the blank-line separated blocks of Article.Text,
	// trimmed of surrounding white space.
	Paragraphs []Span
	Sentences  []Sentence
	// Datelines are the datelines opening the article or its
	// paragraphs. No sentence holds them.
	Datelines []Dateline
}

// Dateline is the line opening a report that says where it was filed,
// and sometimes when and by which agency: "BAGHDAD (Reuters) -",
// "NAIROBI, Kenya —", "KABUL, Jan 3 (AP) --". Its Span runs from the
// place to the dash, inclusive. The text stage leaves it out of the
// sentences, so that it is never read as a sentence's subject; the geo
// stage resolves its place.
type Dateline struct {
	Span
	// Article is the id of the article it opens.
	Article string `json:"article"`
	// Place is the place as written ("BAGHDAD", "NAIROBI"), PlaceSpan
	// its span.
	Place     string `json:"place"`
	PlaceSpan Span   `json:"place_span"`
	// Region, Date and Agency are the parts written after the place, as
	// written, or "": "Kenya", "Jan 3", "Reuters". RegionSpan is the
	// region's span, nil without one.
	Region     string `json:"region,omitempty"`
	RegionSpan *Span  `json:"region_span,omitempty"`
	Date       string `json:"date,omitempty"`
	Agency     string `json:"agency,omitempty"`
}

// SpanText returns the text under s, or "" if s is out of range.
func (d *Doc) SpanText(s Span) string {
	t := d.Article.Text
	if s.Start < 0 || s.End > len(t) || s.Start > s.End {
		return ""
	}
	return t[s.Start:s.End]
}

// EntityType is the class of a named entity mention.
type EntityType string

// Entity classes, following the OntoNotes names.
const (
	Person EntityType = "PERSON"
	Org    EntityType = "ORG"
	GPE    EntityType = "GPE"  // countries, cities, states
	Loc    EntityType = "LOC"  // non-GPE locations: regions, seas, mountains
	NORP   EntityType = "NORP" // nationalities, religious and political groups ("Iraqi")
)

// Entity is one mention of a named entity.
type Entity struct {
	Span
	Text string     `json:"text"`
	Type EntityType `json:"type"`
	// Name is the fullest form of this entity's name in the article, without
	// titles: "Trump" and "President Donald Trump" both have Name "Donald Trump".
	Name string `json:"name"`
	// Ref numbers the entities of one article: mentions with the same Ref
	// refer to the same entity.
	Ref int `json:"ref"`
	// Title is a title or role word written before a person's name
	// ("President", "Gen.").
	Title string `json:"title,omitempty"`
	// Confidence is the recognizer's probability that the mention is an
	// entity of this type, in [0,1].
	Confidence float64 `json:"confidence"`
}

// Precision says how exactly a date is known.
type Precision string

// Date precisions, finest first.
const (
	Day     Precision = "day"
	Week    Precision = "week"
	Month   Precision = "month"
	Quarter Precision = "quarter"
	Year    Precision = "year"
	Decade  Precision = "decade"
)

// Timex is a time expression normalized to TIMEX3 notation.
type Timex struct {
	Span
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the TIMEX3 value: "2019-12-31", "2019-12", "2019-W52",
	// "P2D", "PRESENT_REF", "XXXX-WXX-5", ...
	Value string `json:"value"`
	// Precision is set for DATE and TIME values that name a calendar period.
	Precision Precision `json:"precision,omitempty"`
	// Anchored is true when the value was resolved against the publication
	// date (relative expressions such as "on Tuesday" or "yesterday").
	Anchored bool `json:"anchored,omitempty"`
	// Mod is the TIMEX3 mod attribute, the part of the period meant or
	// the quantity's bound: START ("early 2019", "earlier this month"),
	// MID ("mid-March"), END ("late last year", "the end of the month"),
	// APPROX ("about two weeks"), LESS_THAN ("nearly a year"),
	// MORE_THAN ("more than three years"), EQUAL_OR_LESS ("up to 180
	// days"), EQUAL_OR_MORE ("at least 30 days"), ON_OR_AFTER ("1994 or
	// later"), ON_OR_BEFORE, BEFORE, AFTER; "" when none.
	Mod string `json:"mod,omitempty"`
}

// Caption is a photo caption with its parsed credit line.
type Caption struct {
	Span
	// Agency is the news or photo agency, upper-cased as credited: "AP",
	// "REUTERS", "AFP", "GETTY", "EPA".
	Agency string `json:"agency"`
	// Photographer is the credited photographer's name, or "".
	Photographer string `json:"photographer"`
	// Credit is the span of the credit line itself.
	Credit Span `json:"credit"`
	// Text is the caption without its credit.
	Text string `json:"text"`
	// Place is the place the caption names as where the photo was taken.
	Place string `json:"place,omitempty"`
	// Date is the photo's date (YYYY-MM-DD) when the caption gives one.
	Date string `json:"date,omitempty"`
}

// Quote is a direct or indirect quotation attributed to a speaker.
type Quote struct {
	Span
	// Speaker is the fullest name of the speaker in the article, or the
	// speaker's noun phrase when it is not a named entity ("officials").
	Speaker     string `json:"speaker"`
	SpeakerSpan *Span  `json:"speaker_span,omitempty"`
	// Text is the quoted content (without the quotation marks).
	Text string `json:"text"`
	// Verb is the reporting verb as written ("said", "tweeted", "warned").
	Verb     string `json:"verb"`
	VerbSpan *Span  `json:"verb_span,omitempty"`
	// Kind is "direct" (all in quotation marks), "indirect" (reported
	// speech), or "mixed" (reported speech holding a quoted fragment).
	Kind string `json:"kind"`
}

// Casualty is a count of people killed, wounded, arrested, ... in the text.
type Casualty struct {
	Span
	// Kind is killed, wounded, arrested, missing, kidnapped or displaced.
	Kind string `json:"kind"`
	// Count is the number, or a conservative reading of a vague quantity
	// ("several" = 3, "dozens" = 12, following ACLED); Exact says which.
	Count int  `json:"count"`
	Exact bool `json:"exact"`
	// Who is the noun phrase naming the victims ("a US civilian contractor").
	Who  string `json:"who"`
	Text string `json:"text"`
}

// Size is a count of a group of people or things that is not a casualty:
// crowds, troops, vehicles.
type Size struct {
	Span
	Count int    `json:"count"`
	Exact bool   `json:"exact"`
	Who   string `json:"who"`
	Text  string `json:"text"`
}

// Place is a toponym in the text resolved against the gazetteer.
type Place struct {
	Span
	Text string `json:"text"`
	// Name is the gazetteer name of the resolved place.
	Name      string  `json:"name"`
	GeonameID int     `json:"geonameid,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	// Country is the ISO 3166-1 alpha-2 code.
	Country string `json:"country"`
	Admin1  string `json:"admin1,omitempty"`
	// Feature is the GeoNames feature class and code, e.g. "P.PPLC".
	Feature string `json:"feature,omitempty"`
	// Resolution is country, region, admin1, admin2 or city; or
	// "unresolved" for a toponym recognised by its form or context
	// ("Shamrock Street") that the gazetteer does not hold: it has no
	// position (Lat, Lon and GeonameID are zero), so consumers needing
	// coordinates must check Resolution first.
	Resolution string `json:"resolution"`
	// Confidence is the resolver's probability that the place is the one
	// meant, in [0,1].
	Confidence float64 `json:"confidence"`
}

// Location is where an event happened.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	// Reason says how the location was chosen: "clause", "sentence",
	// "caption", "dateline" or "focus".
	Reason string `json:"reason"`
	// Place is the index into Result.Places of the mention used, or -1.
	Place int `json:"place"`
}

// EventActor is the source or target of an event.
type EventActor struct {
	Span
	// Text is the noun phrase as written.
	Text string `json:"text"`
	// Actor is the CAMEO actor code: a country code followed by sector
	// codes ("USAGOV", "IRQMIL", "IRN"), "---" followed by sectors when
	// the country is unknown ("---REB"; "---" alone for a named person or
	// organisation the dictionaries do not know), or "" when unknown.
	Actor string `json:"actor"`
	// Name is the resolved entity name when the actor is a named entity,
	// or, for a pronoun ("he", "we" in a quotation), the name or phrase
	// it refers to.
	Name string `json:"name,omitempty"`
	// Place is set on a target read from the place phrase of a clause
	// that names no one else ("declared a ceasefire in Yemen"): where the
	// act happened, coded as whom it concerns, as PETRARCH and PLOVER
	// code it.
	Place bool `json:"place,omitempty"`
}

// Evidence locates the text an event was coded from.
type Evidence struct {
	// Sentence is the full sentence; Start and End are its byte offsets.
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// Trigger is the span of the verb or noun that carries the event.
	Trigger Span `json:"trigger"`
	// SentenceNum is the number of the sentence in the article, 1 for
	// the first (GDELT's SentenceID); 0 when unknown (results stored
	// before it was recorded).
	SentenceNum int `json:"sentence_num,omitempty"`
}

// Modalities of an event.
const (
	Asserted     = "asserted"
	Negated      = "negated"
	Failed       = "failed"       // an attempt that did not succeed
	Hypothetical = "hypothetical" // future, conditional, threatened, planned
)

// Event is one coded interaction between actors.
type Event struct {
	// CAMEO is the event code ("145"); Root its first two digits ("14").
	CAMEO     string  `json:"cameo"`
	Root      string  `json:"root"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	// PLOVER is the PLOVER event type from the CAMEO→PLOVER mapping.
	PLOVER string `json:"plover"`
	// Date is YYYY-MM-DD (or coarser per DatePrecision); DateReason says
	// where it came from: "clause", "sentence", "quote" (the attribution
	// of the quotation it is told in, in another sentence), "previous"
	// (the dated sentence just before), "caption" or "published".
	Date          string      `json:"date"`
	DatePrecision Precision   `json:"date_precision"`
	DateReason    string      `json:"date_reason"`
	Source        EventActor  `json:"source"`
	Target        *EventActor `json:"target"`
	Location      *Location   `json:"location"`
	Modality      string      `json:"modality"`
	Evidence      Evidence    `json:"evidence"`
	// Pattern names the dictionary entry that produced the code, for audit.
	Pattern string `json:"pattern,omitempty"`
	// Confidence is the coder's probability that the event is right (type
	// and actors), in [0,1].
	Confidence float64 `json:"confidence"`
	// Background marks an event the article recounts as history (a date
	// well before the report, "split in 1949") rather than reports as
	// news. The API and UI leave such events out unless asked for them.
	Background bool `json:"background,omitempty"`
}

// Result is everything extracted from one article; it is the line written
// by `sitrep extract`.
type Result struct {
	Article *Article `json:"article"`
	// Text is the article text, included only on request (extract --text).
	Text       string     `json:"text,omitempty"`
	Entities   []Entity   `json:"entities"`
	Timexes    []Timex    `json:"timexes"`
	Captions   []Caption  `json:"captions"`
	Quotes     []Quote    `json:"quotes"`
	Casualties []Casualty `json:"casualties"`
	Sizes      []Size     `json:"sizes"`
	Places     []Place    `json:"places"`
	// Focus are the places the article is about, best first (at most
	// five): the first mention of each, ranked by mentions, specificity
	// and how early they come; a country or state also gains from the
	// places inside it. Event locations fall back to Focus[0].
	Focus []Place `json:"focus"`
	// Datelines are the article's datelines (Doc.Datelines), in text
	// order.
	Datelines []Dateline `json:"datelines"`
	Events    []Event    `json:"events"`
	Stats     Stats      `json:"stats"`
	// Warnings are non-fatal problems met while processing the article.
	Warnings []string `json:"warnings,omitempty"`
}

// Stats counts the text units of an article.
type Stats struct {
	Paragraphs int `json:"paragraphs"`
	Sentences  int `json:"sentences"`
	Tokens     int `json:"tokens"`
}

// The types below are the output of linking (internal/cluster): event
// mentions from many articles joined into events, events and articles
// grouped into situations, and near-duplicate articles. An Event above is
// one mention; a LinkedEvent is the real-world event behind several.

// MentionRef points at one event mention: an Event of one article's Result.
type MentionRef struct {
	// Article is the id of the article holding the mention.
	Article string `json:"article"`
	// Start and End are the byte span of the mention's evidence sentence
	// in that article's text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Trigger is the span of the verb or noun carrying the event.
	Trigger Span `json:"trigger"`
	// Sentence is the number of the evidence sentence in the article, 1
	// for the first (Evidence.SentenceNum; 0 when unknown).
	Sentence int `json:"sentence,omitempty"`
	// Event is the index of the mention in that article's Result.Events.
	Event int `json:"event"`
	// Outlet is the article's outlet: its Source, else its URL's host,
	// else "article:" and its id.
	Outlet string `json:"outlet"`
	// Published is the article's publication date (YYYY-MM-DD or "").
	Published string `json:"published,omitempty"`
	// Copy is true when the article is a near-duplicate of an earlier
	// one: the mention counts, its outlet is no independent source.
	Copy bool `json:"copy,omitempty"`
	// Score is the linking score of the mention with the event (0 for
	// the mention that started it) and Reason says why it was linked:
	// the parts of the score, e.g. "code=1.00 actors=0.90 date=1.00
	// place=1.00 text=0.62".
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// LinkedEvent is one real-world event: the event mentions, within one
// article and across articles, that tell the same act.
type LinkedEvent struct {
	// ID is "ev-" and 12 hex digits of a hash of the earliest mention (by
	// publication date, article id and index): its article id, index,
	// sentence start, trigger start and code. It does not depend on the
	// order the articles were linked in.
	ID string `json:"id"`
	// CAMEO, Root, PLOVER, QuadClass and Goldstein are the codes of the
	// mentions, the most frequent CAMEO code winning (ties: the first).
	CAMEO     string  `json:"cameo"`
	Root      string  `json:"root"`
	PLOVER    string  `json:"plover"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	// Source and Target are the most specific CAMEO actor codes among the
	// mentions ("IRQMIL" over "IRQ"); Target is "" for one-sided events.
	// SourceName and TargetName are a name or noun phrase for each.
	Source     string `json:"source"`
	Target     string `json:"target"`
	SourceName string `json:"source_name,omitempty"`
	TargetName string `json:"target_name,omitempty"`
	// Date is the finest date among the mentions (the most frequent one
	// of that precision), DatePrecision its precision.
	Date          string    `json:"date"`
	DatePrecision Precision `json:"date_precision,omitempty"`
	// Place is the name of the most specific location among the
	// mentions, Location that location (nil when none has one).
	Place    string    `json:"place"`
	Location *Location `json:"location,omitempty"`
	// NumMentions counts the mentions, NumArticles the distinct
	// articles holding them and NumSources the distinct outlets among
	// the articles that are no copies (GDELT's three counts).
	NumMentions int `json:"num_mentions"`
	NumSources  int `json:"num_sources"`
	NumArticles int `json:"num_articles"`
	// FirstSeen and LastSeen are the earliest and latest publication
	// dates of the articles holding the mentions.
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
	// Corroboration is the probability that the event happened given
	// its independent sources: 1 - Π(1 - p) over the outlets that are no
	// copies, p being the best mention Confidence of each outlet (0.5
	// when the coder set none). It grows with each independent source;
	// it is not the coder's per-mention Event.Confidence.
	Corroboration float64 `json:"confidence"`
	// Mentions are the mentions behind the event, in arrival order.
	Mentions []MentionRef `json:"mentions"`
	// Casualties are the casualty figures that belong to this event (a
	// figure in the sentence of one of its mentions; see CasualtyFigure),
	// per kind, one figure per article that is no copy, as a range with
	// its sources like Situation.Casualties. Absent when none attaches.
	Casualties []CasualtyRange `json:"casualties,omitempty"`
}

// CasualtyFigure is one source's figure for one kind of casualty.
type CasualtyFigure struct {
	Count int  `json:"count"`
	Exact bool `json:"exact"`
	// AccordingTo is who gives the figure: the speaker of the quote
	// holding it, else the article's outlet.
	AccordingTo string `json:"according_to"`
	// Article is the article's id; Start and End the span of the
	// casualty mention in its text; Text the mention as written.
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	// Event is the id of the linked event the figure belongs to: the
	// event told by the sentence holding the figure (a material-conflict
	// one first, then the nearest trigger), "" when that sentence tells
	// none. Set in Situation.Casualties; within LinkedEvent.Casualties
	// the event is the enclosing one.
	Event string `json:"event,omitempty"`
}

// CasualtyRange gathers the figures that the articles of a situation give
// for one kind of casualty. Conflicting figures are all kept: Low is the
// count to report (ACLED's rule: the lowest), High the highest.
type CasualtyRange struct {
	// Kind is killed, wounded, arrested, missing, kidnapped or displaced.
	Kind    string           `json:"kind"`
	Low     int              `json:"low"`
	High    int              `json:"high"`
	Figures []CasualtyFigure `json:"figures"`
	// Conflict is true when the figures disagree (Low < High).
	Conflict bool `json:"conflict"`
}

// SituationQuote is a quote of one of a situation's articles.
type SituationQuote struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Kind    string `json:"kind"`
}

// Situation is a cluster of articles and events about one developing
// story: a riot and its aftermath, a front of a war.
type Situation struct {
	// ID is "sit-" and 12 hex digits of a hash of the id of its earliest
	// article (by publication date, then id): it does not depend on the
	// order the articles were linked in.
	ID string `json:"id"`
	// Title is generated from the main event type, actors, place and
	// dates ("Assault in Baghdad, 2019-12-31 to 2020-01-03").
	Title string `json:"title"`
	// First and Last are the earliest and latest event dates (or
	// publication dates when no event has one).
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Articles are the ids of the situation's articles, in arrival order.
	Articles []string `json:"articles"`
	// Events are the linked events, by date then id.
	Events []LinkedEvent `json:"events"`
	// Casualties gives, per kind, every figure of the articles that are
	// no copies, with the range and a conflict flag.
	Casualties []CasualtyRange `json:"casualties"`
	// Quotes are the attributed quotes of the articles that are no
	// copies, the same text quoted twice kept once.
	Quotes []SituationQuote `json:"quotes"`
}

// Duplicate marks an article as a near-duplicate of an earlier one.
type Duplicate struct {
	// Original is the earliest article of the group (by publication date,
	// then arrival), Copy the duplicate.
	Original string `json:"original"`
	Copy     string `json:"copy"`
	// Kind is "copy" (syndicated, the same text up to small edits) or
	// "rewrite" (lightly edited or cut).
	Kind string `json:"kind"`
	// Similarity is the estimated Jaccard similarity of the two texts'
	// word 3-shingle sets, in [0,1].
	Similarity float64 `json:"similarity"`
}

// Situations is the output of linking: what `sitrep situations` prints.
type Situations struct {
	Situations []Situation `json:"situations"`
	Duplicates []Duplicate `json:"duplicates"`
}
