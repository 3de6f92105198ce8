package caption

import (
	"bufio"
	"strings"
	"testing"
)

// TestWordSetAsMap checks that the word set holds what a map of the lines
// read by bufio.Scanner holds, on the shipped lexicon and on odd input.
func TestWordSetAsMap(t *testing.T) {
	d, err := NewDetector()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		d.words.text,
		"# comment\nabc\r\nab\n\nabc\nx\r\r\ny",
		"",
		"\n\n",
	} {
		want := map[string]bool{}
		sc := bufio.NewScanner(strings.NewReader(text))
		for sc.Scan() {
			if w := sc.Text(); w != "" && w[0] != '#' {
				want[w] = true
			}
		}
		s, err := newWordSet(text)
		if err != nil {
			t.Fatal(err)
		}
		for w := range want {
			if !s.has(w) {
				t.Errorf("has(%q) = false, want true", w)
			}
			for _, near := range []string{w[:len(w)-1], w + "s", w + "\n", strings.ToUpper(w)} {
				if s.has(near) != want[near] {
					t.Errorf("has(%q) = %v, want %v", near, s.has(near), want[near])
				}
			}
		}
		for _, w := range []string{"", "#", "# comment", "x\r", "ab\r", "zzzzqq"} {
			if s.has(w) != want[w] {
				t.Errorf("has(%q) = %v, want %v", w, s.has(w), want[w])
			}
		}
	}
}
