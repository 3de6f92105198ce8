package htmlpage

import (
	"golang.org/x/net/html"
	"strings"
)

// block are the elements that end a paragraph of the rendered text.
var block = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "dd": true, "details": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "header": true, "hr": true, "li": true, "main": true, "nav": true, "ol": true,
	"p": true, "pre": true, "section": true, "summary": true, "table": true, "td": true, "th": true,
	"tr": true, "ul": true, "body": true, "html": true,
}

// skipped are the elements whose content is never text of the article.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "embed": true, "canvas": true, "button": true, "select": true,
	"textarea": true, "input": true, "head": true, "title": true, "video": true, "audio": true,
	"x-title": true,
}

// textBuilder writes paragraphs separated by blank lines, collapsing
// white space inside each.
type textBuilder struct {
	b     strings.Builder
	cur   strings.Builder
	space bool // a space is due before the next word
}

func (t *textBuilder) word(w string) {
	if t.space && t.cur.Len() > 0 {
		t.cur.WriteByte(' ')
	}
	t.space = false
	t.cur.WriteString(w)
}

// text writes running text, splitting it into words.
func (t *textBuilder) text(s string) {
	if s == "" {
		return
	}
	if isSpace(s[0]) {
		t.space = true
	}
	for _, w := range strings.Fields(s) {
		t.word(w)
		t.space = true
	}
	if !isSpace(s[len(s)-1]) {
		t.space = false
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// end closes the current paragraph.
func (t *textBuilder) end() {
	p := strings.TrimSpace(t.cur.String())
	t.cur.Reset()
	t.space = false
	if p == "" {
		return
	}
	if t.b.Len() > 0 {
		t.b.WriteString("\n\n")
	}
	t.b.WriteString(p)
}

// paragraph writes p as a paragraph of its own.
func (t *textBuilder) paragraph(p string) {
	t.end()
	t.text(p)
	t.end()
}

func (t *textBuilder) String() string {
	t.end()
	return t.b.String()
}

// render writes the text under n into t: block elements end paragraphs,
// <br> ends a line (which text.Paragraphs treats as running text), a
// figure with a caption becomes one caption paragraph (reported to fig)
// and its other content (images, players) is dropped.
func render(n *html.Node, t *textBuilder, fig func(*html.Node) (Figure, bool)) {
	switch n.Type {
	case html.TextNode:
		t.text(n.Data)
		return
	case html.ElementNode:
		if skipped[n.Data] {
			return
		}
		if n.Data == "figure" {
			if f, ok := fig(n); ok {
				t.paragraph(f.paragraph())
				return
			}
		}
		if n.Data == "br" {
			t.space = true
			return
		}
		if block[n.Data] {
			t.end()
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		render(c, t, fig)
	}
	if n.Type == html.ElementNode && block[n.Data] {
		t.end()
	}
}
