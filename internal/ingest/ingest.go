// Package ingest reads news articles from files, directories and standard
// input and turns them into sitrep.Articles.
//
// Input: paths (files, directories walked recursively for .txt, .text,
// .jsonl, .ndjson, .json and extension-less files, or "-" for stdin).
// Output: a stream of *sitrep.Article values, in a stable order, and a
// stream of *Error values for input that could not be read cleanly.
//
// Three formats are recognised, by content first and extension second:
//   - the seed format: a first line " date YYYY-MM-DD" followed on the same
//     line by the first paragraph, then paragraphs split by blank lines;
//   - JSON Lines: one object per line with "id", "date", "text" and optional
//     "title", "url", "source";
//   - plain text, whose publication date comes from Options.Date.
//
// Bad input never stops a batch: every problem is reported as an *Error
// naming the file, the line (or byte offset) and the reason, and reading
// goes on with the next article. An article with a recoverable problem
// (invalid UTF-8, a missing date) is still delivered, together with the
// error, so no data is lost.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Format is an input format.
type Format string

// Input formats.
const (
	Auto  Format = ""
	Seed  Format = "seed"
	Text  Format = "text"
	JSONL Format = "jsonl"
)

// ParseFormat validates a format name given on the command line.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case Auto, "auto":
		return Auto, nil
	case Seed, Text, JSONL:
		return f, nil
	}
	return Auto, fmt.Errorf("unknown format %q (want auto, seed, text or jsonl)", s)
}

// Options control how input is read.
type Options struct {
	// Format forces a format; Auto detects it per file.
	Format Format
	// Date is the publication date (YYYY-MM-DD) given to plain-text
	// articles, which carry none of their own.
	Date string
	// MaxLineBytes bounds one JSON line (default 64 MiB).
	MaxLineBytes int
}

// Error is a problem with one piece of input. The article it concerns, if
// any, may still have been delivered.
type Error struct {
	File   string // path, or "-" for stdin
	Line   int    // 1-based line, or 0 when not line-oriented
	Offset int64  // byte offset in the file, or -1 when unknown
	Reason string
	// Skipped is true when no article could be produced from this input.
	Skipped bool
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Offset >= 0 {
		fmt.Fprintf(&b, " (byte %d)", e.Offset)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	return b.String()
}

// Item is one element of the input stream: an article, an error, or both.
type Item struct {
	Article *sitrep.Article
	Err     *Error
}

// Reader reads articles from paths.
type Reader struct {
	opts  Options
	stdin io.Reader
}

// NewReader returns a Reader; stdin is used for the path "-".
func NewReader(opts Options, stdin io.Reader) *Reader {
	if opts.MaxLineBytes <= 0 {
		opts.MaxLineBytes = 64 << 20
	}
	return &Reader{opts: opts, stdin: stdin}
}

// Read reads every path and calls fn for each article or error, in order.
// It stops early only when ctx is done or fn returns an error, and returns
// that error.
func (r *Reader) Read(ctx context.Context, paths []string, fn func(Item) error) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if err := r.readStream(ctx, "-", r.stdin, fn); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			if err := fn(Item{Err: &Error{File: p, Offset: -1, Reason: reason(err), Skipped: true}}); err != nil {
				return err
			}
			continue
		}
		if !st.IsDir() {
			if err := r.readFile(ctx, p, fn); err != nil {
				return err
			}
			continue
		}
		files, werr := walk(p)
		for _, f := range files {
			if err := r.readFile(ctx, f, fn); err != nil {
				return err
			}
		}
		if werr != nil {
			if err := fn(Item{Err: &Error{File: p, Offset: -1, Reason: reason(werr), Skipped: true}}); err != nil {
				return err
			}
		}
	}
	return nil
}

// articleExt are the extensions of files read when walking a directory;
// files named explicitly are read whatever their extension. Other files in
// a corpus directory (README.md, licenses, scripts) are not articles.
var articleExt = map[string]bool{"": true, ".txt": true, ".text": true, ".jsonl": true, ".ndjson": true, ".json": true}

// walk lists the regular, non-hidden article files under dir in lexical
// order.
func walk(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && articleExt[strings.ToLower(filepath.Ext(name))] {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func (r *Reader) readFile(ctx context.Context, path string, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Err: &Error{File: path, Offset: -1, Reason: reason(err), Skipped: true}})
	}
	defer f.Close()
	return r.readStream(ctx, path, f, fn)
}

