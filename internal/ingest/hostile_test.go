package ingest

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark when bom is set.
func utf16Bytes(s string, order binary.AppendByteOrder, bom bool) string {
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		b = order.AppendUint16(b, u)
	}
	return string(b)
}

func utf32Bytes(s string, order binary.AppendByteOrder) string {
	b := order.AppendUint32(nil, 0xFEFF)
	for _, r := range s {
		b = order.AppendUint32(b, uint32(r))
	}
	return string(b)
}

// TestHostileFiles reads one file of each hostile kind and checks the
// documented outcome: the texts delivered and the problems reported.
func TestHostileFiles(t *testing.T) {
	sentence := "Rebels attacked the town. "
	long := strings.Repeat(sentence, 200) // 5200 bytes
	tests := []struct {
		name    string
		file    string
		content string
		opts    Options
		texts   []string // the articles' texts, or a prefix ending in "…"
		errs    []string // prefixes of the problems, in order
	}{
		{
			name:    "leading white space beyond the sniffed head",
			file:    "ws.txt",
			content: strings.Repeat(" \n", 8<<10) + " date 2020-01-02 Troops arrived.",
			texts:   []string{"Troops arrived."},
		},
		{
			name:    "white space only",
			file:    "ws-only.txt",
			content: strings.Repeat("\n \t", 5000),
			errs:    []string{"ws-only.txt (byte 0): empty file (15000 bytes of white space)"},
		},
		{
			name:    "jsonl after blank lines keeps line numbers",
			file:    "blank.jsonl",
			content: strings.Repeat("\n", 9000) + `{"id":"a","date":"2020-01-01","text":"One."}` + "\n{bad\n",
			texts:   []string{"One."},
			errs:    []string{"blank.jsonl:9002 (byte 9045): malformed JSON"},
		},
		{
			name:    "NUL after the sniffed head",
			file:    "nul.txt",
			content: strings.Repeat("Words and words. ", 600) + "A\x00B.",
			texts:   []string{strings.Repeat("Words and words. ", 600) + "A B."},
			errs:    []string{"nul.txt:1 (byte 10201): 1 control characters"},
		},
		{
			name:    "NUL in JSON text and title",
			file:    "nul.jsonl",
			content: `{"id":"n","date":"2020-01-01","title":"T\u0000itle","text":"A\u0000B."}` + "\n",
			texts:   []string{"A B."},
			errs:    []string{"nul.jsonl:1 (byte 0): 1 control characters"},
		},
		{
			name:    "CR line endings",
			file:    "cr.txt",
			content: "One.\r\rTwo.\r\rThree.\r",
			texts:   []string{"One.\n\nTwo.\n\nThree."},
			errs:    []string{"cr.txt:1 (byte 0): plain text and no date given"},
		},
		{
			name:    "UTF-16LE with BOM",
			file:    "le.txt",
			content: utf16Bytes("Café owners in Zürich protested.\r\n", binary.LittleEndian, true),
			texts:   []string{"Café owners in Zürich protested."},
			errs:    []string{"le.txt:1 (byte 0): plain text and no date given"},
		},
		{
			name:    "UTF-16BE with BOM",
			file:    "be.jsonl",
			content: utf16Bytes(`{"id":"b","date":"2020-01-01","text":"Ünïcode text."}`+"\n", binary.BigEndian, true),
			texts:   []string{"Ünïcode text."},
		},
		{
			name:    "UTF-32LE with BOM",
			file:    "32.txt",
			content: utf32Bytes("Thirty-two bits.", binary.LittleEndian),
			texts:   []string{"Thirty-two bits."},
			errs:    []string{"32.txt:1 (byte 0): plain text and no date given"},
		},
		{
			name:    "UTF-16 without BOM",
			file:    "nobom.txt",
			content: utf16Bytes("No mark at all here.", binary.LittleEndian, false),
			errs:    []string{"nobom.txt (byte 0): UTF-16 text without a byte-order mark"},
		},
		{
			name: "ids that are not strings or numbers",
			file: "ids.jsonl",
			content: `{"id":{"a":1},"date":"2020-01-01","text":"Obj."}` + "\n" +
				`{"id":true,"date":"2020-01-01","text":"Bool."}` + "\n" +
				`{"id":[1],"date":"2020-01-01","text":"Arr."}` + "\n" +
				`{"id":12,"date":"2020-01-01","text":"Num."}` + "\n",
			texts: []string{"Num."},
			errs: []string{
				`ids.jsonl:1 (byte 0): "id" is an object`,
				`ids.jsonl:2 (byte 49): "id" is true`,
				`ids.jsonl:3 (byte 96): "id" is an array`,
			},
		},
		{
			name:    "oversized text file cut at a sentence",
			file:    "big.txt",
			content: long,
			opts:    Options{MaxArticleBytes: 1000},
			texts:   []string{strings.TrimSpace(long[:len(sentence)*38])},
			errs:    []string{"big.txt:1 (byte 1000): article longer than 1000 bytes; text cut at byte 987"},
		},
		{
			name:    "oversized JSON text cut at a sentence",
			file:    "big.jsonl",
			content: `{"id":"big","date":"2020-01-01","text":"` + long + `"}` + "\n" + `{"id":"next","date":"2020-01-01","text":"Next."}`,
			opts:    Options{MaxArticleBytes: 1000},
			texts:   []string{strings.TrimSpace(long[:len(sentence)*38]), "Next."},
			errs:    []string{`big.jsonl:1 (byte 0): "text" longer than 1000 bytes; cut at byte 987`},
		},
		{
			name:    "oversized text without any boundary",
			file:    "blob.txt",
			content: strings.Repeat("x", 5000),
			opts:    Options{MaxArticleBytes: 1000},
			errs:    []string{"blob.txt: no sentence boundary in the first 1000 bytes"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeFile(t, dir, tt.file, tt.content)
			items, err := readAll(t, tt.opts, "", p)
			if err != nil {
				t.Fatal(err)
			}
			var texts, errs []string
			for _, it := range items {
				if it.Article != nil {
					texts = append(texts, it.Article.Text)
					if strings.ContainsAny(it.Article.Title, "\x00\r") {
						t.Errorf("title %q keeps a control character", it.Article.Title)
					}
				}
				if it.Err != nil {
					errs = append(errs, strings.TrimPrefix(it.Err.Error(), dir+string(filepath.Separator)))
				}
			}
			if strings.Join(texts, "|") != strings.Join(tt.texts, "|") {
				t.Errorf("texts\n%q\nwant\n%q", texts, tt.texts)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %q, want %q", errs, tt.errs)
			}
			for i, want := range tt.errs {
				if !strings.HasPrefix(errs[i], want) {
					t.Errorf("error %d = %q, want prefix %q", i, errs[i], want)
				}
			}
		})
	}
}

