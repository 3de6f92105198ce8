package text

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// ChunkKind is the type of a shallow-parse chunk.
type ChunkKind string

// Chunk kinds, after the CoNLL-2000 chunking task.
const (
	NP   ChunkKind = "NP"
	VP   ChunkKind = "VP"
	PP   ChunkKind = "PP"
	ADJP ChunkKind = "ADJP"
	ADVP ChunkKind = "ADVP"
	SBAR ChunkKind = "SBAR"
	O    ChunkKind = "O"
)

// Chunk is a run of tokens [Start, End) of one sentence (token indices)
// with the index of its head token.
type Chunk struct {
	Kind       ChunkKind
	Start, End int
	Head       int
}

func isNoun(t string) bool { return strings.HasPrefix(t, "NN") }
func isVerb(t string) bool { return strings.HasPrefix(t, "VB") || t == "MD" }
func isAdj(t string) bool  { return t == "JJ" || t == "JJR" || t == "JJS" }
func isAdv(t string) bool  { return t == "RB" || t == "RBR" || t == "RBS" }

// isPrepVerb reports participles used as prepositions ("including").
func isPrepVerb(w string) bool {
	switch w {
	case "including", "Including", "excluding", "Excluding", "concerning", "regarding":
		return true
	}
	return false
}

// auxiliaries are verbs that can precede another verb in one verb group.
var auxiliaries = map[string]bool{
	"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "am": true,
	"'s": true, "'re": true, "'m": true, "’s": true, "’re": true, "’m": true, "'ve": true, "’ve": true, "'d": true, "’d": true,
	"have": true, "has": true, "had": true, "having": true, "do": true, "does": true, "did": true,
	"get": true, "gets": true, "got": true, "gotten": true, "getting": true,
}

func isAux(t sitrep.Token) bool {
	return t.Tag == "MD" || auxiliaries[strings.ToLower(t.Text)]
}

// subordinators open a subordinate clause (SBAR) when tagged IN.
var subordinators = map[string]bool{
	"that": true, "because": true, "although": true, "though": true, "whether": true, "if": true,
	"unless": true, "whereas": true, "while": true, "once": true, "until": true, "till": true,
}

// npModifier reports whether the participle at i modifies a following noun
// ("burned checkpoint", "Iran-backed militias") rather than heading a verb
// group ("militias targeted by ...").
func npModifier(toks []sitrep.Token, i int) bool {
	t := toks[i].Tag
	if t != "VBN" && t != "VBG" || isPrepVerb(toks[i].Text) {
		return false
	}
	j := i + 1
	for j < len(toks) && (isAdj(toks[j].Tag) || toks[j].Tag == "VBN" || toks[j].Tag == "VBG") {
		j++
	}
	if j >= len(toks) || !isNoun(toks[j].Tag) {
		return false
	}
	if i == 0 {
		return true
	}
	switch toks[i-1].Tag {
	case "DT", "PDT", "PRP$", "WP$", "CD", "IN", "TO", ",", "CC", "POS", "``", "JJ", "JJR", "JJS", "VBN", "VBG", "$", "(", ":":
		return true
	}
	return false
}

// npPart reports whether token i can be inside a noun phrase.
func npPart(toks []sitrep.Token, i int) bool {
	t := toks[i].Tag
	switch t {
	case "DT", "PDT", "PRP$", "WP$", "CD", "$", "#", "POS", "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS":
		return true
	case "VBN", "VBG":
		return npModifier(toks, i)
	}
	return false
}

// verbStart reports whether a verb group starts at i: a verb, optionally
// after "to" and negation ("to attack", "never attacked", "not to go").
// Other leading adverbs form their own ADVP, as in CoNLL-2000.
func verbStart(toks []sitrep.Token, i int) bool {
	j := i
	if j < len(toks) && toks[j].Tag == "TO" {
		j++
	}
	for j < len(toks) && isNegAdverb(toks[j]) {
		j++
	}
	return j < len(toks) && verbAt(toks, j)
}

func verbAt(toks []sitrep.Token, j int) bool {
	return isVerb(toks[j].Tag) && !npModifier(toks, j) && !isPrepVerb(toks[j].Text)
}

// advThenVerb reports whether adverbs starting at i lead to a verb
// ("has already been").
func advThenVerb(toks []sitrep.Token, i int) bool {
	for j := i; j < len(toks); j++ {
		if !isAdv(toks[j].Tag) {
			return verbAt(toks, j)
		}
	}
	return false
}

func isNegAdverb(t sitrep.Token) bool {
	if !isAdv(t.Tag) {
		return false
	}
	switch strings.ToLower(t.Text) {
	case "not", "n't", "n’t", "never":
		return true
	}
	return false
}

