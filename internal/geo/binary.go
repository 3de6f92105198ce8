package geo

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// The embedded gazetteer (gazetteer.bin) is the Gazetteer built from the
// text sources (places.tsv.gz, countries.tsv, supplement.tsv) by
// BuildFromSources and written by MarshalBinary; scripts/gazetteer/pack
// regenerates it and TestBinaryUpToDate checks it. Its layout, all
// integers little-endian:
//
//	magic
//	u32 len, gob of binMeta             countries, codes, features, admin-1 names, abbreviations
//	u32 n                               places
//	u32 × (n+1)                         name offsets into the name blob
//	u32 len, name blob
//	n × placeRecLen                     lat f32, lon f32, id i32, pop u32, admin1 i32, country u16, feature u16, level u8, seat u8
//	u32 k                               index keys
//	u32 len, key blob                   folded names, sorted
//	u32 × (k+1), u32 × (k+1)            key offsets, id offsets
//	u32 m, i32 × m                      place indexes per key, best first
//
// Loading reads the numbers in place and takes strings as substrings of
// the embedded data, so it costs no parsing, sorting or hashing.
const binMagic = "sitrep gazetteer 1\n"

const placeRecLen = 26

// binMeta is the small part of a Gazetteer, gob-encoded. Maps are stored
// as sorted pairs so the encoding is deterministic.
type binMeta struct {
	Codes, Features, Admin1s  []string
	Abbr, Qual                []binPair
	Countries                 []Country
	ByCode, ByName, ByDemonym []binPair
	CountryPl                 []int32
}

type binPair struct {
	K string
	V int32
}

func pairs[V int | int32](m map[string]V) []binPair {
	out := make([]binPair, 0, len(m))
	for k, v := range m {
		out = append(out, binPair{k, int32(v)})
	}
	slices.SortFunc(out, func(a, b binPair) int { return cmp.Compare(a.K, b.K) })
	return out
}

// MarshalBinary encodes g in the embedded format.
func (g *Gazetteer) MarshalBinary() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(binMagic)
	var meta bytes.Buffer
	err := gob.NewEncoder(&meta).Encode(binMeta{Codes: g.codes, Features: g.features, Admin1s: g.admin1s,
		Abbr: pairs(g.abbr), Qual: pairs(g.qual), Countries: g.countries, ByCode: pairs(g.byCode), ByName: pairs(g.byName),
		ByDemonym: pairs(g.byDemonym), CountryPl: g.countryPl})
	if err != nil {
		return nil, fmt.Errorf("geo: encode gazetteer: %w", err)
	}
	le := binary.LittleEndian
	u32 := func(v int) { b.Write(le.AppendUint32(nil, uint32(v))) }
	u32(meta.Len())
	b.Write(meta.Bytes())
	u32(len(g.places))
	var names strings.Builder
	u32(0)
	for i := range g.places {
		names.WriteString(g.places[i].name)
		u32(names.Len())
	}
	u32(names.Len())
	b.WriteString(names.String())
	rec := make([]byte, 0, placeRecLen)
	for i := range g.places {
		p := &g.places[i]
		seat := uint8(0)
		if p.isSeat {
			seat = 1
		}
		rec = le.AppendUint32(rec[:0], math.Float32bits(p.lat))
		rec = le.AppendUint32(rec, math.Float32bits(p.lon))
		rec = le.AppendUint32(rec, uint32(p.id))
		rec = le.AppendUint32(rec, p.pop)
		rec = le.AppendUint32(rec, uint32(p.admin1))
		rec = le.AppendUint16(rec, p.country)
		rec = le.AppendUint16(rec, p.feature)
		rec = append(rec, p.level, seat)
		b.Write(rec)
	}
	x := &g.index
	u32(x.n)
	u32(len(x.keys))
	b.WriteString(x.keys)
	b.WriteString(x.koff)
	b.WriteString(x.idoff)
	u32(len(x.ids))
	for _, id := range x.ids {
		u32(int(id))
	}
	return b.Bytes(), nil
}

// binReader reads the embedded format with bounds checks.
type binReader struct {
	s   string
	off int
	err error
}

var errShort = errors.New("truncated")