// TestWalkLinks checks that a directory walk follows symbolic links to
// files and directories and reports dangling links and loops in place.
func TestWalkLinks(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	writeFile(t, root, "a.txt", "Alpha.")
	writeFile(t, outside, "linked.txt", "Linked file.")
	writeFile(t, outside, "sub/deep.txt", "Linked dir.")
	writeFile(t, root, "z.txt", "Zulu.")
	for _, l := range []struct{ target, name string }{
		{filepath.Join(outside, "linked.txt"), "b.txt"},
		{filepath.Join(outside, "sub"), "c"},
		{filepath.Join(root, "nowhere.txt"), "d.txt"},
		{root, "e"}, // loop
	} {
		if err := os.Symlink(l.target, filepath.Join(root, l.name)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	items, err := readAll(t, Options{}, "", root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		switch {
		case it.Article != nil:
			got = append(got, it.Article.Text)
		case it.Err != nil:
			rel, _ := filepath.Rel(root, it.Err.File)
			got = append(got, rel+": "+it.Err.Reason)
		}
	}
	want := []string{
		"Alpha.",
		"Linked file.",
		"Linked dir.",
		"d.txt: symbolic link: no such file or directory",
		"e: symbolic link loop (links back to a directory being read); not followed",
		"Zulu.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// FuzzReadEncoded feeds the UTF-16 and UTF-32 decoders arbitrary bytes
// after each byte-order mark: every input yields an article or a
// problem, and articles are valid, clean text.
func FuzzReadEncoded(f *testing.F) {
	f.Add([]byte("A\x00b\x00"))
	f.Add([]byte{0x3d, 0xd8}) // lone surrogate
	f.Add([]byte("\x00\x00\x00"))
	boms := [][]byte{{0xFF, 0xFE}, {0xFE, 0xFF}, {0xFF, 0xFE, 0, 0}, {0, 0, 0xFE, 0xFF}}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, bom := range boms {
			in := append(bytes.Clone(bom), data...)
			n := 0
			err := NewReader(Options{MaxArticleBytes: 4096}, bytes.NewReader(in)).Read(context.Background(), []string{"-"}, func(it Item) error {
				n++
				if a := it.Article; a != nil && (strings.TrimSpace(a.Text) == "" || strings.ContainsAny(a.Text, "\x00\r") || len(a.Text) > 4096) {
					t.Fatalf("bad article text %q", a.Text)
				}
				return nil
			})
			if err != nil || n == 0 {
				t.Fatalf("bom %x: err %v, %d items", bom, err, n)
			}
		}
	})
}