// readStream detects the format of one input and reads it.
func (r *Reader) readStream(ctx context.Context, name string, in io.Reader, fn func(Item) error) error {
	br := bufio.NewReaderSize(in, 64<<10)
	head, err := br.Peek(8 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fn(Item{Err: &Error{File: name, Offset: -1, Reason: reason(err), Skipped: true}})
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return fn(Item{Err: &Error{File: name, Offset: 0, Reason: "empty file", Skipped: true}})
	}
	if off := binaryOffset(head); off >= 0 {
		return fn(Item{Err: &Error{File: name, Offset: int64(off), Reason: "binary file (control bytes), not text", Skipped: true}})
	}
	format := r.opts.Format
	if format == Auto {
		format = Detect(name, head)
	}
	if format == JSONL {
		return r.readJSONL(ctx, name, br, fn)
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return fn(Item{Err: &Error{File: name, Offset: -1, Reason: reason(err), Skipped: true}})
	}
	return r.readDocument(name, data, format, fn)
}

// Detect guesses the format of a file from its first bytes and its name.
func Detect(name string, head []byte) Format {
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	if _, ok := seedDate(firstLine(trimmed)); ok {
		return Seed
	}
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return JSONL
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	}
	return Text
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

// seedDate parses the leading "date YYYY-MM-DD" of a seed-format first line
// and returns the date and the length of the prefix to drop.
func seedDate(line []byte) (string, bool) {
	s := strings.TrimLeft(string(line), " \t\ufeff")
	if !strings.HasPrefix(s, "date ") {
		return "", false
	}
	s = strings.TrimLeft(s[len("date "):], " ")
	if len(s) < 10 {
		return "", false
	}
	if !validDate(s[:10]) || (len(s) > 10 && s[10] != ' ' && s[10] != '\t' && s[10] != '\r') {
		return "", false
	}
	return s[:10], true
}

func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// binaryOffset returns the offset of the first byte that marks the data as
// binary (NUL, or other C0 controls making up more than 1% of the sample),
// or -1 for text.
func binaryOffset(b []byte) int {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return i
	}
	ctrl, first := 0, -1
	for i, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
			if first < 0 {
				first = i
			}
		}
	}
	if ctrl > 0 && ctrl*100 > len(b) {
		return first
	}
	return -1
}

// readDocument turns one whole file into one article (seed or plain text).
func (r *Reader) readDocument(name string, data []byte, format Format, fn func(Item) error) error {
	art := &sitrep.Article{Origin: name + ":1"}
	body := data
	if format == Seed {
		line := firstLine(data)
		date, ok := seedDate(line)
		if !ok {
			// Forced seed format without a date line: keep the text.
			if err := fn(Item{Err: &Error{File: name, Line: 1, Offset: 0, Reason: "missing \" date YYYY-MM-DD\" first line; publication date unknown"}}); err != nil {
				return err
			}
		} else {
			art.Published = date
			i := bytes.Index(data, []byte(date)) + len(date)
			body = data[i:]
		}
	} else {
		art.Published = r.opts.Date
	}
	text, bad := cleanText(body)
	art.Text = text
	art.ID = contentID(text)
	var ierr *Error
	if bad >= 0 {
		off := int64(bad + len(data) - len(body))
		ierr = &Error{File: name, Line: lineAt(data, int(off)), Offset: off, Reason: "invalid UTF-8; bad bytes replaced by '?'"}
	}
	if strings.TrimSpace(text) == "" {
		return fn(Item{Err: &Error{File: name, Offset: -1, Reason: "no text after the date line", Skipped: true}})
	}
	return fn(Item{Article: art, Err: ierr})
}

func lineAt(data []byte, off int) int {
	if off > len(data) {
		off = len(data)
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// cleanText replaces each byte of invalid UTF-8 by '?', so the text is
// valid, and then normalises it (see Normalize). It returns the offset in b
// of the first invalid byte, or -1.
func cleanText(b []byte) (string, int) {
	first := -1
	if !utf8.Valid(b) {
		out := make([]byte, 0, len(b))
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				if first < 0 {
					first = i
				}
				out = append(out, '?')
				i++
				continue
			}
			out = append(out, b[i:i+size]...)
			i += size
		}
		b = out
	}
	return Normalize(string(b)), first
}

// Normalize is what ingest does to every text before analysis, exported so
// that evaluations see gold text the same way: CRLF line endings become LF,
// leading and trailing white space goes, and HTML character references
// left in scraped text ("&amp;", "&#233;") are decoded. Spans in the output
// refer to the normalised text, which is the text stored with the article.
func Normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimLeft(s, " \t\ufeff")
	s = strings.TrimRight(s, " \t\r\n")
	return decodeEntities(s)
}

