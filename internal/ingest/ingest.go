// Package ingest reads news articles from files, directories and standard
// input and turns them into sitrep.Articles.
//
// Input: paths (files, directories walked recursively for .txt, .text,
// .jsonl, .ndjson, .json, .html, .htm, .xhtml, .warc, .warc.gz and
// extension-less files, or "-" for stdin).
// Output: a stream of *sitrep.Article values, in a stable order, and a
// stream of *Error values for input that could not be read cleanly.
//
// Five formats are recognised, by content first and extension second:
//   - HTML pages, whose main text, title, date, outlet, canonical URL and
//     photo captions internal/htmlpage extracts (any character set);
//   - web archives (WARC, plain or gzipped per record), whose HTML
//     responses are read one by one as pages, streaming (internal/warc);
//   - the seed format: a first line " date YYYY-MM-DD" followed on the same
//     line by the first paragraph, then paragraphs split by blank lines;
//   - JSON Lines: one object per line with "id", "date", "text" and optional
//     "title", "url", "source";
//   - plain text, whose publication date comes from Options.Date.
//
// Input is UTF-8; UTF-16 and UTF-32 with a byte-order mark are decoded.
// Readers stream: no input is loaded whole beyond Options.MaxArticleBytes
// (one article's text) or Options.MaxLineBytes (one JSON line). A longer
// article is cut at the last sentence boundary before the limit, with a
// warning. Control characters other than tab and newline (NUL included)
// are replaced by spaces, and CR and CRLF line endings become LF, so every
// store keeps the same text. Symbolic links are followed, with loops
// reported rather than walked.
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
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// Format is an input format.
type Format string

// Input formats.
const (
	Auto  Format = ""
	Seed  Format = "seed"
	Text  Format = "text"
	JSONL Format = "jsonl"
	HTML  Format = "html"
	WARC  Format = "warc"
)

// ParseFormat validates a format name given on the command line.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case Auto, "auto":
		return Auto, nil
	case Seed, Text, JSONL, HTML, WARC:
		return f, nil
	}
	return Auto, fmt.Errorf("unknown format %q (want auto, seed, text, jsonl, html or warc)", s)
}

// Options control how input is read.
type Options struct {
	// Format forces a format; Auto detects it per file.
	Format Format
	// Date is the publication date (YYYY-MM-DD) given to plain-text
	// articles, which carry none of their own.
	Date string
	// MaxLineBytes bounds one JSON line (default 64 MiB); a longer line
	// is reported and skipped.
	MaxLineBytes int
	// MaxArticleBytes bounds the text of one article (default
	// DefaultMaxArticleBytes). A longer text is cut at the last sentence
	// boundary before the limit and delivered with a warning.
	MaxArticleBytes int
	// MaxPageBytes bounds the markup of one HTML page (default
	// htmlpage.DefaultMaxBytes); a larger page is reported and skipped.
	MaxPageBytes int64
	// Progress, when set, is called with the number of bytes read from
	// files (not stdin) as reading goes on, for progress bars.
	Progress func(n int64)
}

// DefaultMaxArticleBytes is the default bound on one article's text: some
// ten times the longest news report, small enough that one article is
// extracted in seconds.
const DefaultMaxArticleBytes = 2 << 20

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
	// dateWarned is set once plain text without a date was reported.
	dateWarned bool
}

