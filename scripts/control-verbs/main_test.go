package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestShippedControl checks that internal/event/control.txt is what this
// script writes from the treebank.
func TestShippedControl(t *testing.T) {
	f, err := os.Open(sitreptest.SharedFile(t, "treebank/ud-english-ewt/train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	counts, err := count(f)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	write(&got, counts)
	shipped, err := os.ReadFile("../../internal/event/control.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), shipped) {
		t.Errorf("internal/event/control.txt differs from the script's output: run go run ./scripts/control-verbs")
	}
}

// TestCount checks the two readings of a to-infinitive after an object.
func TestCount(t *testing.T) {
	const bank = `1	They	they	PRON	PRP	_	2	nsubj	_	_
2	asked	ask	VERB	VBD	_	0	root	_	_
3	him	he	PRON	PRP	_	2	iobj	_	_
4	to	to	PART	TO	_	5	mark	_	_
5	leave	leave	VERB	VB	_	2	xcomp	_	_

1	They	they	PRON	PRP	_	2	nsubj	_	_
2	summoned	summon	VERB	VBD	_	0	root	_	_
3	him	he	PRON	PRP	_	2	obj	_	_
4	to	to	PART	TO	_	5	mark	_	_
5	complain	complain	VERB	VB	_	2	advcl	_	_

1	They	they	PRON	PRP	_	2	nsubj	_	_
2	called	call	VERB	VBD	_	0	root	_	_
3	on	on	ADP	IN	_	4	case	_	_
4	him	he	PRON	PRP	_	2	obl	_	_
5	to	to	PART	TO	_	6	mark	_	_
6	leave	leave	VERB	VB	_	2	xcomp	_	_

`
	counts, err := count(strings.NewReader(bank))
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string][2]int{"ask": {1, 0}, "summon": {0, 1}, "call on": {1, 0}} {
		if got := counts[key]; got != want {
			t.Errorf("%s: %v, want %v", key, got, want)
		}
	}
	var out bytes.Buffer
	write(&out, counts)
	if s := out.String(); !strings.Contains(s, "\nask\t1\t0\n") || strings.Contains(s, "summon") {
		t.Errorf("written:\n%s", s)
	}
}
