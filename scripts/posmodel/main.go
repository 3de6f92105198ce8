// Command posmodel generates the shipped data of package internal/text:
//
//   - internal/text/posmodel.bin: the averaged-perceptron part-of-speech
//     model, converted from the model embedded in github.com/jdkato/prose/v2
//     v2.0.0 (MIT licence, © 2017-2020 Joseph Kato), itself a port of
//     Matthew Honnibal's "A good part-of-speech tagger in about 200 lines of
//     Python" and TextBlob's textblob-aptagger (MIT licence, © 2013 Matthew
//     Honnibal), trained on the Penn Treebank Wall Street Journal sections.
//   - internal/text/lemmas.txt.gz: English lemma lists ("base<TAB>form..."
//     per line) from github.com/aaaton/golem/v4/dicts/en v1.0.1 (code MIT),
//     whose data is michmech/lemmatization-lists, licensed under the Open
//     Database License (ODbL) 1.0.
//
// Run from the module root:
//
//	go run ./scripts/posmodel
//
// posmodel.bin layout (little endian):
//
//	"SRPOS\x01"
//	u32 nclasses, then per class: u8 len, bytes
//	u32 ntagdict, then per entry: u8 len, word bytes, u8 class
//	u32 nfeat, then nfeat u64 feature keys, sorted ascending: prose's
//	    feature string is parsed into its template and arguments, and the
//	    key is featKey(template, FNV-1a 64 of argument 1, of argument 2),
//	    so that the tagger hashes each word once, not once per feature.
//	nfeat+1 u32 offsets into the weight entries
//	u32 nweights, then nweights i32 entries: weight*1000 << 6 | class
//
// The prose weights are already rounded to three decimals, so the fixed-point
// weights are exact and the scores equal prose's.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/gob"
	"flag"
	"fmt"
	"hash/fnv"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/aaaton/golem/v4/dicts/en"
	"github.com/jdkato/prose/v2"
)

func main() {
	out := flag.String("out", "internal/text", "output directory")
	flag.Parse()
	if err := run(*out); err != nil {
		slog.Error("posmodel", "err", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	model, err := buildModel()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "posmodel.bin"), model, 0o644); err != nil {
		return fmt.Errorf("posmodel: write model: %w", err)
	}
	lem, err := buildLemmas()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "lemmas.txt.gz"), lem, 0o644); err != nil {
		return fmt.Errorf("posmodel: write lemmas: %w", err)
	}
	slog.Info("posmodel: wrote", "model_bytes", len(model), "lemma_bytes", len(lem))
	return nil
}

