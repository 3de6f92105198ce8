package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
)

// TestExtractHostileCorpus runs extract over a directory of hostile input
// generated here, each bad file followed by a good one, and checks each
// documented outcome, that no good article is lost and that the summary
// counts are right.
func TestExtractHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := func(n string) string {
		return "Rebels attacked the town of Kidal on Monday, officials said. Case " + n + "."
	}
	utf16le := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
		return string(b)
	}
	long := strings.Repeat("Troops shelled the town on Monday. ", 700) // 24500 bytes

	// Files are read in lexical order; every bad one is followed by a
	// good article.
	write("01-leading-space.txt", strings.Repeat(" \n", 10<<10)+good("01"))
	write("02-blank.txt", strings.Repeat("\n\t ", 4000))
	write("03-nul.txt", strings.Repeat("Police patrol the streets. ", 400)+"A\x00B. "+good("03"))
	write("04-cr.txt", strings.ReplaceAll(good("04a")+"\n\n"+good("04b"), "\n", "\r"))
	write("05-utf16.txt", utf16le(good("05")))
	write("06-utf16-nobom.txt", utf16le(good("06"))[2:])
	write("07-ids.jsonl", `{"id":{"x":1},"date":"2021-03-05","text":"Object id."}`+"\n"+
		`{"id":false,"date":"2021-03-05","text":"Bool id."}`+"\n"+
		`{"id":7,"date":"2021-03-05","text":"`+good("07")+`"}`+"\n")
	write("08-long.txt", long)
	write("09-binary.txt", "\x00\x01\x02\x03binary")
	write("10-good.txt", good("10"))
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "linked.txt"), []byte(good("11")), 0o644); err != nil {
		t.Fatal(err)
	}
	links := true
	for _, l := range [][2]string{
		{filepath.Join(outside, "linked.txt"), "11-link.txt"},
		{filepath.Join(dir, "missing.txt"), "12-dangling.txt"},
		{dir, "13-loop"},
	} {
		if err := os.Symlink(l[0], filepath.Join(dir, l[1])); err != nil {
			links = false
			t.Logf("no symbolic links: %v", err)
			break
		}
	}
	write("14-good.txt", good("14"))
	// Dates ahead of publication and long before it: no asserted event
	// may be dated after its article, history is background.
	write("15-dates.jsonl", `{"id":"15a","date":"2021-03-05","text":"Kenyan police arrested ten Somali traders on March 20. Kenyan troops attack Somali rebels on March 20. Kenya will give Somalia a grant in 2030. The Kenyan foreign minister is visiting Somalia on March 20. Case 15a."}`+"\n"+
		`{"id":"15b","date":"2021-03-05","text":"Kenyan troops attacked Somali rebels in 1963. Kenyan police blockaded Somali villages until 1965. Kenyan troops fought Somali rebels ahead of the 2024 elections. Case 15b."}`+"\n")

	out, errs, code := run(t, "", "extract", "--text", "--date", "2021-03-05", "--max-bytes", "16384", dir)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some input had problems)", code)
	}
	res := decodeResults(t, out)
	joined := ""
	for _, r := range res {
		joined += r.Text + "\n"
	}
	for _, n := range []string{"01", "03", "04a", "04b", "05", "07", "10", "14", "15a", "15b"} {
		if !strings.Contains(joined, "Case "+n+".") {
			t.Errorf("article %s lost", n)
		}
	}
	if links && !strings.Contains(joined, "Case 11.") {
		t.Errorf("article behind a symbolic link lost")
	}
	for _, r := range res {
		if strings.ContainsAny(r.Text, "\x00\r") {
			t.Errorf("%s: text keeps NUL or CR", r.Article.Origin)
		}
		if strings.HasPrefix(r.Text, "Troops shelled") && (len(r.Text) > 16384 || !strings.HasSuffix(r.Text, "Monday.")) {
			t.Errorf("long article not cut at a sentence within 16384 bytes: %d bytes, ends %q", len(r.Text), r.Text[len(r.Text)-10:])
		}
		if strings.Contains(r.Text, "Case 04a") && r.Stats.Paragraphs != 2 {
			t.Errorf("CR-only file: %d paragraphs, want 2", r.Stats.Paragraphs)
		}
		if strings.Contains(r.Text, "Case 15") {
			checkDates(t, r)
		}
	}
	wantErrs := []string{
		"02-blank.txt (byte 0): empty file",
		"03-nul.txt:1 (byte 10801): 1 control characters (NUL and the like) replaced by spaces",
		"06-utf16-nobom.txt (byte 0): UTF-16 text without a byte-order mark",
		`07-ids.jsonl:1 (byte 0): "id" is an object`,
		`07-ids.jsonl:2 (byte 55): "id" is false`,
		"08-long.txt:1 (byte 16384): article longer than 16384 bytes; text cut at byte 16379,",
		"09-binary.txt (byte 0): binary file",
	}
	articles, skipped, warned := 10, 5, 2
	if links {
		wantErrs = append(wantErrs, "12-dangling.txt: symbolic link: no such file or directory", "13-loop: symbolic link loop")
		articles, skipped = 11, 7
	}
	for _, w := range wantErrs {
		if !strings.Contains(errs, "sitrep: input: "+filepath.Join(dir, w)) {
			t.Errorf("stderr lacks %q", w)
		}
	}
	if got := len(res); got != articles {
		t.Errorf("%d articles written, want %d", got, articles)
	}
	sum := summary{articles: articles, skipped: skipped, warned: warned}.String()
	if !strings.Contains(errs, sum) {
		t.Errorf("summary wrong, want %q in:\n%s", sum, errs)
	}

	// A time budget no article can meet fails each alone, and the batch
	// goes on to the end.
	_, errs, code = run(t, "", "extract", "--date", "2021-03-05", "--budget", "1ns", filepath.Join(dir, "10-good.txt"), filepath.Join(dir, "14-good.txt"))
	if code != 1 || strings.Count(errs, "over the time budget of 1ns") != 2 || !strings.Contains(errs, "0 articles extracted, 0 input problems (0 inputs skipped, 0 articles kept with a warning), 2 articles failed") {
		t.Errorf("--budget 1ns: exit %d:\n%s", code, errs)
	}
}

// checkDates checks the events of the hostile corpus's dated articles: no
// asserted event is dated after its article's publication date, events
// dated ahead are there, and those of 1963 and "until 1965" are
// background while the rest are not.
func checkDates(t *testing.T, r sitrep.Result) {
	t.Helper()
	ahead, background := 0, 0
	for _, e := range r.Events {
		day := store.Day(e.Date)
		if day > r.Article.Published {
			ahead++
			if e.Modality == sitrep.Asserted {
				t.Errorf("%s: asserted event dated %s, after its publication on %s: %q", r.Article.ID, e.Date, r.Article.Published, e.Evidence.Sentence)
			}
		}
		if e.Background {
			background++
		}
		if history := strings.Contains(e.Evidence.Sentence, " 196"); e.Background != history {
			t.Errorf("%s: event dated %s: background %v, want %v: %q", r.Article.ID, e.Date, e.Background, history, e.Evidence.Sentence)
		}
	}
	switch r.Article.ID {
	case "15a":
		if ahead == 0 {
			t.Errorf("15a: no event dated ahead (the visit to come)")
		}
	case "15b":
		if background < 2 {
			t.Errorf("15b: %d background events, want 2 (1963, until 1965)", background)
		}
	}
}