// NewReader returns a Reader; stdin is used for the path "-".
func NewReader(opts Options, stdin io.Reader) *Reader {
	if opts.MaxLineBytes <= 0 {
		opts.MaxLineBytes = 64 << 20
	}
	if opts.MaxArticleBytes <= 0 {
		opts.MaxArticleBytes = DefaultMaxArticleBytes
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
		for _, e := range walk(p) {
			var err error
			if e.err != nil {
				err = fn(Item{Err: e.err})
			} else {
				err = r.readFile(ctx, e.path, fn)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// articleExt are the extensions of files read when walking a directory;
// files named explicitly are read whatever their extension. Other files in
// a corpus directory (README.md, licenses, scripts) are not articles.
var articleExt = map[string]bool{"": true, ".txt": true, ".text": true, ".jsonl": true, ".ndjson": true, ".json": true,
	".html": true, ".htm": true, ".xhtml": true, ".warc": true}

// articleFile reports whether a file met in a directory is read.
func articleFile(name string) bool {
	name = strings.ToLower(name)
	return articleExt[filepath.Ext(name)] || strings.HasSuffix(name, ".warc.gz")
}

// walkEntry is a file to read or a problem met while walking.
type walkEntry struct {
	path string
	err  *Error
}

// walk lists the non-hidden article files under dir, depth first in
// lexical order, with the problems met on the way in their place.
// Symbolic links are followed; a link back to a directory being walked
// is reported as a loop, and a dangling link as what it is.
func walk(dir string) []walkEntry {
	var out []walkEntry
	st, err := os.Stat(dir)
	if err != nil {
		return []walkEntry{{err: &Error{File: dir, Offset: -1, Reason: reason(err), Skipped: true}}}
	}
	walkDir(dir, []os.FileInfo{st}, &out)
	return out
}

// walkDir appends the entries of dir; stack holds the directories being
// walked, from the root down, to detect loops.
func walkDir(dir string, stack []os.FileInfo, out *[]walkEntry) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		*out = append(*out, walkEntry{err: &Error{File: dir, Offset: -1, Reason: reason(err), Skipped: true}})
		// ReadDir returns what it read before the error: go on with it.
	}
	sort.Slice(ents, func(i, j int) bool { return ents[i].Name() < ents[j].Name() })
	for _, d := range ents {
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(dir, name)
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			st, err := os.Stat(path)
			if err != nil {
				*out = append(*out, walkEntry{err: &Error{File: path, Offset: -1, Reason: "symbolic link: " + reason(err), Skipped: true}})
				continue
			}
			mode = st.Mode().Type()
		}
		switch {
		case mode.IsDir():
			st, err := os.Stat(path)
			if err != nil {
				*out = append(*out, walkEntry{err: &Error{File: path, Offset: -1, Reason: reason(err), Skipped: true}})
				continue
			}
			if loop := slices.ContainsFunc(stack, func(s os.FileInfo) bool { return os.SameFile(s, st) }); loop {
				*out = append(*out, walkEntry{err: &Error{File: path, Offset: -1, Reason: "symbolic link loop (links back to a directory being read); not followed", Skipped: true}})
				continue
			}
			walkDir(path, append(stack, st), out)
		case mode.IsRegular() && articleFile(name):
			*out = append(*out, walkEntry{path: path})
		}
	}
}

func (r *Reader) readFile(ctx context.Context, path string, fn func(Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Item{Err: &Error{File: path, Offset: -1, Reason: reason(err), Skipped: true}})
	}
	defer f.Close()
	var in io.Reader = f
	if r.opts.Progress != nil {
		in = &counting{r: f, add: r.opts.Progress}
	}
	return r.readStream(ctx, path, in, fn)
}

// counting reports the bytes read through it.
type counting struct {
	r   io.Reader
	add func(int64)
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.add(int64(n))
	}
	return n, err
}

