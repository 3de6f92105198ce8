// Package feed reads news feeds: RSS 2.0 (and RSS 0.9x/1.0), Atom 1.0 and
// JSON Feed 1.x.
//
// Input: the bytes of a feed document (any character set its XML
// declaration names). Output: a Feed with its title and items, each item
// with a stable key (its guid or id, or else its link), link, title,
// summary and publication time. An item's date that cannot be read is
// left zero and counted in Feed.BadDates; an item with neither key nor
// link is dropped and counted in Feed.Dropped. Items repeated within the
// document (same key) are kept once.
package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Item is one entry of a feed.
type Item struct {
	// Key identifies the item across polls: its guid/id, else its link.
	Key       string
	Link      string // absolute URL of the article, or ""
	Title     string
	Summary   string
	Published time.Time // zero when absent or unreadable
}

// Feed is one parsed feed document.
type Feed struct {
	Title    string
	Items    []Item
	BadDates int // items whose date could not be read
	Dropped  int // items without key or link
	Repeated int // items whose key came earlier in the document
	// Broken is true when the document breaks off or breaks the XML
	// rules; Items are those read before the break.
	Broken bool
}

// ErrNotFeed is returned for a document that is none of the formats.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// Parse reads a feed. base resolves relative links (the feed's URL; may
// be empty).
func Parse(data []byte, base string) (*Feed, error) {
	b, _ := url.Parse(base)
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	var f *Feed
	var err error
	if len(trimmed) > 0 && trimmed[0] == '{' {
		f, err = parseJSON(trimmed, b)
	} else {
		f, err = parseXML(trimmed, b)
	}
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	seen := make(map[string]bool, len(f.Items))
	items := f.Items[:0]
	for _, it := range f.Items {
		switch {
		case it.Key == "":
			f.Dropped++
		case seen[it.Key]:
			f.Repeated++
		default:
			seen[it.Key] = true
			items = append(items, it)
		}
	}
	f.Items = items
	return f, nil
}

// xmlDoc holds the elements of RSS and Atom that sitrep reads; the root
// element's name says which it is.
type xmlDoc struct {
	XMLName xml.Name
	Channel struct {
		Title string    `xml:"title"`
		Items []rssItem `xml:"item"`
	} `xml:"channel"`
	Items   []rssItem   `xml:"item"` // RSS 1.0 keeps items beside the channel
	Title   string      `xml:"title"`
	Entries []atomEntry `xml:"entry"`
}

type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	About       string `xml:"about,attr"`
	Description string `xml:"description"`
	PubDate     string `xml:"pubDate"`
	DCDate      string `xml:"http://purl.org/dc/elements/1.1/ date"`
}

type atomEntry struct {
	Title string `xml:"title"`
	ID    string `xml:"id"`
	Links []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
		Type string `xml:"type,attr"`
	} `xml:"link"`
	Summary   string `xml:"summary"`
	Content   string `xml:"content"`
	Published string `xml:"published"`
	Updated   string `xml:"updated"`
}

func parseXML(data []byte, base *url.URL) (*Feed, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var doc xmlDoc
	// A feed cut short or broken further on keeps the items read before
	// the break.
	derr := dec.Decode(&doc)
	if derr != nil && doc.XMLName.Local == "" {
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, derr)
	}
	f := &Feed{Broken: derr != nil && !errors.Is(derr, io.EOF)}
	switch strings.ToLower(doc.XMLName.Local) {
	case "rss", "rdf":
		f.Title = clean(doc.Channel.Title)
		items := append(doc.Channel.Items, doc.Items...)
		for _, x := range items {
			it := Item{Title: clean(x.Title), Summary: clean(x.Description), Link: resolve(base, x.Link)}
			it.Key = firstNonEmpty(strings.TrimSpace(x.GUID), strings.TrimSpace(x.About), it.Link)
			it.Published = f.date(firstNonEmpty(x.PubDate, x.DCDate))
			f.Items = append(f.Items, it)
		}
	case "feed":
		f.Title = clean(doc.Title)
		for _, e := range doc.Entries {
			it := Item{Title: clean(e.Title), Summary: clean(firstNonEmpty(e.Summary, e.Content))}
			for _, l := range e.Links {
				if (l.Rel == "" || l.Rel == "alternate") && it.Link == "" {
					it.Link = resolve(base, l.Href)
				}
			}
			it.Key = firstNonEmpty(strings.TrimSpace(e.ID), it.Link)
			it.Published = f.date(firstNonEmpty(e.Published, e.Updated))
			f.Items = append(f.Items, it)
		}
	default:
		return nil, fmt.Errorf("%w: root element <%s>", ErrNotFeed, doc.XMLName.Local)
	}
	return f, nil
}

type jsonFeed struct {
	Version string `json:"version"`
	Title   string `json:"title"`
	Items   []struct {
		ID            json.RawMessage `json:"id"`
		URL           string          `json:"url"`
		Title         string          `json:"title"`
		Summary       string          `json:"summary"`
		ContentText   string          `json:"content_text"`
		DatePublished string          `json:"date_published"`
		DateModified  string          `json:"date_modified"`
	} `json:"items"`
}

func parseJSON(data []byte, base *url.URL) (*Feed, error) {
	var jf jsonFeed
	if err := json.Unmarshal(data, &jf); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	if !strings.HasPrefix(jf.Version, "https://jsonfeed.org/version/") {
		return nil, fmt.Errorf("%w: no jsonfeed.org version", ErrNotFeed)
	}
	f := &Feed{Title: clean(jf.Title)}
	for _, x := range jf.Items {
		it := Item{Title: clean(x.Title), Summary: clean(firstNonEmpty(x.Summary, x.ContentText)), Link: resolve(base, x.URL)}
		var id string
		if json.Unmarshal(x.ID, &id) != nil {
			id = strings.Trim(string(x.ID), `"`) // a number, as some feeds write it
			if id == "null" {
				id = ""
			}
		}
		it.Key = firstNonEmpty(strings.TrimSpace(id), it.Link)
		it.Published = f.date(firstNonEmpty(x.DatePublished, x.DateModified))
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// dateLayouts are the date forms feeds use (RFC 822 and its variants in
// RSS, RFC 3339 in Atom and JSON Feed).
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC3339Nano, time.RFC3339,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700", "Mon, 02 Jan 06 15:04:05 -0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2006-01-02T15:04Z07:00", "2006-01-02", "Mon, 2 January 2006 15:04:05 -0700",
}

// date parses a feed date, counting those it cannot read.
func (f *Feed) date(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1990 || t.Year() > 2200 {
				break
			}
			return t
		}
	}
	f.BadDates++
	return time.Time{}
}

func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
