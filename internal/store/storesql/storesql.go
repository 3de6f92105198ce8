// Package storesql holds what the SQL backends of store share: the rows an
// extraction result becomes, its content hash, the WHERE clause of an
// event query, versioned migrations read from embedded SQL files, and the
// assembly of timelines and statistics from grouped rows.
//
// Input: *sitrep.Result values and store.Query values.
// Output: row values, SQL fragments with their arguments, aggregates.
package storesql

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	jsonv2 "github.com/go-json-experiment/json"
	"strconv"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Article is the articles row of a result.
type Article struct {
	ID, Published, Title, URL, Source, Origin string
	Text                                      string
	// Hash identifies the content: text, metadata (but not Origin, so the
	// same article read from another path is unchanged), annotations and
	// events.
	Hash string
	// InputHash is store.InputHash of the article as read.
	InputHash string
	// Result is the JSON of the result without text and events: entities,
	// timexes, captions, quotes, casualties, sizes, places, stats and
	// warnings. Events live in their own rows.
	Result []byte
}

// Event is one events row.
type Event struct {
	ID, ArticleID string
	Index         int
	Date          string
	// Day is store.Day(Date): the sort, filter and bucket key.
	Day                      string
	CAMEO, Root              string
	QuadClass                int
	Goldstein                float64
	PLOVER, Modality         string
	SourceActor, TargetActor string
	LocName, LocCountry      string
	// Lat and Lon are nil when the event has no location.
	Lat, Lon   *float64
	Confidence float64
	// Background is 1 for an event recounted as history, else 0.
	Background int
	// JSON is the sitrep.Event as extract writes it.
	JSON []byte
}

// EventID is the id of the i-th event of an article.
func EventID(articleID string, i int) string {
	return articleID + ":" + strconv.Itoa(i)
}

// Rows splits a result into its article row and event rows.
func Rows(res *sitrep.Result) (Article, []Event, error) {
	if res == nil || res.Article == nil {
		return Article{}, nil, fmt.Errorf("result without article")
	}
	a := res.Article
	if a.ID == "" {
		return Article{}, nil, fmt.Errorf("article without id")
	}
	text := a.Text
	if text == "" {
		text = res.Text
	}
	// Annotations without text, events and origin; copying the
	// Result keeps the caller's value intact.
	ann := *res
	meta := *a
	meta.Origin, meta.Text = "", ""
	ann.Article, ann.Text, ann.Events = &meta, "", nil
	annJSON, err := json.Marshal(&ann)
	if err != nil {
		return Article{}, nil, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	h := sha256.New()
	h.Write(annJSON)
	h.Write([]byte{0})
	h.Write([]byte(text))
	evs := make([]Event, len(res.Events))
	for i := range res.Events {
		e := &res.Events[i]
		js, err := json.Marshal(e)
		if err != nil {
			return Article{}, nil, fmt.Errorf("encode event %d of article %s: %w", i, a.ID, err)
		}
		h.Write([]byte{0})
		h.Write(js)
		r := Event{
			ID: EventID(a.ID, i), ArticleID: a.ID, Index: i,
			Date: e.Date, Day: store.Day(e.Date),
			CAMEO: e.CAMEO, Root: e.Root, QuadClass: e.QuadClass, Goldstein: e.Goldstein,
			PLOVER: e.PLOVER, Modality: e.Modality,
			SourceActor: e.Source.Actor, Confidence: e.Confidence,
			Background: boolInt(e.Background),
			JSON:       js,
		}
		if e.Target != nil {
			r.TargetActor = e.Target.Actor
		}
		if l := e.Location; l != nil {
			r.LocName, r.LocCountry = l.Name, l.Country
			lat, lon := l.Lat, l.Lon
			r.Lat, r.Lon = &lat, &lon
		}
		evs[i] = r
	}
	// The stored annotations keep the origin.
	meta.Origin = a.Origin
	annJSON, err = json.Marshal(&ann)
	if err != nil {
		return Article{}, nil, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	return Article{
		ID: a.ID, Published: a.Published, Title: a.Title, URL: a.URL, Source: a.Source, Origin: a.Origin,
		Text:      text,
		Hash:      hex.EncodeToString(h.Sum(nil)[:16]),
		InputHash: store.InputHash(&sitrep.Article{ID: a.ID, Published: a.Published, Title: a.Title, URL: a.URL, Source: a.Source, Text: text}),
		Result:    annJSON,
	}, evs, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Result rebuilds a result from its stored annotations, text and events.
func Result(annotations []byte, text string, events []sitrep.Event) (*sitrep.Result, error) {
	var res sitrep.Result
	if err := json.Unmarshal(annotations, &res); err != nil {
		return nil, fmt.Errorf("decode stored result: %w", err)
	}
	if res.Article == nil {
		res.Article = &sitrep.Article{}
	}
	res.Article.Text = text
	res.Text = text
	res.Events = events
	return &res, nil
}

// EventRecord decodes a stored event. The documents are written by
// encoding/json, so the stricter and twice faster decoder of the JSON v2
// prototype reads them the same (every page of events decodes its
// documents: this is the largest part of an uncached /api/events).
func EventRecord(id, articleID string, js []byte) (store.EventRecord, error) {
	r := store.EventRecord{ID: id, ArticleID: articleID}
	if err := jsonv2.Unmarshal(js, &r.Event); err != nil {
		return r, fmt.Errorf("decode stored event %s: %w", id, err)
	}
	return r, nil
}