// readStream detects the encoding and format of one input and reads it.
func (r *Reader) readStream(ctx context.Context, name string, in io.Reader, fn func(Item) error) error {
	br := bufio.NewReaderSize(in, 64<<10)
	skip := func(err error) error {
		return fn(Item{Err: &Error{File: name, Offset: -1, Reason: reason(err), Skipped: true}})
	}
	// Web archives and HTML pages carry their own encodings: they are
	// read from the raw bytes.
	raw, err := br.Peek(1024)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return skip(err)
	}
	switch f := r.opts.Format; {
	case f == WARC, f == Auto && isWARC(name, raw):
		return r.readWARC(ctx, name, br, fn)
	case f == HTML, f == Auto && isHTML(name, raw):
		return r.readHTML(name, br, fn)
	}
	dec, bom, err := decoder(br)
	if err != nil {
		return skip(err)
	}
	if dec != nil {
		if _, err := br.Discard(bom); err != nil {
			return skip(err)
		}
		br = bufio.NewReaderSize(dec(br), 64<<10)
	}
	// Leading blank lines say nothing about the format: look past them,
	// however many there are, and judge emptiness on the whole input.
	lead, lines, err := skipSpace(br)
	if errors.Is(err, io.EOF) {
		return fn(Item{Err: &Error{File: name, Offset: 0, Reason: fmt.Sprintf("empty file (%d bytes of white space)", lead), Skipped: true}})
	}
	if err != nil {
		return skip(err)
	}
	head, err := br.Peek(8 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return skip(err)
	}
	if why, off := binaryReason(head); off >= 0 {
		return fn(Item{Err: &Error{File: name, Offset: lead + int64(off), Reason: why, Skipped: true}})
	}
	format := r.opts.Format
	if format == Auto {
		format = Detect(name, head)
	}
	if format == JSONL {
		return r.readJSONL(ctx, name, br, lines, lead, fn)
	}
	data, err := io.ReadAll(io.LimitReader(br, int64(r.opts.MaxArticleBytes)))
	if err != nil {
		return skip(err)
	}
	_, err = br.Peek(1)
	more := err == nil
	return r.readDocument(name, data, format, more, lines, lead, fn)
}

// decoder recognises a UTF-16 or UTF-32 byte-order mark at the start of br
// and returns a function wrapping br in a decoder to UTF-8 and the length
// of the mark; dec is nil for UTF-8 (with or without its mark).
func decoder(br *bufio.Reader) (dec func(io.Reader) io.Reader, bom int, err error) {
	head, err := br.Peek(4)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, 0, err
	}
	var e encoding.Encoding
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}):
		e, bom = utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), 4
	case bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		e, bom = utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), 4
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		e, bom = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		e, bom = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2
	default:
		return nil, 0, nil
	}
	return func(r io.Reader) io.Reader { return transform.NewReader(r, e.NewDecoder()) }, bom, nil
}

// skipSpace consumes leading white space (and a UTF-8 byte-order mark) and
// returns how many bytes and newlines it consumed; err is io.EOF when the
// input holds nothing else.
func skipSpace(br *bufio.Reader) (n int64, lines int, err error) {
	for {
		b, err := br.Peek(3)
		if len(b) == 0 {
			return n, lines, err
		}
		switch {
		case b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\f' || b[0] == '\v':
		case b[0] == '\n':
			lines++
		case bytes.HasPrefix(b, []byte("\ufeff")):
			br.Discard(3)
			n += 3
			continue
		default:
			return n, lines, nil
		}
		br.Discard(1)
		n++
	}
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

// binaryReason says why a sample is not text, with the offset of the
// first byte that shows it: UTF-16 or UTF-32 without a byte-order mark,
// a NUL byte, or C0 controls making up more than 1% of the sample. The
// offset is -1 for text.
func binaryReason(b []byte) (string, int) {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		if wide := wideText(b); wide != "" {
			return wide + " text without a byte-order mark; convert it to UTF-8 or add the mark", 0
		}
		return "binary file (NUL byte), not text", i
	}
	if off := controlOffset(b); off >= 0 {
		return "binary file (control bytes), not text", off
	}
	return "", -1
}

// wideText recognises text in UTF-16 or UTF-32 without a byte-order mark
// by its pattern of NUL bytes: in ASCII-heavy text every other byte (or
// three bytes in four) is NUL.
func wideText(b []byte) string {
	n := len(b) &^ 3
	if n < 8 {
		return ""
	}
	var zero [4]int
	for i := range n {
		if b[i] == 0 {
			zero[i&3]++
		}
	}
	quarter := n / 4
	high := func(i int) bool { return zero[i]*10 >= quarter*9 }
	low := func(i int) bool { return zero[i]*10 <= quarter }
	switch {
	case high(1) && high(2) && high(3) && low(0), high(0) && high(1) && high(2) && low(3):
		return "UTF-32"
	case high(1) && high(3) && low(0) && low(2), high(0) && high(2) && low(1) && low(3):
		return "UTF-16"
	}
	return ""
}

