package geo

import (
	"encoding/binary"
	"hash/maphash"
	"slices"
)

// nameIndex maps folded names to place indexes. Keys are sorted; the
// tables are little-endian uint32 arrays read in place from the embedded
// gazetteer, so loading costs no parsing; only the id table is copied
// into an []int32.
//
// Keys are found through a hash table of their positions, made when the
// index is: a binary search over the 145,000 keys waits on a dozen or
// more dependent cache misses, a probe of the table on two or three.
type nameIndex struct {
	keys  string  // the keys, concatenated in sorted order
	koff  string  // uint32 × (n+1): key i is keys[koff[i]:koff[i+1]]
	idoff string  // uint32 × (n+1): key i's places are ids[idoff[i]:idoff[i+1]]
	ids   []int32 // place indexes, copied out at load so lookups need no allocation
	n     int

	seed  maphash.Seed
	slots []keySlot // open addressing, linear probing, a power of two in size
}

// keySlot is a slot of nameIndex's hash table: the top half of the key's
// hash, to pass over most other keys without comparing them, and the
// key's position plus one (0 = empty).
type keySlot struct{ tag, pos uint32 }

func u32(s string, i int) uint32 {
	s = s[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func (x *nameIndex) key(i int) string { return x.keys[u32(x.koff, i):u32(x.koff, i+1)] }

// hashKeys makes the hash table of the keys. A key found twice keeps its
// first position, as a binary search for the first match would.
func (x *nameIndex) hashKeys() {
	size := 16
	for size < x.n*7/4 { // at most 4/7 full
		size *= 2
	}
	x.seed = maphash.MakeSeed()
	x.slots = make([]keySlot, size)
	mask := uint64(size - 1)
keys:
	for i := range x.n {
		k := x.key(i)
		h := maphash.String(x.seed, k)
		j := h & mask
		for ; x.slots[j].pos != 0; j = (j + 1) & mask {
			if x.slots[j].tag == uint32(h>>32) && x.key(int(x.slots[j].pos-1)) == k {
				continue keys
			}
		}
		x.slots[j] = keySlot{tag: uint32(h >> 32), pos: uint32(i + 1)}
	}
}

// search returns the position of k, or -1.
func (x *nameIndex) search(k string) int {
	return x.find(maphash.String(x.seed, k), k)
}

// searchBytes is search for a key held in a byte slice, without
// converting it to a string.
func (x *nameIndex) searchBytes(k []byte) int {
	return x.find(maphash.Bytes(x.seed, k), string(k))
}

// find returns the position of k, whose hash is h, or -1.
func (x *nameIndex) find(h uint64, k string) int {
	if len(x.slots) == 0 {
		return -1
	}
	mask := uint64(len(x.slots) - 1)
	for j := h & mask; x.slots[j].pos != 0; j = (j + 1) & mask {
		if s := x.slots[j]; s.tag == uint32(h>>32) && x.key(int(s.pos-1)) == k {
			return int(s.pos - 1)
		}
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
	x := nameIndex{keys: string(kb), koff: string(koff), idoff: string(idoff), ids: ids, n: len(keys)}
	x.hashKeys()
	return x
}

// ids returns the places named key (a folded name), best first.
func (g *Gazetteer) ids(key string) []int32 { return g.index.at(g.index.search(key)) }

// idsBytes is ids for a key in a byte slice.
func (g *Gazetteer) idsBytes(key []byte) []int32 { return g.index.at(g.index.searchBytes(key)) }

// has reports whether some place is named key.
func (g *Gazetteer) has(key string) bool { return g.index.search(key) >= 0 }
