package geo

import (
	"encoding/binary"
	"slices"
)

// nameIndex maps folded names to place indexes. Keys are sorted and found
// by binary search; the tables are little-endian uint32 arrays read in
// place from the embedded gazetteer, so loading costs no parsing; only
// the id table is copied into an []int32.
type nameIndex struct {
	keys  string  // the keys, concatenated in sorted order
	koff  string  // uint32 × (n+1): key i is keys[koff[i]:koff[i+1]]
	idoff string  // uint32 × (n+1): key i's places are ids[idoff[i]:idoff[i+1]]
	ids   []int32 // place indexes, copied out at load so lookups need no allocation
	n     int
}

func u32(s string, i int) uint32 {
	s = s[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func (x *nameIndex) key(i int) string { return x.keys[u32(x.koff, i):u32(x.koff, i+1)] }

// search returns the position of k, or -1.
func (x *nameIndex) search(k string) int {
	lo, hi := 0, x.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.key(m) < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < x.n && x.key(lo) == k {
		return lo
	}
	return -1
}

// searchBytes is search for a key held in a byte slice, without
// converting it to a string.
func (x *nameIndex) searchBytes(k []byte) int {
	lo, hi := 0, x.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.key(m) < string(k) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < x.n && x.key(lo) == string(k) {
		return lo
	}
	return -1
}

func (x *nameIndex) at(i int) []int32 {
	if i < 0 {
		return nil
	}
	return x.ids[u32(x.idoff, i):u32(x.idoff, i+1):u32(x.idoff, i+1)]
}

// makeIndex lays out m as a nameIndex.
func makeIndex(m map[string][]int32) nameIndex {
	keys := make([]string, 0, len(m))
	size, nids := 0, 0
	for k, ids := range m {
		keys = append(keys, k)
		size += len(k)
		nids += len(ids)
	}
	slices.Sort(keys)
	kb := make([]byte, 0, size)
	koff := make([]byte, 0, 4*(len(keys)+1))
	idoff := make([]byte, 0, 4*(len(keys)+1))
	ids := make([]int32, 0, nids)
	koff = binary.LittleEndian.AppendUint32(koff, 0)
	idoff = binary.LittleEndian.AppendUint32(idoff, 0)
	for _, k := range keys {
		kb = append(kb, k...)
		koff = binary.LittleEndian.AppendUint32(koff, uint32(len(kb)))
		ids = append(ids, m[k]...)
		idoff = binary.LittleEndian.AppendUint32(idoff, uint32(len(ids)))
	}
	return nameIndex{keys: string(kb), koff: string(koff), idoff: string(idoff), ids: ids, n: len(keys)}
}

// ids returns the places named key (a folded name), best first.
func (g *Gazetteer) ids(key string) []int32 { return g.index.at(g.index.search(key)) }

// idsBytes is ids for a key in a byte slice.
func (g *Gazetteer) idsBytes(key []byte) []int32 { return g.index.at(g.index.searchBytes(key)) }

// has reports whether some place is named key.
func (g *Gazetteer) has(key string) bool { return g.index.search(key) >= 0 }