// controlOffset returns the offset of the first C0 control when such
// controls (other than white space) make up more than 1% of the sample,
// or -1.
func controlOffset(b []byte) int {
	ctrl, first := 0, -1
	for i, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
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

// readDocument turns one file into one article (seed or plain text).
// data is the file after lead bytes (lines newlines) of leading white
// space, at most MaxArticleBytes of it; more says that the file goes on.
func (r *Reader) readDocument(name string, data []byte, format Format, more bool, lines int, lead int64, fn func(Item) error) error {
	art := &sitrep.Article{Origin: fmt.Sprintf("%s:%d", name, lines+1)}
	body := data
	if format == Seed {
		line := firstLine(data)
		date, ok := seedDate(line)
		if !ok {
			// Forced seed format without a date line: keep the text.
			if err := fn(Item{Err: &Error{File: name, Line: lines + 1, Offset: lead, Reason: "missing \" date YYYY-MM-DD\" first line; publication date unknown"}}); err != nil {
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
	var ierr *Error
	warn := func(off int64, why string) {
		if ierr == nil {
			ierr = &Error{File: name, Line: lines + lineAt(data, int(off)), Offset: lead + off, Reason: why}
		} else {
			ierr.Reason += "; " + why
		}
	}
	text, probs := cleanText(body)
	if probs.badUTF8 >= 0 {
		warn(int64(probs.badUTF8+len(data)-len(body)), "invalid UTF-8; bad bytes replaced by '?'")
	}
	if probs.controls > 0 {
		warn(int64(probs.firstControl+len(data)-len(body)), fmt.Sprintf("%d control characters (NUL and the like) replaced by spaces", probs.controls))
	}
	if more {
		text = truncate(text, r.opts.MaxArticleBytes)
		warn(int64(len(data)), fmt.Sprintf("article longer than %d bytes; text cut at byte %d, the last sentence boundary before the limit", r.opts.MaxArticleBytes, len(text)))
	}
	if format != Seed && art.Published == "" && !r.dateWarned {
		r.dateWarned = true
		warn(int64(len(data)-len(body)), "plain text and no date given (--date YYYY-MM-DD): publication date unknown, relative dates left unresolved (said once for all such articles)")
	}
	if strings.TrimSpace(text) == "" {
		why := "no text after the date line"
		if more {
			why = fmt.Sprintf("no sentence boundary in the first %d bytes", r.opts.MaxArticleBytes)
		}
		return fn(Item{Err: &Error{File: name, Offset: -1, Reason: why, Skipped: true}})
	}
	art.Text = text
	art.ID = contentID(text)
	return fn(Item{Article: art, Err: ierr})
}

func lineAt(data []byte, off int) int {
	if off > len(data) {
		off = len(data)
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

// textProblems are what cleanText repaired: offsets are in its input, -1
// when there is none.
type textProblems struct {
	badUTF8      int // first invalid UTF-8 byte
	controls     int // control characters other than white space
	firstControl int
}

// cleanText replaces each byte of invalid UTF-8 by '?', so the text is
// valid, and then normalises it (see Normalize).
func cleanText(b []byte) (string, textProblems) {
	p := textProblems{badUTF8: -1, firstControl: -1}
	if !utf8.Valid(b) {
		out := make([]byte, 0, len(b))
		for i := 0; i < len(b); {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				if p.badUTF8 < 0 {
					p.badUTF8 = i
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
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if control(r) && r != '\r' && r != '\f' && r != '\v' {
			if p.controls == 0 {
				p.firstControl = i
			}
			p.controls++
		}
		i += size
	}
	return Normalize(string(b)), p
}

// control reports whether r is a C0 or C1 control character or DEL, other
// than tab and newline.
func control(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f
}

// truncate cuts s, which goes on beyond its first max bytes, at the last
// paragraph or sentence boundary before the limit (the end of a line or
// of ". ", "! ", "? ", possibly after a closing quote), or at the last
// space when there is no boundary in the second half. It returns "" when
// it finds neither.
func truncate(s string, max int) string {
	cut := s[:min(max, len(s))]
	for i := len(cut) - 1; i > 0; i-- {
		c := cut[i]
		if c == '\n' {
			return strings.TrimRight(cut[:i], " \t\n")
		}
		if c != ' ' {
			continue
		}
		j := i - 1
		for j > 0 && (cut[j] == '"' || cut[j] == '\'' || cut[j] == ')') {
			j--
		}
		if cut[j] == '.' || cut[j] == '!' || cut[j] == '?' {
			return cut[:i]
		}
		if i < max/2 {
			break
		}
	}
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		return strings.TrimRight(cut[:i], " \t\n")
	}
	return ""
}

// Normalize is what ingest does to every text before analysis, exported so
// that evaluations see gold text the same way: HTML character references
// left in scraped text ("&amp;", "&#233;") are decoded, CRLF and CR line
// endings become LF, other control characters (NUL, DEL, C1) become
// spaces, and leading and trailing white space goes. Spans in the output
// refer to the normalised text, which is the text stored with the article.
func Normalize(s string) string {
	s = decodeEntities(s)
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	s = replaceControls(s)
	s = strings.TrimLeft(s, " \t\ufeff")
	return strings.TrimRight(s, " \t\n")
}

// replaceControls replaces control characters other than tab and newline
// by spaces.
func replaceControls(s string) string {
	if strings.IndexFunc(s, control) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if control(r) {
			return ' '
		}
		return r
	}, s)
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

// readJSONL reads one article per line, after lines blank lines (lead
// bytes) already consumed. A bad line is reported with its number and
// skipped; the next line is read as usual.
func (r *Reader) readJSONL(ctx context.Context, name string, br *bufio.Reader, lines int, lead int64, fn func(Item) error) error {
	off := lead
	for line := lines + 1; ; line++ {
		if line%64 == 0 {
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
	id, err := jsonID(ja.ID)
	if err != nil {
		return bad(err.Error())
	}
	text, probs := cleanText([]byte(*ja.Text))
	var warns []string
	if probs.controls > 0 {
		warns = append(warns, fmt.Sprintf(`%d control characters (NUL and the like) in "text" replaced by spaces`, probs.controls))
	}
	if len(text) > r.opts.MaxArticleBytes {
		text = truncate(text, r.opts.MaxArticleBytes)
		warns = append(warns, fmt.Sprintf(`"text" longer than %d bytes; cut at byte %d, the last sentence boundary before the limit`, r.opts.MaxArticleBytes, len(text)))
	}
	if strings.TrimSpace(text) == "" {
		return bad(`empty "text"`)
	}
	art := &sitrep.Article{
		ID:     id,
		Title:  field(ja.Title),
		URL:    field(ja.URL),
		Source: field(ja.Source),
		Text:   text,
		Origin: fmt.Sprintf("%s:%d", name, line),
	}
	if art.ID == "" {
		art.ID = contentID(text)
	}
	switch {
	case ja.Date == nil || *ja.Date == "":
		warns = append(warns, `missing "date"; publication date unknown, relative dates left unresolved`)
	case len(*ja.Date) >= 10 && validDate((*ja.Date)[:10]):
		art.Published = (*ja.Date)[:10]
	default:
		warns = append(warns, fmt.Sprintf("invalid \"date\" %q (want YYYY-MM-DD); publication date unknown", *ja.Date))
	}
	it := Item{Article: art}
	if len(warns) > 0 {
		it.Err = &Error{File: name, Line: line, Offset: off, Reason: strings.Join(warns, "; ")}
	}
	return it, true
}

// field cleans a metadata field: control characters become spaces and
// surrounding white space goes.
func field(s string) string {
	return strings.TrimSpace(replaceControls(s))
}

// jsonID accepts a string or a number as id; an absent or null id is "".
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch c := raw[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf(`bad "id": %v`, err)
		}
		return field(s), nil // "" gets the content hash, as no id does
	case c == '-' || c >= '0' && c <= '9':
		return string(raw), nil
	case c == '{':
		return "", errors.New(`"id" is an object; want a string or a number`)
	case c == '[':
		return "", errors.New(`"id" is an array; want a string or a number`)
	default:
		return "", fmt.Errorf(`"id" is %s; want a string or a number`, raw)
	}
}

func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