func decodeAsset(name string, v any) error {
	b, err := prose.Asset("model/AveragedPerceptron/" + name)
	if err != nil {
		return fmt.Errorf("posmodel: asset %s: %w", name, err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("posmodel: decode %s: %w", name, err)
	}
	return nil
}

func buildModel() ([]byte, error) {
	var classes []string
	var tags map[string]string
	var weights map[string]map[string]float64
	if err := decodeAsset("classes.gob", &classes); err != nil {
		return nil, err
	}
	if err := decodeAsset("tags.gob", &tags); err != nil {
		return nil, err
	}
	if err := decodeAsset("weights.gob", &weights); err != nil {
		return nil, err
	}
	if len(classes) > 64 {
		return nil, fmt.Errorf("posmodel: %d classes, at most 64 supported", len(classes))
	}
	classIdx := make(map[string]int, len(classes))
	for i, c := range classes {
		classIdx[c] = i
	}

	var buf bytes.Buffer
	buf.WriteString("SRPOS\x01")
	u32 := func(v uint32) { _ = binary.Write(&buf, binary.LittleEndian, v) }
	str := func(s string) error {
		if len(s) > 255 {
			return fmt.Errorf("posmodel: string too long: %q", s)
		}
		buf.WriteByte(byte(len(s)))
		buf.WriteString(s)
		return nil
	}
	u32(uint32(len(classes)))
	for _, c := range classes {
		if err := str(c); err != nil {
			return nil, err
		}
	}
	words := make([]string, 0, len(tags))
	for w := range tags {
		words = append(words, w)
	}
	sort.Strings(words)
	u32(uint32(len(words)))
	for _, w := range words {
		ci, ok := classIdx[tags[w]]
		if !ok {
			return nil, fmt.Errorf("posmodel: tag dict class %q unknown", tags[w])
		}
		if err := str(w); err != nil {
			return nil, err
		}
		buf.WriteByte(byte(ci))
	}

	type feat struct {
		h uint64
		w []int32
	}
	feats := make([]feat, 0, len(weights))
	seen := make(map[uint64]string, len(weights))
	for name, cw := range weights {
		k, err := keyOf(name)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[k]; dup {
			return nil, fmt.Errorf("posmodel: hash collision %q %q", prev, name)
		}
		seen[k] = name
		labels := make([]string, 0, len(cw))
		for l := range cw {
			labels = append(labels, l)
		}
		slices.SortFunc(labels, func(a, b string) int { return classIdx[a] - classIdx[b] })
		var ws []int32
		for _, l := range labels {
			ci, ok := classIdx[l]
			if !ok {
				return nil, fmt.Errorf("posmodel: weight class %q unknown", l)
			}
			fixed := math.Round(cw[l] * 1000)
			if math.Abs(fixed) > 1<<24 {
				return nil, fmt.Errorf("posmodel: weight %v out of range", cw[l])
			}
			ws = append(ws, int32(fixed)<<6|int32(ci))
		}
		feats = append(feats, feat{k, ws})
	}
	slices.SortFunc(feats, func(a, b feat) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	u32(uint32(len(feats)))
	for _, f := range feats {
		_ = binary.Write(&buf, binary.LittleEndian, f.h)
	}
	off := uint32(0)
	u32(off)
	for _, f := range feats {
		off += uint32(len(f.w))
		u32(off)
	}
	u32(off)
	for _, f := range feats {
		for _, w := range f.w {
			_ = binary.Write(&buf, binary.LittleEndian, w)
		}
	}
	return buf.Bytes(), nil
}

// templates are prose's feature names, with their separating space; the
// order defines the template ids and must match internal/text.
var templates = []string{
	"i suffix ", "i pref1 ", "i-1 tag ", "i-2 tag ", "i tag+i-2 tag ", "i word ", "i-1 tag+i word ",
	"i-1 word ", "i-1 suffix ", "i-2 word ", "i+1 word ", "i+1 suffix ", "i+2 word ",
}

// Template ids with two arguments (a tag, then a tag or word).
const (
	tplTag12    = 4
	tplTag1Word = 6
	tplBias     = 13
)

func fnv64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// featKey must be identical to the function of the same name in
// internal/text.
func featKey(t int, a, b uint64) uint64 {
	h := (a ^ uint64(t+1)*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
	h ^= b
	h *= 0x94D049BB133111EB
	return h ^ h>>31
}

func keyOf(name string) (uint64, error) {
	if name == "bias" {
		return featKey(tplBias, 0, 0), nil
	}
	best := -1
	for i, t := range templates {
		if strings.HasPrefix(name, t) && (best < 0 || len(t) > len(templates[best])) {
			best = i
		}
	}
	if best < 0 {
		return 0, fmt.Errorf("posmodel: unknown feature %q", name)
	}
	arg := name[len(templates[best]):]
	if best == tplTag12 || best == tplTag1Word {
		tag, rest, ok := strings.Cut(arg, " ")
		if !ok {
			return 0, fmt.Errorf("posmodel: feature %q lacks a second argument", name)
		}
		return featKey(best, fnv64(tag), fnv64(rest)), nil
	}
	return featKey(best, fnv64(arg), 0), nil
}

func buildLemmas() ([]byte, error) {
	data, err := en.New().GetResource()
	if err != nil {
		return nil, fmt.Errorf("posmodel: golem en resource: %w", err)
	}
	lines := strings.Split(string(data), "\n")
	kept := lines[:0]
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if strings.Count(l, "\t") >= 1 {
			kept = append(kept, l)
		}
	}
	sort.Strings(kept)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("posmodel: gzip: %w", err)
	}
	for _, l := range kept {
		zw.Write([]byte(l))
		zw.Write([]byte{'\n'})
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("posmodel: gzip: %w", err)
	}
	return buf.Bytes(), nil
}
