// Package htmlpage turns one HTML news page into a sitrep.Article: its main
// text without navigation, adverts and other boilerplate, and its metadata.
//
// Input: the page's bytes (any character set: declared in the
// Content-Type, in a <meta> tag or sniffed), its URL and Content-Type.
// Output: a Page holding the article (title, publication date, canonical
// URL, outlet and the extracted text as Article.Text) with the byline, the
// photo captions found and the character set used.
//
// The main text is chosen by readability (codeberg.org/readeck/go-readability,
// a port of Mozilla's Readability.js) and rendered here as plain text:
// one paragraph per block element, separated by blank lines, with white
// space collapsed. That text is what sitrep stores and analyses: every
// offset of every fact extracted later points into it.
//
// Photo captions from <figure>/<figcaption> become paragraphs of the text in
// the layout of wire copy, credit first ("Jane Roe/AFP Residents search the
// rubble ..."), so the caption stage reads them as it reads any caption.
// A credit given in its own element (class "credit", "copyright",
// "byline" or "author" inside the figure, or <small>/<cite> in the
// caption) is put before the caption; a credit already written inside the
// caption text is left where it is. A figure the main text left out (a
// lead photo above the article, say) is kept as a caption paragraph
// before the body, unless it sits in navigation, a sidebar or a footer.
//
// The publication date is the first of: article:published_time and the
// like in <meta>, JSON-LD datePublished, <time> marked as the publication
// time, the first <time datetime> in the page. The outlet is og:site_name
// or, failing it, the JSON-LD publisher, or the host name.
package htmlpage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"github.com/sitrep-project/sitrep"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// DefaultMaxBytes bounds the HTML read from one page: news pages are rarely
// above 2 MB of markup.
const DefaultMaxBytes = 16 << 20

// Options describe where a page came from.
type Options struct {
	// URL is the address the page was read from; relative links and the
	// outlet's host are resolved against it. It may be empty.
	URL string
	// ContentType is the HTTP Content-Type header, whose charset
	// parameter, if any, says how the bytes are encoded.
	ContentType string
	// MaxBytes bounds the bytes read (DefaultMaxBytes when 0). A longer
	// page is refused with ErrTooLarge rather than read in part.
	MaxBytes int64
}

// ErrTooLarge is returned for a page over Options.MaxBytes.
var ErrTooLarge = errors.New("page too large")

// ErrNoText is returned for a page with no text to extract.
var ErrNoText = errors.New("no text in page")

// Page is what Extract found in one page.
type Page struct {
	// Article has ID (the canonical URL's hash, or the text's), Title,
	// Published, URL (canonical), Source (outlet) and Text.
	Article sitrep.Article
	// Byline is the author line as written ("By Jane Roe"), or "".
	Byline string
	// Captions are the photo captions, as written into Article.Text.
	Captions []Figure
	// Charset is the character set the page was decoded from.
	Charset string
}

// Figure is one photo caption.
type Figure struct {
	Caption string // the caption as written in the page
	Credit  string // a credit given apart from the caption, or ""
}

// Extract reads one page from r and extracts its article.
func Extract(r io.Reader, opts Options) (*Page, error) {
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	raw, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("htmlpage: read: %w", err)
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("htmlpage: %w: more than %d bytes", ErrTooLarge, max)
	}
	return ExtractBytes(raw, opts)
}

// ExtractBytes is Extract over a page already in memory.
func ExtractBytes(raw []byte, opts Options) (*Page, error) {
	text, cs, err := decode(raw, opts.ContentType)
	if err != nil {
		return nil, err
	}
	pg, err := extract(text, opts)
	if errors.Is(err, ErrNoText) {
		// An unclosed <title> (or <textarea>, <xmp>) swallows the rest of
		// the page as its text, in browsers too; read such a page again
		// with those elements made ordinary.
		if fixed, ok := unswallow(text); ok {
			pg, err = extract(fixed, opts)
		}
	}
	if err != nil {
		return nil, err
	}
	pg.Charset = cs
	return pg, nil
}

// rawTextTags are the elements whose content the HTML parser reads as
// text up to their closing tag.
var rawTextTags = []string{"title", "textarea", "xmp", "plaintext", "noembed", "noframes"}

// unswallow renames, in a page with an unclosed raw-text element, every
// such element to an unknown one, whose content is parsed as markup.
func unswallow(text string) (string, bool) {
	lower := strings.ToLower(text)
	changed := false
	for _, tag := range rawTextTags {
		if i := strings.Index(lower, "<"+tag); i >= 0 && !strings.Contains(lower[i:], "</"+tag) {
			text = text[:i+1] + "x-" + text[i+1:]
			lower = lower[:i+1] + "x-" + lower[i+1:]
			changed = true
		}
	}
	return text, changed
}

