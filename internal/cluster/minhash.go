package cluster

// Near-duplicate articles by MinHash over word 3-shingles, with LSH bands
// to find candidates without comparing every pair.
//
// Why written here: the Go libraries served to this project for it are
// github.com/mfonda/simhash (unmaintained since 2015; SimHash's Hamming
// distance also estimates cosine over features rather than the shingle
// overlap that "copy" and "rewrite" are defined by) and none for MinHash;
// MinHash with banding is forty lines.
//
// Each article's text becomes the set of its 3-word shingles (lower-cased
// words, punctuation dropped). For each of sigSize seeded hash functions
// the signature keeps the smallest hash over the set; the share of equal
// signature entries of two articles estimates the Jaccard similarity of
// their shingle sets (standard error ≤ 0.045 at sigSize 128). Banding
// (bands × rows = sigSize) puts two articles in one bucket when all rows
// of one band agree, which happens with probability 1-(1-J^rows)^bands:
// above 0.5 for J ≥ 0.42 and above 0.99 for J ≥ 0.7.

import (
	"encoding/binary"
	"hash/fnv"
	"slices"
)

const (
	sigSize = 128
	bands   = 32
	rows    = sigSize / bands
	// minShingles: shorter texts are never duplicates (too little text
	// to tell a copy from a shared phrase).
	minShingles = 12
)

type signature [sigSize]uint32

// mix is splitmix64's finaliser: a fast, well-spread 64-bit permutation.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// minhash returns the signature of text and its number of shingles.
func minhash(text string) (signature, int) {
	var sig signature
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	var w0, w1 uint64 // the two previous words
	n, seen := 0, 0
	words(text, func(w []byte) {
		h := hashWord(w)
		seen++
		if seen >= 3 {
			sh := mix(w0*31+w1*17+h) | 1
			for i := 0; i < sigSize; i += 2 {
				// hashes i and i+1 of the shingle: the two halves of one
				// mix of the shingle and i's seed (half the mixing of
				// one hash per mix, the same spread).
				x := mix(sh ^ (uint64(i+1) * 0x9e3779b97f4a7c15))
				if v := uint32(x >> 32); v < sig[i] {
					sig[i] = v
				}
				if v := uint32(x); v < sig[i+1] {
					sig[i+1] = v
				}
			}
			n++
		}
		w0, w1 = w1, h
	})
	return sig, n
}

// similarity estimates the Jaccard similarity of two signatures.
func (s *signature) similarity(o *signature) float64 {
	eq := 0
	for i := range s {
		if s[i] == o[i] {
			eq++
		}
	}
	return float64(eq) / sigSize
}

// bandKeys returns one bucket key per band.
func (s *signature) bandKeys() [bands]uint64 {
	var keys [bands]uint64
	var buf [4 * rows]byte
	for b := range keys {
		for r := 0; r < rows; r++ {
			binary.LittleEndian.PutUint32(buf[4*r:], s[b*rows+r])
		}
		h := fnv.New64a()
		h.Write(buf[:])
		keys[b] = h.Sum64() ^ uint64(b)<<56
	}
	return keys
}

// dupIndex finds, for each new article, the most similar earlier one.
type dupIndex struct {
	sigs    []*signature // by article index; nil once settled
	buckets map[uint64][]int32
	// maxBucket bounds the articles compared per bucket (the most recent
	// ones), so boilerplate shared by thousands of texts costs no more.
	maxBucket int
}

func newDupIndex() *dupIndex {
	return &dupIndex{buckets: map[uint64][]int32{}, maxBucket: 64}
}

// add indexes article idx (the number of earlier calls) with the given
// signature and returns the most similar earlier article and the
// similarity, or -1 when none reaches minSim.
func (d *dupIndex) add(idx int, sig signature, shingles int, minSim float64) (best int, sim float64) {
	d.sigs = append(d.sigs, &sig)
	best = -1
	if shingles < minShingles {
		return best, 0
	}
	keys := sig.bandKeys()
	seen := map[int32]bool{}
	for _, k := range keys {
		b := d.buckets[k]
		from := max(0, len(b)-d.maxBucket)
		for _, j := range b[from:] {
			if seen[j] || d.sigs[j] == nil { // seen, or settled since the last sweep
				continue
			}
			seen[j] = true
			if s := sig.similarity(d.sigs[j]); s >= minSim && s > sim {
				best, sim = int(j), s
			}
		}
		d.buckets[k] = append(b, int32(idx))
	}
	return best, sim
}

// sweep drops the bucket entries of the articles whose signatures were
// dropped (set to nil).
func (d *dupIndex) sweep() {
	for k, b := range d.buckets {
		b = slices.DeleteFunc(b, func(j int32) bool { return d.sigs[j] == nil })
		if len(b) == 0 {
			delete(d.buckets, k)
		} else {
			d.buckets[k] = b
		}
	}
}