// Chunks groups the tagged tokens of one sentence into NP, VP, PP, ADJP,
// ADVP and SBAR chunks; other tokens get single-token O chunks. A VP holds
// its auxiliaries, modals, adverbs and "to"-infinitives ("did not attack",
// "was attacked", "decided to send") with the last verb as head; an NP's
// head is its last noun. A possessive stays inside the noun phrase it
// modifies: "the army 's commander" is one NP headed by "commander".
func Chunks(toks []sitrep.Token) []Chunk {
	out := make([]Chunk, 0, len(toks)/2+1)
	n := len(toks)
	for i := 0; i < n; {
		t := toks[i].Tag
		lw := toks[i].Text
		switch {
		case isPrepVerb(lw):
			out = append(out, Chunk{Kind: PP, Start: i, End: i + 1, Head: i})
			i++
		case verbStart(toks, i):
			j, head := i, -1
			for j < n {
				tj := toks[j].Tag
				switch {
				case isVerb(tj):
					if head >= 0 && !isAux(toks[head]) && tj == "MD" {
						break // "the events unfolding could drag": a new group
					}
					head = j
					j++
					continue
				case tj == "TO" && j == i:
					j++
					continue
				case isAdv(tj) && (advThenVerb(toks, j) || isNegAdverb(toks[j])):
					j++
					continue
				case tj == "TO" && j+1 < n && verbStart(toks, j+1) && head >= 0:
					j++
					continue
				case tj == "RP" && head >= 0:
					j++
					continue
				}
				break
			}
			out = append(out, Chunk{Kind: VP, Start: i, End: j, Head: head})
			i = j
		case t == "PRP" || t == "EX":
			out = append(out, Chunk{Kind: NP, Start: i, End: i + 1, Head: i})
			i++
		case npPart(toks, i):
			j := i
			sawNoun := false
			for j < n && npPart(toks, j) {
				tj := toks[j].Tag
				// A determiner after the first word starts a new phrase,
				// and so does an adjective after a noun ("the same period
				// | last year"), except after a possessive.
				if j > i && toks[j-1].Tag != "PDT" && (tj == "DT" || tj == "PDT" || tj == "PRP$") {
					break
				}
				if sawNoun && isAdj(tj) && toks[j-1].Tag != "POS" {
					break
				}
				sawNoun = isNoun(tj) || sawNoun && tj != "POS"
				j++
			}
			head := -1
			for k := j - 1; k >= i; k-- {
				if isNoun(toks[k].Tag) {
					head = k
					break
				}
			}
			if head < 0 {
				for k := j - 1; k >= i; k-- {
					if toks[k].Tag == "CD" || toks[k].Tag == "DT" && k == j-1 {
						head = k
						break
					}
				}
			}
			kind := NP
			if head < 0 {
				kind = ADJP
				allAdj := true
				for k := i; k < j; k++ {
					allAdj = allAdj && isAdj(toks[k].Tag)
				}
				if !allAdj {
					kind = NP
				}
				head = j - 1
			}
			out = append(out, Chunk{Kind: kind, Start: i, End: j, Head: head})
			i = j
		case (t == "IN" && subordinators[strings.ToLower(lw)] && !(i+1 < n && toks[i+1].Tag == "CD")) ||
			t == "WDT" || t == "WP" || t == "WRB":
			out = append(out, Chunk{Kind: SBAR, Start: i, End: i + 1, Head: i})
			i++
		case t == "IN" || t == "TO":
			out = append(out, Chunk{Kind: PP, Start: i, End: i + 1, Head: i})
			i++
		case isAdv(t):
			j := i + 1
			for j < n && isAdv(toks[j].Tag) {
				j++
			}
			kind := ADVP
			if j < n && isAdj(toks[j].Tag) { // "very violent"
				for j < n && isAdj(toks[j].Tag) {
					j++
				}
				kind = ADJP
				if j < n && isNoun(toks[j].Tag) { // "very violent protesters": an NP
					for j < n && npPart(toks, j) && toks[j].Tag != "DT" {
						j++
					}
					kind = NP
				}
			}
			head := j - 1
			if kind == NP {
				for k := j - 1; k >= i; k-- {
					if isNoun(toks[k].Tag) {
						head = k
						break
					}
				}
			}
			out = append(out, Chunk{Kind: kind, Start: i, End: j, Head: head})
			i = j
		default:
			out = append(out, Chunk{Kind: O, Start: i, End: i + 1, Head: i})
			i++
		}
	}
	return out
}