func extract(text string, opts Options) (*Page, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("htmlpage: parse: %w", err)
	}
	pageURL, _ := url.Parse(opts.URL)
	if pageURL != nil && !pageURL.IsAbs() {
		pageURL = nil
	}
	meta := readMeta(doc, pageURL)

	p := readability.NewParser()
	p.CharThresholds = 200
	ra, rerr := p.ParseDocument(doc, pageURL)
	content := ra.Node
	if rerr != nil || content == nil {
		content = body(doc)
	}

	var tb textBuilder
	seen := make(map[string]bool)
	var figs []Figure
	// Figures outside the main text come first, as lead photos do.
	for _, f := range meta.figures {
		if !contains(content, f.key) {
			figs = append(figs, f.Figure)
		}
	}
	for _, f := range figs {
		tb.paragraph(f.paragraph())
		seen[f.Caption] = true
	}
	byText := make(map[string]Figure, len(meta.figures))
	for _, f := range meta.figures {
		byText[f.key] = f.Figure
	}
	render(content, &tb, func(n *html.Node) (Figure, bool) {
		// readability may have cleaned a credit out of the figure: take
		// the figure as the page has it.
		f, ok := byText[captionText(n)]
		if !ok {
			f, ok = figure(goquery.NewDocumentFromNode(n).Selection)
		}
		if ok && !seen[f.Caption] {
			seen[f.Caption] = true
			figs = append(figs, f)
		}
		return f, ok
	})
	main := tb.String()
	if strings.TrimSpace(main) == "" {
		return nil, fmt.Errorf("htmlpage: %w", ErrNoText)
	}

	pg := &Page{Captions: figs}
	a := &pg.Article
	a.Text = main
	a.Title = firstNonEmpty(clean(ra.Title()), meta.title)
	pg.Byline = firstNonEmpty(clean(ra.Byline()), meta.byline)
	a.Source = firstNonEmpty(meta.siteName, clean(ra.SiteName()), meta.publisher)
	if a.Source == "" && pageURL != nil {
		a.Source = strings.TrimPrefix(pageURL.Hostname(), "www.")
	}
	a.URL = firstNonEmpty(meta.canonical, opts.URL)
	a.Published = meta.published
	if a.Published == "" {
		if t, err := ra.PublishedTime(); err == nil {
			a.Published = t.Format("2006-01-02")
		}
	}
	if a.Published == "" {
		a.Published = meta.timeTag
	}
	if a.URL != "" {
		a.ID = hashID(a.URL)
	} else {
		a.ID = hashID(main)
	}
	return pg, nil
}

// hashID is a stable article id: 16 hex digits of a SHA-256.
func hashID(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// decode turns raw into UTF-8 text: by a byte-order mark, the charset of
// the Content-Type, a <meta> declaration in the first 1024 bytes, or a
// guess from the content, in that order (the HTML5 rules), except that
// an undeclared page that is valid UTF-8 is read as UTF-8.
func decode(raw []byte, contentType string) (string, string, error) {
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if name == "utf-8" || enc == nil || !certain && utf8.Valid(raw) {
		return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8", nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return "", name, fmt.Errorf("htmlpage: decode %s: %w", name, err)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), name, nil
}

// metadata is what is read from the whole page before readability
// rewrites it.
type metadata struct {
	title, byline, siteName, publisher, canonical string
	published                                     string // from <meta> or JSON-LD
	timeTag                                       string // from <time>
	figures                                       []nodeFigure
}

type nodeFigure struct {
	Figure
	key string // captionText of the <figure>
}

// paragraph is the caption paragraph written into the text.
func (f Figure) paragraph() string {
	if f.Credit == "" {
		return f.Caption
	}
	return f.Credit + " " + f.Caption
}

var dateMetas = []string{
	`meta[property="article:published_time"]`,
	`meta[name="article:published_time"]`,
	`meta[itemprop="datePublished"]`,
	`meta[name="pubdate"]`,
	`meta[name="publishdate"]`,
	`meta[name="date"]`,
	`meta[name="dc.date"]`,
	`meta[name="DC.date.issued"]`,
	`meta[property="og:published_time"]`,
}

func readMeta(doc *html.Node, base *url.URL) metadata {
	d := goquery.NewDocumentFromNode(doc)
	var m metadata
	attr := func(sel, name string) string {
		v, _ := d.Find(sel).First().Attr(name)
		return clean(v)
	}
	m.title = firstNonEmpty(attr(`meta[property="og:title"]`, "content"), clean(d.Find("title").First().Text()), clean(d.Find("h1, h2").First().Text()))
	m.siteName = attr(`meta[property="og:site_name"]`, "content")
	m.byline = attr(`meta[name="author"]`, "content")
	m.canonical = absURL(base, firstNonEmpty(attr(`link[rel="canonical"]`, "href"), attr(`meta[property="og:url"]`, "content")))
	for _, sel := range dateMetas {
		if v := day(attr(sel, "content")); v != "" {
			m.published = v
			break
		}
	}
	d.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		pub, publisher := jsonLD(s.Text())
		if m.published == "" {
			m.published = pub
		}
		if m.publisher == "" {
			m.publisher = publisher
		}
		return m.published == "" || m.publisher == ""
	})
	for _, sel := range []string{`time[itemprop="datePublished"]`, `time[pubdate]`, `time[datetime]`} {
		if v := day(attr(sel, "datetime")); v != "" {
			m.timeTag = v
			break
		}
	}
	d.Find("figure").Each(func(_ int, s *goquery.Selection) {
		if s.ParentsFiltered("nav, aside, footer").Length() > 0 {
			return
		}
		if f, ok := figure(s); ok {
			m.figures = append(m.figures, nodeFigure{f, captionText(s.Get(0))})
		}
	})
	return m
}

