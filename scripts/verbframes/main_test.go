package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestShippedFrames checks that internal/event/frames.txt is what this
// script writes from the treebank.
func TestShippedFrames(t *testing.T) {
	f, err := os.Open(sitreptest.SharedFile(t, "treebank/ud-english-ewt/train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := count(f)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	write(&got, c)
	shipped, err := os.ReadFile("../../internal/event/frames.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), shipped) {
		t.Errorf("internal/event/frames.txt differs from the script's output: run go run ./scripts/verbframes")
	}
}

// TestCount checks the readings counted: a to-infinitive after an object
// as control or purpose, and clausal complements against objects.
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

1	They	they	PRON	PRP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	he	he	PRON	PRP	_	4	nsubj	_	_
4	left	leave	VERB	VBD	_	2	ccomp	_	_

1	They	they	PRON	PRP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	it	it	PRON	PRP	_	4	nsubj	_	_
4	rained	rain	VERB	VBD	_	2	ccomp	_	_

`
	c, err := count(strings.NewReader(bank))
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string][2]int{"ask": {1, 0}, "summon": {0, 1}, "call on": {1, 0}} {
		if got := c.control[key]; got != want {
			t.Errorf("control %s: %v, want %v", key, got, want)
		}
	}
	if got := c.clause["say"]; got != [2]int{2, 0} {
		t.Errorf("clause say: %v, want [2 0]", got)
	}
	var out bytes.Buffer
	write(&out, c)
	s := out.String()
	for _, want := range []string{"\ncontrol\task\t1\t0\n", "\nclause\tsay\t2\t0\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("written file lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "summon") {
		t.Errorf("a purpose verb was written:\n%s", s)
	}
}