func (r *binReader) take(n int) string {
	if r.err != nil || n < 0 || n > len(r.s)-r.off {
		r.err = errShort
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}

func (r *binReader) u32() int {
	s := r.take(4)
	if s == "" {
		return 0
	}
	return int(u32(s, 0))
}

// unmarshal decodes a Gazetteer from data in the embedded format. Strings
// of the result share data's memory.
func unmarshal(data string) (*Gazetteer, error) {
	if !strings.HasPrefix(data, binMagic) {
		return nil, errors.New("geo: gazetteer: bad magic")
	}
	r := &binReader{s: data, off: len(binMagic)}
	var meta binMeta
	if err := gob.NewDecoder(strings.NewReader(r.take(r.u32()))).Decode(&meta); err != nil {
		return nil, fmt.Errorf("geo: gazetteer: %w", err)
	}
	g := &Gazetteer{codes: meta.Codes, features: meta.Features, admin1s: meta.Admin1s, countries: meta.Countries,
		countryPl: meta.CountryPl, abbr: make(map[string]int32, len(meta.Abbr)),
		qual: make(map[string]int32, len(meta.Qual)), byCode: map[string]int{},
		byName: map[string]int{}, byDemonym: map[string]int{}}
	for _, p := range meta.Abbr {
		g.abbr[p.K] = p.V
	}
	for _, p := range meta.Qual {
		g.qual[p.K] = p.V
	}
	for _, m := range []struct {
		dst map[string]int
		src []binPair
	}{{g.byCode, meta.ByCode}, {g.byName, meta.ByName}, {g.byDemonym, meta.ByDemonym}} {
		for _, p := range m.src {
			m.dst[p.K] = int(p.V)
		}
	}
	n := r.u32()
	if n > len(data)/placeRecLen {
		return nil, errors.New("geo: gazetteer: bad place count")
	}
	noff := r.take(4 * (n + 1))
	names := r.take(r.u32())
	recs := r.take(n * placeRecLen)
	if r.err != nil {
		return nil, fmt.Errorf("geo: gazetteer places: %w", r.err)
	}
	g.places = make([]place, n)
	for i := range g.places {
		a, b := int(u32(noff, i)), int(u32(noff, i+1))
		if a > b || b > len(names) {
			return nil, fmt.Errorf("geo: gazetteer place %d: bad name offset", i)
		}
		rec := recs[i*placeRecLen : (i+1)*placeRecLen]
		g.places[i] = place{name: names[a:b], lat: math.Float32frombits(u32(rec, 0)), lon: math.Float32frombits(u32(rec, 1)),
			id: int32(u32(rec, 2)), pop: u32(rec, 3), admin1: int32(u32(rec, 4)),
			country: uint16(rec[20]) | uint16(rec[21])<<8, feature: uint16(rec[22]) | uint16(rec[23])<<8,
			level: rec[24], isSeat: rec[25] == 1}
		if p := &g.places[i]; int(p.country) >= len(g.codes) || int(p.feature) >= len(g.features) ||
			int(p.level) >= len(levelNames) || p.admin1 >= int32(len(g.admin1s)) {
			return nil, fmt.Errorf("geo: gazetteer place %d: bad record", i)
		}
	}
	x := &g.index
	x.n = r.u32()
	if x.n > len(data)/4 {
		return nil, errors.New("geo: gazetteer: bad key count")
	}
	x.keys = r.take(r.u32())
	x.koff = r.take(4 * (x.n + 1))
	x.idoff = r.take(4 * (x.n + 1))
	m := r.u32()
	ids := r.take(4 * m)
	if r.err != nil {
		return nil, fmt.Errorf("geo: gazetteer index: %w", r.err)
	}
	x.ids = make([]int32, m)
	for i := range x.ids {
		x.ids[i] = int32(u32(ids, i))
		if x.ids[i] < 0 || int(x.ids[i]) >= n {
			return nil, fmt.Errorf("geo: gazetteer index: bad place %d", x.ids[i])
		}
	}
	for i := 0; i < x.n; i++ {
		if u32(x.koff, i) > u32(x.koff, i+1) || int(u32(x.koff, i+1)) > len(x.keys) ||
			u32(x.idoff, i) > u32(x.idoff, i+1) || int(u32(x.idoff, i+1)) > m {
			return nil, fmt.Errorf("geo: gazetteer index: bad offsets at key %d", i)
		}
	}
	x.hashKeys()
	for _, ci := range g.countryPl {
		if ci < 0 || int(ci) >= n {
			return nil, errors.New("geo: gazetteer: bad country place")
		}
	}
	for _, m := range []map[string]int32{g.abbr, g.qual} {
		for _, pi := range m {
			if pi < 0 || int(pi) >= n {
				return nil, errors.New("geo: gazetteer: bad abbreviation place")
			}
		}
	}
	return g, nil
}