// decodeEntities decodes character references closed by ';'. Unclosed
// ones are left alone: html.UnescapeString alone would also decode legacy
// forms such as "&copy" inside prose, while the closing ';' is what marks
// text that was escaped ("AT&T", "R&D" stay as they are).
func decodeEntities(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '&' {
			continue
		}
		semi := strings.IndexByte(s[i+1:min(len(s), i+34)], ';')
		if semi <= 0 {
			continue
		}
		ref := s[i : i+semi+2]
		if !entityName(ref[1 : len(ref)-1]) {
			continue
		}
		dec := html.UnescapeString(ref)
		if dec == ref {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:i])
		b.WriteString(dec)
		last = i + len(ref)
		i = last - 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// entityName reports whether s can name a character reference: letters
// and digits, or '#' followed by decimal or x-prefixed hex digits.
func entityName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#' && i == 0) {
			return false
		}
	}
	return true
}

// contentID is the stable id of an article without one: a hash of its text.
func contentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

type jsonArticle struct {
	ID     json.RawMessage `json:"id"`
	Date   *string         `json:"date"`
	Text   *string         `json:"text"`
	Title  string          `json:"title"`
	URL    string          `json:"url"`
	Source string          `json:"source"`
}

// readJSONL reads one article per line. A bad line is reported with its
// number and skipped; the next line is read as usual.
func (r *Reader) readJSONL(ctx context.Context, name string, br *bufio.Reader, fn func(Item) error) error {
	var off int64
	for line := 1; ; line++ {
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		raw, err := readLine(br, r.opts.MaxLineBytes)
		start := off
		off += int64(len(raw))
		if len(raw) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fn(Item{Err: &Error{File: name, Line: line, Offset: start, Reason: reason(err), Skipped: true}})
		}
		if errors.Is(err, errLineTooLong) {
			if ferr := fn(Item{Err: &Error{File: name, Line: line, Offset: start, Reason: fmt.Sprintf("line longer than %d bytes", r.opts.MaxLineBytes), Skipped: true}}); ferr != nil {
				return ferr
			}
			continue
		}
		if it, ok := r.parseJSONLine(name, line, start, raw); ok {
			if ferr := fn(it); ferr != nil {
				return ferr
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fn(Item{Err: &Error{File: name, Line: line, Offset: off, Reason: reason(err), Skipped: true}})
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line including its newline. A line over max
// bytes is consumed and errLineTooLong returned.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > max {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return []byte{'\n'}, errLineTooLong
		}
		buf = append(buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return buf, err
	}
}

// parseJSONLine decodes one JSON line. ok is false for blank lines.
func (r *Reader) parseJSONLine(name string, line int, off int64, raw []byte) (Item, bool) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 {
		return Item{}, false
	}
	bad := func(reason string) (Item, bool) {
		return Item{Err: &Error{File: name, Line: line, Offset: off, Reason: reason, Skipped: true}}, true
	}
	if !utf8.Valid(trimmed) {
		return bad("invalid UTF-8 in JSON line")
	}
	var ja jsonArticle
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if err := dec.Decode(&ja); err != nil {
		return bad("malformed JSON: " + err.Error())
	}
	if dec.More() {
		return bad("malformed JSON: trailing data after the object")
	}
	if ja.Text == nil {
		return bad(`missing "text"`)
	}
	text, _ := cleanText([]byte(*ja.Text))
	if strings.TrimSpace(text) == "" {
		return bad(`empty "text"`)
	}
	art := &sitrep.Article{
		ID:     jsonID(ja.ID),
		Title:  ja.Title,
		URL:    ja.URL,
		Source: ja.Source,
		Text:   text,
		Origin: fmt.Sprintf("%s:%d", name, line),
	}
	if art.ID == "" {
		art.ID = contentID(text)
	}
	it := Item{Article: art}
	switch {
	case ja.Date == nil || *ja.Date == "":
		it.Err = &Error{File: name, Line: line, Offset: off, Reason: `missing "date"; publication date unknown, relative dates left unresolved`}
	case len(*ja.Date) >= 10 && validDate((*ja.Date)[:10]):
		art.Published = (*ja.Date)[:10]
	default:
		it.Err = &Error{File: name, Line: line, Offset: off, Reason: fmt.Sprintf("invalid \"date\" %q (want YYYY-MM-DD); publication date unknown", *ja.Date)}
	}
	return it, true
}

// jsonID accepts a string or a number as id.
func jsonID(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}

func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
