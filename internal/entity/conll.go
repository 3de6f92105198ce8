package entity

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	sitrep "github.com/sitrep-project/sitrep"
)

// LabeledDoc is a document of an annotated NER corpus: its text layer,
// rebuilt from the corpus's tokens (joined by spaces, one sentence per
// paragraph, untagged: tag them as at run time before use), and its gold
// mentions with CoNLL-2003 labels (Confidence 1).
type LabeledDoc struct {
	Doc  *sitrep.Doc
	Gold []Mention
}

// DocBuilder builds a LabeledDoc sentence by sentence.
type DocBuilder struct {
	b    strings.Builder
	doc  LabeledDoc
	sent int
}

// NewDocBuilder starts a document with the given article ID.
func NewDocBuilder(id string) *DocBuilder {
	return &DocBuilder{doc: LabeledDoc{Doc: &sitrep.Doc{Article: &sitrep.Article{ID: id}}}}
}

// AddSentence appends a sentence of words with one IOB tag per word: "O",
// "B-X" or "I-X" (IOB1, where an entity may start with I-, is read too;
// so are BILOU/BIOES tags), X one of Labels.
func (db *DocBuilder) AddSentence(words, tags []string) error {
	if len(words) != len(tags) {
		return fmt.Errorf("%d words, %d tags", len(words), len(tags))
	}
	if len(words) == 0 {
		return nil
	}
	if db.b.Len() > 0 {
		db.b.WriteString("\n\n")
	}
	toks := make([]sitrep.Token, len(words))
	for i, w := range words {
		if w == "" || strings.ContainsAny(w, " \t\n\r") {
			return fmt.Errorf("word %d: %q: empty or with white space", i+1, w)
		}
		if i > 0 {
			db.b.WriteByte(' ')
		}
		start := db.b.Len()
		db.b.WriteString(w)
		toks[i] = sitrep.Token{Span: sitrep.Span{Start: start, End: db.b.Len()}, Text: w, Head: -1}
	}
	d := db.doc.Doc
	span := sitrep.Span{Start: toks[0].Start, End: toks[len(toks)-1].End}
	d.Paragraphs = append(d.Paragraphs, span)
	d.Sentences = append(d.Sentences, sitrep.Sentence{Span: span, Paragraph: len(d.Paragraphs) - 1, Tokens: toks})
	// Gold spans: a mention starts at B-/U-/S-, or at I-/L-/E- after O or
	// another label, and goes on over I-/L-/E- of its label.
	prev := ""
	for i, t := range tags {
		pos, label, err := parseTag(t)
		if err != nil {
			return fmt.Errorf("word %d (%q): %w", i+1, words[i], err)
		}
		cont := (pos == 'I' || pos == 'L' || pos == 'E') && label == prev
		if label != "" && !cont {
			db.doc.Gold = append(db.doc.Gold, Mention{Span: toks[i].Span, Label: label, Confidence: 1, sent: len(d.Sentences) - 1, a: i, b: i + 1})
		} else if cont {
			g := &db.doc.Gold[len(db.doc.Gold)-1]
			g.End, g.b = toks[i].End, i+1
		}
		prev = label
		if pos == 'L' || pos == 'E' || pos == 'U' || pos == 'S' {
			prev = ""
		}
	}
	db.sent++
	return nil
}

func parseTag(t string) (pos byte, label string, err error) {
	if t == "O" {
		return 'O', "", nil
	}
	if len(t) < 3 || t[1] != '-' || !strings.ContainsRune("BILUES", rune(t[0])) {
		return 0, "", fmt.Errorf("tag %q: want O or B-/I-/L-/U-/E-/S- with a label", t)
	}
	for _, l := range Labels {
		if t[2:] == l {
			return t[0], l, nil
		}
	}
	return 0, "", fmt.Errorf("tag %q: label not one of %v", t, Labels)
}

// Len returns the number of sentences added.
func (db *DocBuilder) Len() int { return db.sent }

// Doc returns the document built so far.
func (db *DocBuilder) Doc() LabeledDoc {
	db.doc.Doc.Article.Text = db.b.String()
	return db.doc
}

// ReadCoNLL reads a CoNLL-2003 style file: one token per line, the word in
// the first column and its NER tag in the last, blank lines between
// sentences, "-DOCSTART-" lines between documents. name is used in error
// messages and document IDs.
func ReadCoNLL(r io.Reader, name string) ([]LabeledDoc, error) {
	var docs []LabeledDoc
	db := NewDocBuilder(name + "#1")
	var words, tags []string
	line, sentLine := 0, 0
	flushSent := func() error {
		if err := db.AddSentence(words, tags); err != nil {
			return fmt.Errorf("entity: read %s: sentence at line %d: %w", name, sentLine, err)
		}
		words, tags = words[:0], tags[:0]
		return nil
	}
	flushDoc := func() {
		if db.Len() > 0 {
			docs = append(docs, db.Doc())
		}
		db = NewDocBuilder(fmt.Sprintf("%s#%d", name, len(docs)+1))
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		switch {
		case len(fs) == 0:
			if err := flushSent(); err != nil {
				return nil, err
			}
		case fs[0] == "-DOCSTART-":
			if err := flushSent(); err != nil {
				return nil, err
			}
			flushDoc()
		case len(fs) < 2:
			return nil, fmt.Errorf("entity: read %s: line %d: want a word and a tag, got %q", name, line, sc.Text())
		default:
			if len(words) == 0 {
				sentLine = line
			}
			words = append(words, fs[0])
			tags = append(tags, fs[len(fs)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("entity: read %s: line %d: %w", name, line, err)
	}
	if err := flushSent(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}
