package feed

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>World news</title>
<item><title>Clashes in Goma</title><link>https://news.example/goma</link><guid isPermaLink="false">goma-1</guid>
<pubDate>Thu, 04 Jan 2024 10:00:00 +0000</pubDate><description>Fighting &amp; flight.</description></item>
<item><title>Floods in Basra</title><link>/basra</link><pubDate>Thursday, January 4th</pubDate></item>
<item><title>Repeat</title><link>https://news.example/goma</link><guid>goma-1</guid></item>
<item><title>No link</title></item>
<item><title>Talks</title><link>https://news.example/talks</link><dc:date>2024-01-03T08:00:00Z</dc:date></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Quake</title><id>tag:wire.example,2024:1</id><link rel="alternate" href="https://wire.example/quake"/>
<link rel="enclosure" href="https://wire.example/q.jpg"/><published>2024-02-01T12:00:00+02:00</published></entry>
<entry><title>Strike</title><id>tag:wire.example,2024:2</id><link href="strike"/><updated>2024-02-02T09:00:00Z</updated></entry>
</feed>`

const jsonDoc = `{"version":"https://jsonfeed.org/version/1.1","title":"JSON news","items":[
{"id":"1","url":"https://j.example/1","title":"One","date_published":"2024-03-01T00:00:00Z"},
{"id":2,"url":"https://j.example/2","title":"Two","date_published":"not a date"},
{"id":"1","url":"https://j.example/1","title":"One again"}]}`

const latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><title>Caf\xe9</title><item><title>S\xe3o Paulo</title><link>https://x.example/sp</link></item></channel></rss>"

const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://r.example/"><title>RDF</title></channel>
<item rdf:about="https://r.example/1"><title>R1</title><link>https://r.example/1</link></item></rdf:RDF>`

func TestParse(t *testing.T) {
	tests := []struct {
		name, data, base string
		title            string
		items            []string // key|link|date
		bad, dropped     int
		repeated         int
	}{
		{"rss", rss, "https://news.example/feed", "World news", []string{
			"goma-1|https://news.example/goma|2024-01-04", "https://news.example/basra|https://news.example/basra|",
			"https://news.example/talks|https://news.example/talks|2024-01-03"}, 1, 1, 1},
		{"atom", atom, "https://wire.example/feed.atom", "Wire", []string{
			"tag:wire.example,2024:1|https://wire.example/quake|2024-02-01", "tag:wire.example,2024:2|https://wire.example/strike|2024-02-02"}, 0, 0, 0},
		{"json", jsonDoc, "", "JSON news", []string{"1|https://j.example/1|2024-03-01", "2|https://j.example/2|"}, 1, 0, 1},
		{"latin1", latin1, "", "Café", []string{"https://x.example/sp|https://x.example/sp|"}, 0, 0, 0},
		{"rdf", rdf, "", "RDF", []string{"https://r.example/1|https://r.example/1|"}, 0, 0, 0},
		{"broken xml", "<rss><channel><title>T</title><item><title>A<b>B</title><link>https://b.example/a</link></item>", "", "T",
			[]string{"https://b.example/a|https://b.example/a|"}, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.data), tt.base)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, it := range f.Items {
				d := ""
				if !it.Published.IsZero() {
					d = it.Published.Format("2006-01-02")
				}
				got = append(got, it.Key+"|"+it.Link+"|"+d)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.items) {
				t.Errorf("items\n%v\nwant\n%v", got, tt.items)
			}
			if f.Title != tt.title || f.BadDates != tt.bad || f.Dropped != tt.dropped || f.Repeated != tt.repeated {
				t.Errorf("title %q bad %d dropped %d repeated %d, want %q %d %d %d", f.Title, f.BadDates, f.Dropped, f.Repeated, tt.title, tt.bad, tt.dropped, tt.repeated)
			}
		})
	}
}

func TestNotFeed(t *testing.T) {
	for _, s := range []string{"<html><body>x</body></html>", "{\"a\":1}", "", "plain text", "{bad json"} {
		if _, err := Parse([]byte(s), ""); !errors.Is(err, ErrNotFeed) {
			t.Errorf("Parse(%q) err = %v, want ErrNotFeed", s, err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{rss, atom, jsonDoc, latin1, rdf} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := Parse(data, "https://base.example/feed")
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, it := range fd.Items {
			if it.Key == "" || seen[it.Key] {
				t.Fatalf("empty or repeated key %q", it.Key)
			}
			seen[it.Key] = true
			if it.Link != "" && !strings.HasPrefix(it.Link, "http") {
				t.Fatalf("link %q", it.Link)
			}
			if !it.Published.IsZero() && it.Published.Year() < 1990 {
				t.Fatalf("date %s", it.Published.Format(time.RFC3339))
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<rss version="2.0"><channel><title>T</title>`)
	for i := range 100 {
		fmt.Fprintf(&sb, "<item><title>Item %d</title><link>https://x.example/%d</link><pubDate>Thu, 04 Jan 2024 10:00:00 +0000</pubDate><description>Some text about it.</description></item>", i, i)
	}
	sb.WriteString("</channel></rss>")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}
