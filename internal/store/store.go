// Package store keeps extraction results in a database and answers the
// queries of the API: events filtered by time, actor, code, place, text
// and modality, with cursor pagination; articles with all their
// annotations; actor counts, a timeline and summary statistics.
//
// Input: *sitrep.Result values (one per article, as written by extract).
// Output: records and aggregates for the server.
//
// Store is the contract; store/sqlite (embedded, the default) and
// store/postgres implement it, and store/storetest is the conformance
// suite both must pass.
package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"iter"
	"strconv"

	"github.com/sitrep-project/sitrep"
)

// ErrNotFound is returned when an article or event does not exist.
var ErrNotFound = errors.New("store: not found")

// Store is a database of extraction results. Implementations are safe
// for concurrent use.
type Store interface {
	// Put stores one article's result (its Article.Text must be set),
	// replacing any earlier version of the same article id. Putting the
	// same content again changes nothing and reports Unchanged.
	Put(ctx context.Context, res *sitrep.Result) (PutOutcome, error)
	// Article returns one article with all its annotations and its text.
	Article(ctx context.Context, id string) (*sitrep.Result, error)
	// Event returns one event with its id and article id.
	Event(ctx context.Context, id string) (*EventRecord, error)
	// Events returns the events matching q in the order of q.Sort
	// (newest first by default: by event day, then id), at most q.Limit
	// of them, and a cursor for the next page ("" when there is none).
	Events(ctx context.Context, q Query) (Page, error)
	// Actors counts the events matching q per actor code (source and
	// target), most frequent first, at most limit of them.
	Actors(ctx context.Context, q Query, limit int) ([]ActorCount, error)
	// Timeline counts the events matching q per day ("day"), ISO week
	// ("week") or month ("month"), in time order.
	Timeline(ctx context.Context, q Query, interval string) ([]Bucket, error)
	// Stats summarises the events matching q.
	Stats(ctx context.Context, q Query) (Stats, error)

	// ArticleIDs calls fn with the id of every stored article, by
	// publication date then id (the order linking reads them in).
	ArticleIDs(ctx context.Context, fn func(id string) error) error
	// PutSituations replaces the stored linking output (internal/cluster):
	// situations, linked events, their mentions and the duplicates.
	PutSituations(ctx context.Context, out *sitrep.Situations) error
	// PutSituationsFrom replaces the stored linking output like
	// PutSituations, reading the situations from sits one at a time, so
	// that they need not all be in memory at once ('sitrep ingest'
	// stores the situations that settled during linking from a file).
	PutSituationsFrom(ctx context.Context, sits iter.Seq2[*sitrep.Situation, error], dups []sitrep.Duplicate) error
	// Situations lists the stored situations, latest first (by last
	// date, then id).
	Situations(ctx context.Context) ([]SituationSummary, error)
	// SituationsPage lists the stored situations in the same order, a
	// page at a time: those matching q after q.Cursor (the Next of an
	// earlier page, "" for the first), at most q.Limit (DefaultLimit
	// when 0).
	SituationsPage(ctx context.Context, q SituationQuery) (SituationPage, error)
	// Situation returns one stored situation whole.
	Situation(ctx context.Context, id string) (*sitrep.Situation, error)
	// Duplicates returns the stored near-duplicate articles.
	Duplicates(ctx context.Context) ([]sitrep.Duplicate, error)
	// EventLinks returns, for those of the given event ids (events rows,
	// i.e. mentions) that linking joined to a linked event, that event's
	// id and counts.
	EventLinks(ctx context.Context, eventIDs []string) (map[string]EventLink, error)
	Close() error
}

// SituationSummary is one line of the situations list.
type SituationSummary struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	First    string `json:"first"`
	Last     string `json:"last"`
	Articles int    `json:"num_articles"`
	Events   int    `json:"num_events"`
}

// SituationQuery selects a page of situations. Zero fields do not filter.
type SituationQuery struct {
	// From and To (YYYY-MM-DD, inclusive) keep the situations whose
	// dates [first, last] meet that range.
	From, To string
	Limit    int
	Cursor   string
}

// SituationPage is one page of the situations list.
type SituationPage struct {
	Situations []SituationSummary `json:"situations"`
	// Next is the cursor of the next page, "" after the last one.
	Next string `json:"next"`
}

