package parse

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

const sample2 = `# sent_id = a
# text = They did n't go.
1	They	they	PRON	PRP	_	3	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	go	go	VERB	VB	_	0	root	_	_
4.1	gone	_	_	_	_	_	_	_	_
5	.	.	PUNCT	.	_	4	punct	_	_

1	Hi	hi	INTJ	UH	_	0	root	_	_
`

func TestReaderReadsBasicTree(t *testing.T) {
	trees, err := ReadAll(strings.NewReader(sample2))
	if err != nil {
		t.Fatal(err)
	}
	if len(trees) != 2 {
		t.Fatalf("%d trees, want 2", len(trees))
	}
	a := trees[0]
	if a.Text() != "They did n't go." || len(a.Tokens) != 5 {
		t.Fatalf("first tree: text %q, %d tokens", a.Text(), len(a.Tokens))
	}
	want := Token{ID: 4, Form: "go", Lemma: "go", UPOS: "VERB", XPOS: "VB", Head: 0, Rel: "root"}
	if a.Tokens[3] != want {
		t.Errorf("token 4 = %+v, want %+v", a.Tokens[3], want)
	}
	var b bytes.Buffer
	if err := Write(&b, trees...); err != nil {
		t.Fatal(err)
	}
	again, err := ReadAll(&b)
	if err != nil {
		t.Fatal(err)
	}
	for i := range trees {
		for j := range trees[i].Tokens {
			if trees[i].Tokens[j] != again[i].Tokens[j] {
				t.Errorf("round trip: tree %d token %d: %+v, want %+v", i, j, again[i].Tokens[j], trees[i].Tokens[j])
			}
		}
	}
}

func TestReaderErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"few columns", "1\tHi\thi\n", "line 1: 3 columns"},
		{"bad id", "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", "line 2: token ID \"3\", want 2"},
		{"bad head", "1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n", "line 1: HEAD \"x\""},
		{"head out of range", "1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n\n", "sentence ending at line 2: token 1: HEAD 5 out of range"},
		{"too many columns", "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\t_\n", "more than 10 columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestReaderSkipsBadSentence(t *testing.T) {
	in := "1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n2\tB\n\n1\tC\tc\tX\tX\t_\t0\troot\t_\t_\n"
	r := NewReader(strings.NewReader(in))
	if _, err := r.Read(); err == nil || !strings.Contains(err.Error(), "line 1:") {
		t.Fatalf("first sentence: err %v, want the error of line 1", err)
	}
	tr, err := r.Read()
	if err != nil || tr.Tokens[0].Form != "C" {
		t.Fatalf("second sentence: %v, %v", tr, err)
	}
	if _, err := r.Read(); !errors.Is(err, io.EOF) {
		t.Fatalf("end: %v, want io.EOF", err)
	}
}

func TestWriteKeepsColumns(t *testing.T) {
	tr := &Tree{Comments: []string{"text = a\nb"}, Tokens: []Token{{ID: 1, Form: "a\tb", Head: 0, Rel: "root"}}}
	var b bytes.Buffer
	if err := Write(&b, tr); err != nil {
		t.Fatal(err)
	}
	got, err := ReadAll(&b)
	if err != nil || len(got) != 1 || got[0].Tokens[0].Form != "a b" {
		t.Fatalf("read back %v, %v; want one token \"a b\"", got, err)
	}
}

func FuzzReader(f *testing.F) {
	f.Add(sample2)
	f.Add("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n\n# c\n")
	f.Add("1-2\tab\n1\ta")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewReader(strings.NewReader(in))
		for range 1000 {
			tr, err := r.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				if !strings.Contains(err.Error(), "line") {
					t.Fatalf("error %q names no line", err)
				}
				continue
			}
			for i, tok := range tr.Tokens {
				if tok.ID != i+1 || tok.Head > len(tr.Tokens) {
					t.Fatalf("token %d: %+v", i, tok)
				}
			}
			var b bytes.Buffer
			if err := Write(&b, tr); err != nil {
				t.Fatal(err)
			}
		}
	})
}