// creditSel finds a credit written apart from the caption.
const creditSel = `[class*="credit"], [class*="copyright"], [class*="byline"], [class*="author"], [itemprop="copyrightHolder"], [itemprop="creator"]`

// figure reads a <figure>'s caption and credit.
func figure(s *goquery.Selection) (Figure, bool) {
	fc := s.Find("figcaption").First()
	if fc.Length() == 0 {
		return Figure{}, false
	}
	var f Figure
	// A credit inside the caption as its own element is taken out and put
	// first; one outside the caption but inside the figure likewise.
	inner := fc.Find(creditSel + ", small, cite").First()
	if inner.Length() > 0 {
		f.Credit = clean(inner.Text())
		f.Caption = clean(strings.Replace(textOf(fc.Get(0)), inner.Text(), "", 1))
	} else {
		f.Caption = clean(textOf(fc.Get(0)))
		if c := s.Find(creditSel).Not("figcaption").First(); c.Length() > 0 {
			f.Credit = clean(c.Text())
		}
	}
	f.Credit = strings.TrimSpace(strings.Trim(f.Credit, "()[]"))
	if f.Caption == "" {
		f.Caption, f.Credit = f.Credit, ""
	}
	return f, f.Caption != ""
}

// jsonLD returns the datePublished and publisher name of a JSON-LD block
// (an object, an array of them, or an @graph).
func jsonLD(s string) (published, publisher string) {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return "", ""
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 8 || published != "" && publisher != "" {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			if p, ok := x["datePublished"].(string); ok && published == "" {
				published = day(p)
			}
			if pub, ok := x["publisher"].(map[string]any); ok && publisher == "" {
				if n, ok := pub["name"].(string); ok {
					publisher = clean(n)
				}
			}
			if g, ok := x["@graph"]; ok {
				walk(g, depth+1)
			}
		}
	}
	walk(v, 0)
	return published, publisher
}

// dateLayouts are the forms dates take in page metadata.
var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123, "January 2, 2006", "2 January 2006",
	"Jan 2, 2006", "20060102",
}

// day returns the calendar date YYYY-MM-DD of a metadata date as the
// publisher wrote it (its own time zone), or "".
func day(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Year() < 1900 || t.Year() > 2200 {
				return ""
			}
			return t.Format("2006-01-02")
		}
	}
	if len(s) > 10 && s[10] == 'T' {
		return day(s[:10])
	}
	return ""
}

func absURL(base *url.URL, ref string) string {
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
	if !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// clean collapses white space and drops control characters.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError
	}), " ")
}

func body(doc *html.Node) *html.Node {
	var found *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "body" {
				found = c
				return
			}
			find(c)
		}
	}
	find(doc)
	if found == nil {
		return doc
	}
	return found
}

// contains reports whether tree holds a figure with the caption text
// want: readability works on a clone, so figures are known by their
// captions.
func contains(tree *html.Node, want string) bool {
	var hit bool
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && !hit; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "figure" && captionText(c) == want {
				hit = true
				return
			}
			walk(c)
		}
	}
	walk(tree)
	return hit
}

func captionText(fig *html.Node) string {
	s := goquery.NewDocumentFromNode(fig).Find("figcaption").First()
	if s.Length() == 0 {
		return ""
	}
	return clean(textOf(s.Get(0)))
}

// textOf is the text under n, with a space between block elements.
func textOf(n *html.Node) string {
	var b bytes.Buffer
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		switch x.Type {
		case html.TextNode:
			b.WriteString(x.Data)
		case html.ElementNode:
			if skipped[x.Data] {
				return
			}
			if block[x.Data] || x.Data == "br" {
				b.WriteByte(' ')
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if x.Type == html.ElementNode && block[x.Data] {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}