// EventLink ties an event mention to its linked event.
type EventLink struct {
	// LinkedEvent and Situation are the ids of the linked event and of
	// its situation.
	LinkedEvent string `json:"linked_event"`
	Situation   string `json:"situation"`
	NumMentions int    `json:"num_mentions"`
	NumSources  int    `json:"num_sources"`
	NumArticles int    `json:"num_articles"`
	// Corroboration is the linked event's confidence from independent
	// sources (sitrep.LinkedEvent.Corroboration), not the coder's.
	Corroboration float64 `json:"corroboration"`
	// Copy is true when the mention's article is a near-duplicate.
	Copy bool `json:"copy,omitempty"`
}

// PutOutcome says what Put did.
type PutOutcome int

// Outcomes of Put.
const (
	Inserted PutOutcome = iota
	Updated
	Unchanged
)

// Query filters events. Zero fields do not filter.
type Query struct {
	From, To  string // event date range, YYYY-MM-DD, inclusive
	Actor     string // prefix of the source or target actor code ("USA", "IRQMIL")
	Country   string // ISO 3166-1 alpha-2 of the event location
	CAMEO     string // prefix of the CAMEO code ("19", "145")
	Root      string // CAMEO root, two digits
	QuadClass int    // 1-4
	PLOVER    string // PLOVER event type
	Modality  string // asserted, negated, failed, hypothetical
	BBox      *BBox  // event location inside the box
	Text      string // full-text query over article text (FTS syntax of the backend, plain words always work)
	ArticleID string
	// MinConfidence keeps the events whose confidence is at least this
	// (0 to 1; 0 keeps every event).
	MinConfidence float64
	// Background filters the events recounted as history
	// (sitrep.Event.Background): "" keeps them with the rest,
	// BackgroundExclude leaves them out, BackgroundOnly keeps only them.
	Background string
	// Sort orders a page of Events: "" or SortDate, newest first (by
	// event day, then id); SortConfidence, most confident first, then
	// newest. Aggregates ignore it.
	Sort   string
	Cursor string // from Page.Next of a query with the same Sort
	Limit  int    // page size; 0 means 100, the maximum is 1000
}

// Values of Query.Background.
const (
	BackgroundExclude = "exclude"
	BackgroundOnly    = "only"
)

// Orders of Events.
const (
	SortDate       = "date"
	SortConfidence = "confidence"
)

// BBox is a bounding box in degrees.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// EventRecord is a stored event: the extract shape plus its ids.
type EventRecord struct {
	ID        string `json:"id"`
	ArticleID string `json:"article_id"`
	sitrep.Event
	// Link is the linked event the mention belongs to, when the API
	// looked it up (EventLinks); nil otherwise.
	Link *EventLink `json:"linked,omitempty"`
}

// Page is one page of events.
type Page struct {
	Events []EventRecord `json:"events"`
	Next   string        `json:"next"`
}

// ActorCount is how many matching events an actor code takes part in.
type ActorCount struct {
	Actor  string `json:"actor"`
	Source int    `json:"source"`
	Target int    `json:"target"`
	Total  int    `json:"total"`
}

// Bucket is one bar of the timeline.
type Bucket struct {
	Start  string `json:"start"` // first day of the bucket, YYYY-MM-DD
	Count  int    `json:"count"`
	ByQuad [4]int `json:"by_quad"` // counts per QuadClass 1-4
}

// Stats summarises a set of events.
type Stats struct {
	Events    int            `json:"events"`
	Articles  int            `json:"articles"`
	FirstDate string         `json:"first_date"`
	LastDate  string         `json:"last_date"`
	ByRoot    map[string]int `json:"by_root"`
	ByQuad    map[int]int    `json:"by_quad"`
	ByPLOVER  map[string]int `json:"by_plover"`
	Countries map[string]int `json:"countries"`
}

// ErrBadCursor is wrapped by the QueryError returned for a cursor that
// was not produced by Page.Next.
var ErrBadCursor = errors.New("store: bad cursor")

