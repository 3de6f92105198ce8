package parse

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Token is one word of a parsed sentence.
type Token struct {
	ID    int    // 1-based position in the sentence
	Form  string // the word as written
	Lemma string
	UPOS  string // Universal POS tag
	XPOS  string // Penn Treebank tag
	Head  int    // ID of the head, 0 for the root
	Rel   string // Universal Dependencies relation, with its subtype ("nsubj:pass")
	// Start and End are the token's byte span in the caller's text, End
	// exclusive, when the caller gave them (both 0 otherwise).
	Start, End int
}

// Tree is a sentence and its dependency tree: Tokens[i].ID == i+1.
type Tree struct {
	// Comments are the sentence's CoNLL-U comment lines without "# ".
	Comments []string
	Tokens   []Token
}

// Text returns the value of the "text = ..." comment, or "".
func (t *Tree) Text() string {
	for _, c := range t.Comments {
		if v, ok := strings.CutPrefix(c, "text = "); ok {
			return v
		}
	}
	return ""
}

// Reader reads CoNLL-U sentences. Multi-word token lines ("3-4") and
// empty nodes ("8.1") are skipped: a Tree holds the basic tree only.
type Reader struct {
	sc   *bufio.Scanner
	line int
}

// NewReader returns a Reader of r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	return &Reader{sc: sc}
}

// Line returns the number of the last line read.
func (r *Reader) Line() int { return r.line }

// Read returns the next sentence, or io.EOF after the last one. An error
// names the line and the reason; the rest of the bad sentence is skipped,
// so the next call reads the following sentence.
func (r *Reader) Read() (*Tree, error) {
	var t *Tree
	var bad error
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if bad != nil {
				return nil, bad
			}
			if t == nil {
				continue
			}
			if err := t.check(); err != nil {
				return nil, fmt.Errorf("conllu: sentence ending at line %d: %w", r.line, err)
			}
			return t, nil
		}
		if t == nil {
			t = &Tree{}
		}
		if bad != nil {
			continue
		}
		if c, ok := strings.CutPrefix(line, "#"); ok {
			t.Comments = append(t.Comments, strings.TrimPrefix(c, " "))
			continue
		}
		tok, skip, err := parseLine(line, len(t.Tokens)+1)
		if err != nil {
			bad = fmt.Errorf("conllu: line %d: %w", r.line, err)
			continue
		}
		if !skip {
			t.Tokens = append(t.Tokens, tok)
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: after line %d: %w", r.line, err)
	}
	if bad != nil {
		return nil, bad
	}
	if t != nil {
		if err := t.check(); err != nil {
			return nil, fmt.Errorf("conllu: sentence ending at line %d: %w", r.line, err)
		}
		return t, nil
	}
	return nil, io.EOF
}

// ReadAll reads every sentence of r; it stops at the first error.
func ReadAll(r io.Reader) ([]*Tree, error) {
	cr := NewReader(r)
	var out []*Tree
	for {
		t, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, t)
	}
}

// parseLine parses one token line; skip is true for multi-word token
// lines and empty nodes.
func parseLine(line string, want int) (tok Token, skip bool, err error) {
	var f [10]string
	rest := line
	for i := range 9 {
		j := strings.IndexByte(rest, '\t')
		if j < 0 {
			return tok, false, fmt.Errorf("%d columns, want 10", i+1)
		}
		f[i], rest = rest[:j], rest[j+1:]
	}
	if strings.IndexByte(rest, '\t') >= 0 {
		return tok, false, errors.New("more than 10 columns")
	}
	f[9] = rest
	if strings.ContainsAny(f[0], "-.") {
		return tok, true, nil
	}
	id, err := strconv.Atoi(f[0])
	if err != nil || id != want {
		return tok, false, fmt.Errorf("token ID %q, want %d", f[0], want)
	}
	if f[1] == "" {
		return tok, false, errors.New("empty FORM")
	}
	tok = Token{ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Rel: f[7]}
	if f[6] == "_" {
		tok.Head = -1
	} else if tok.Head, err = strconv.Atoi(f[6]); err != nil || tok.Head < 0 {
		return tok, false, fmt.Errorf("HEAD %q is not a token ID", f[6])
	}
	for _, s := range []*string{&tok.UPOS, &tok.XPOS, &tok.Rel} {
		if *s == "_" {
			*s = ""
		}
	}
	return tok, false, nil
}

// check verifies that heads are in range (or all absent).
func (t *Tree) check() error {
	if len(t.Tokens) == 0 {
		return errors.New("no tokens")
	}
	for _, tok := range t.Tokens {
		if tok.Head > len(t.Tokens) || tok.Head == tok.ID {
			return fmt.Errorf("token %d: HEAD %d out of range", tok.ID, tok.Head)
		}
	}
	return nil
}

// Write writes trees as CoNLL-U (FEATS, DEPS and MISC are "_").
func Write(w io.Writer, trees ...*Tree) error {
	bw := bufio.NewWriter(w)
	for _, t := range trees {
		for _, c := range t.Comments {
			bw.WriteString("# " + strings.NewReplacer("\n", " ", "\r", " ").Replace(c) + "\n")
		}
		for _, tok := range t.Tokens {
			head := "_"
			if tok.Head >= 0 {
				head = strconv.Itoa(tok.Head)
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t_\t%s\t%s\t_\t_\n", tok.ID, orNone(tok.Form), orNone(tok.Lemma), orNone(tok.UPOS), orNone(tok.XPOS), head, orNone(tok.Rel))
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("conllu: write: %w", err)
	}
	return nil
}

// orNone returns s as a CoNLL-U field: "_" when empty, tabs and line
// breaks replaced by spaces.
func orNone(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}