// QueryError says which part of a query is invalid and why. The API maps
// it to a 400 response naming the parameter.
type QueryError struct {
	// Param is the query part at fault, in lower case: "cursor", "from",
	// "to", "quad_class", "root", "bbox", "limit", "text", "interval",
	// "min_confidence", "sort".
	Param  string
	Reason string
	// Err is a sentinel such as ErrBadCursor, or nil.
	Err error
}

func (e *QueryError) Error() string {
	return "store: bad query: " + e.Param + ": " + e.Reason
}

func (e *QueryError) Unwrap() error { return e.Err }

// Page sizes.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// Intervals of Timeline.
const (
	IntervalDay   = "day"
	IntervalWeek  = "week"
	IntervalMonth = "month"
)

// Batcher is implemented by stores that can put many results in one
// transaction, which is much faster than one Put per article. Use PutAll
// rather than asserting it.
type Batcher interface {
	PutBatch(ctx context.Context, results []*sitrep.Result) ([]PutOutcome, error)
}

// Versioner is implemented by stores that number the versions of their
// data, so that answers can be cached until the data change.
type Versioner interface {
	// Version changes whenever a put changes the data.
	Version(ctx context.Context) (int64, error)
}

// LinkMarker is implemented by stores that remember which version of
// their data (Versioner) the stored situations were linked from, so that
// a re-run of ingest that changed nothing does not link again (linking
// is the bulk of such a run, and an incremental linking fed in another
// order may draw the situations a little differently).
type LinkMarker interface {
	Versioner
	// Linked returns the version last given to MarkLinked, -1 for none.
	Linked(ctx context.Context) (int64, error)
	// MarkLinked records that the stored situations were linked from
	// version v of the data.
	MarkLinked(ctx context.Context, v int64) error
}

// Resumer is implemented by stores that keep the InputHash of each
// article, so that ingest can skip an article stored before without
// extracting it again.
type Resumer interface {
	// InputHash returns the InputHash stored with article id, or "" when
	// there is no such article (or it was stored without one).
	InputHash(ctx context.Context, id string) (string, error)
}

// BatchResumer is implemented by Resumers that can look up many articles
// at once, which saves a round trip per article to a database server.
type BatchResumer interface {
	// InputHashes returns the InputHash stored with each of the article
	// ids that are stored (ids not stored are missing from the map).
	InputHashes(ctx context.Context, ids []string) (map[string]string, error)
}

// InputHash identifies an article as it was read, before extraction: its
// id, metadata and text (not Origin, so the same article read from
// another path is the same).
func InputHash(a *sitrep.Article) string {
	h := sha256.New()
	for _, f := range []string{a.ID, a.Published, a.Title, a.URL, a.Source, a.Text} {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// PutAll stores results, in one transaction when s is a Batcher, and
// returns the outcome of each.
func PutAll(ctx context.Context, s Store, results []*sitrep.Result) ([]PutOutcome, error) {
	if b, ok := s.(Batcher); ok {
		return b.PutBatch(ctx, results)
	}
	out := make([]PutOutcome, 0, len(results))
	for _, r := range results {
		o, err := s.Put(ctx, r)
		if err != nil {
			return out, err
		}
		out = append(out, o)
	}
	return out, nil
}

func (o PutOutcome) String() string {
	switch o {
	case Inserted:
		return "inserted"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	}
	return "PutOutcome(" + strconv.Itoa(int(o)) + ")"
}

// Leaser is implemented by stores that several processes share and that
// can elect one of them for a job, such as linking (PostgreSQL, by a
// session-level advisory lock).
type Leaser interface {
	// TryLease takes the lease called name if no other session holds it.
	// It returns nil and no error when another session holds it.
	TryLease(ctx context.Context, name string) (Lease, error)
}

// Lease is held by one session of a shared store until Release or until
// its connection is lost. What it writes, it writes only while it holds
// the lease, so a holder that lost it (a stalled process whose connection
// was closed) can never overwrite the work of the next one.
type Lease interface {
	// Articles calls fn with the id and InputHash of every stored
	// article, by publication date then id (the order of ArticleIDs).
	Articles(ctx context.Context, fn func(id, inputHash string) error) error
	// PutSituations replaces the linking output like
	// Store.PutSituations, and fails if the lease was lost.
	PutSituations(ctx context.Context, out *sitrep.Situations) error
	// Release gives the lease up.
	Release(ctx context.Context) error
}
