package geo

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/learn"
)

// gazetteerBin is the gazetteer built from places.tsv.gz, countries.tsv
// and supplement.tsv by scripts/gazetteer/pack (see binary.go).
//
//go:embed gazetteer.bin
var gazetteerBin string

// Levels of an Entry.
const (
	LevelCountry = "country"
	LevelRegion  = "region"
	LevelAdmin1  = "admin1"
	LevelAdmin2  = "admin2"
	LevelCity    = "city"
)

// Entry is one gazetteer record.
type Entry struct {
	GeonameID int
	Name      string
	Lat, Lon  float64
	// Country is the ISO 3166-1 alpha-2 code ("" for regions).
	Country string
	// Admin1 is the name of the first-level division ("Texas"), or "".
	Admin1 string
	// Feature is the GeoNames feature class and code, e.g. "P.PPLC", "A.PCLI".
	Feature    string
	Population int
	// Level is "country", "region", "admin1", "admin2" or "city".
	Level string
}

// Country is a sovereign state or dependency.
type Country struct {
	ISO2, ISO3, Name string
	// Names are the name and its alternates ("United States", "U.S.", "America").
	Names []string
	// Demonyms are adjectives and nouns of nationality ("Iraqi", "Iraqis").
	Demonyms []string
	Capital  string
	Lat, Lon float64
}

// place is the compact in-memory record behind an Entry.
type place struct {
	name     string
	lat, lon float32
	id       int32
	pop      uint32
	country  uint16 // index into Gazetteer.codes
	admin1   int32  // index into Gazetteer.admin1s, -1 for none
	feature  uint16 // index into Gazetteer.features
	level    uint8
	isSeat   bool // a PPLA/PPLC city named like its own admin1 ("Baghdad")
}

var levelNames = [...]string{LevelCountry, LevelRegion, LevelAdmin1, LevelAdmin2, LevelCity}

const (
	lvCountry uint8 = iota
	lvRegion
	lvAdmin1
	lvAdmin2
	lvCity
)

// Gazetteer is the place-name index. It is immutable after Load and safe for
// concurrent use.
type Gazetteer struct {
	places    []place
	codes     []string // country codes; index 0 is ""
	features  []string
	admin1s   []string           // admin-1 names
	index     nameIndex          // folded name -> places, best first
	names     map[string][]int32 // index under construction (build only)
	abbr      map[string]int32   // exact abbreviations ("Calif.") -> place
	qual      map[string]int32   // exact abbreviations only as qualifiers ("TX", "B.C.") -> place
	countries []Country
	byCode    map[string]int // ISO2/ISO3 -> countries index
	byName    map[string]int // folded name -> countries index
	byDemonym map[string]int // folded demonym -> countries index
	countryPl []int32        // countries index -> place index
	ranker    *learn.Model   // the toponym ranker, or nil
}

// Load returns the embedded gazetteer with the embedded toponym ranker
// (rank.go), which NewParser uses. It reads the prebuilt tables in place
// (see binary.go and BenchmarkLoad for its cost); load it once and share
// it.
func Load() (*Gazetteer, error) {
	g, err := unmarshal(gazetteerBin)
	if err != nil {
		return nil, err
	}
	if g.ranker, err = loadRanker(); err != nil {
		return nil, err
	}
	return g, nil
}

// LoadGazetteer returns the embedded gazetteer without the ranker: its
// parsers give each toponym its likeliest entry. scripts/train-geo uses
// it to train the ranker, so that a stale ranker file does not stop its
// own retraining.
func LoadGazetteer() (*Gazetteer, error) { return unmarshal(gazetteerBin) }

// BuildFromSources builds the gazetteer from its text sources: the
// gzipped places table, countries.tsv and supplement.tsv (see the package
// doc). scripts/gazetteer/pack runs it to write gazetteer.bin.
func BuildFromSources(placesGz []byte, countriesTSV, supplementTSV string) (*Gazetteer, error) {
	g := &Gazetteer{
		codes:     []string{""},
		names:     make(map[string][]int32, 200000),
		abbr:      map[string]int32{},
		qual:      map[string]int32{},
		byCode:    map[string]int{},
		byName:    map[string]int{},
		byDemonym: map[string]int{},
	}
	codeIdx := map[string]uint16{"": 0}
	featIdx := map[string]uint16{}
	code := func(s string) uint16 {
		if i, ok := codeIdx[s]; ok {
			return i
		}
		i := uint16(len(g.codes))
		codeIdx[s] = i
		g.codes = append(g.codes, s)
		return i
	}
	feat := func(s string) uint16 {
		if i, ok := featIdx[s]; ok {
			return i
		}
		i := uint16(len(g.features))
		featIdx[s] = i
		g.features = append(g.features, s)
		return i
	}

	if err := g.loadCountries(countriesTSV, code, feat); err != nil {
		return nil, err
	}
	supp, err := parseSupplement(supplementTSV)
	if err != nil {
		return nil, err
	}
	g.applyCountrySupplement(supp)
	g.indexCountries(supp)

	// Places. Admin-1 records come first in the file, so cities can refer
	// to their admin-1 name.
	zr, err := gzip.NewReader(bytes.NewReader(placesGz))
	if err != nil {
		return nil, fmt.Errorf("geo: open places: %w", err)
	}
	var buf bytes.Buffer
	buf.Grow(10 << 20) // the data unpacks to about 9 MB
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("geo: read places: %w", err)
	}
	text := buf.String()
	g.places = slices.Grow(g.places, 175000)
	admin1Idx := map[string]int32{} // "US.TX" -> admin1s index
	admin1Pl := map[string]int32{}  // "US.TX" -> place index
	countryPop := make([]uint64, len(g.countries))
	line := 0
	for len(text) > 0 {
		line++
		var l string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			l, text = text, ""
		}
		if l == "" || l[0] == '#' {
			continue
		}
		var f [10]string
		n := 0
		for n < 9 {
			i := strings.IndexByte(l, '\t')
			if i < 0 {
				break
			}
			f[n], l = l[:i], l[i+1:]
			n++
		}
		f[n] = l
		if n != 9 {
			return nil, fmt.Errorf("geo: places line %d: %d fields, want 10", line, n+1)
		}
		id, err1 := strconv.Atoi(f[0])
		pop, err2 := strconv.ParseUint(f[5], 10, 64)
		lat, err3 := strconv.ParseFloat(f[6], 32)
		lon, err4 := strconv.ParseFloat(f[7], 32)
		if err := firstErr(err1, err2, err3, err4); err != nil {
			return nil, fmt.Errorf("geo: places line %d: %w", line, err)
		}
		p := place{name: f[8], lat: float32(lat), lon: float32(lon), id: int32(id),
			pop: uint32(min(pop, math.MaxUint32)), country: code(f[2]), admin1: -1, feature: feat(f[1])}
		a1key := f[2] + "." + f[3]
		switch f[1] {
		case "A.ADM1":
			p.level = lvAdmin1
			admin1Idx[a1key] = int32(len(g.admin1s))
			admin1Pl[a1key] = int32(len(g.places))
			g.admin1s = append(g.admin1s, f[8])
			if ci, ok := g.byCode[f[2]]; ok {
				countryPop[ci] += pop
			}
		case "A.ADM2":
			p.level = lvAdmin2
		default:
			p.level = lvCity
		}
		if a, ok := admin1Idx[a1key]; ok {
			p.admin1 = a
			if p.level == lvCity && (f[1] == "P.PPLA" || f[1] == "P.PPLC") && g.admin1s[a] == f[8] {
				p.isSeat = true
			}
		}
		g.places = append(g.places, p)
		g.addName(f[8], int32(len(g.places)-1))
		if f[9] != "" {
			for _, alt := range strings.Split(f[9], ";") {
				g.addName(alt, int32(len(g.places)-1))
			}
		}
	}
	for ci := range g.countries {
		g.places[g.countryPl[ci]].pop = uint32(min(countryPop[ci], math.MaxUint32))
	}
	if err := g.applyPlaceSupplement(supp, admin1Pl, code, feat); err != nil {
		return nil, err
	}
	for k, ids := range g.names {
		g.sortIDs(ids)
		g.names[k] = slices.Compact(ids)
	}
	g.index = makeIndex(g.names)
	g.names = nil
	return g, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// arabicArticles are the romanised Arabic articles GeoNames writes before
// many names ("Al Fallūjah"); news usually drops them ("Fallujah").
var arabicArticles = []string{"al ", "as ", "ar ", "ad ", "an ", "ash ", "az ", "at ", "el "}

// joinedParticles open names that news often writes as one word with the
// next ("De Soto" as "DeSoto", "La Salle" as "LaSalle", "Du Page" as
// "DuPage").
var joinedParticles = []string{"de ", "la ", "le ", "du ", "van ", "di ", "da ", "del "}

func (g *Gazetteer) addName(name string, id int32) {
	k := Fold(name)
	if k == "" {
		return
	}
	g.names[k] = append(g.names[k], id)
	// "De Soto Parish" is written "DeSoto Parish" in the news: the
	// particle joined to the name.
	for _, a := range joinedParticles {
		if strings.HasPrefix(k, a) && len(k) > len(a)+3 {
			j := k[:len(a)-1] + k[len(a):]
			g.names[j] = append(g.names[j], id)
			break
		}
	}
	for _, a := range arabicArticles {
		if strings.HasPrefix(k, a) && len(k) > len(a)+3 {
			g.names[k[len(a):]] = append(g.names[k[len(a):]], id)
			break
		}
	}
}

// rank orders places of the same name: countries, then regions, then by
// population, a seat city before its own same-named admin-1.
func (g *Gazetteer) rank(i int32) (int, float64) {
	p := &g.places[i]
	switch p.level {
	case lvCountry:
		return 0, float64(p.pop)
	case lvRegion:
		return 1, 0
	}
	if g.features[p.feature] == "P.PPLC" {
		// "Washington" in the news is the capital before the state.
		return 2, float64(p.pop)
	}
	pop := float64(p.pop)
	if p.isSeat {
		pop *= 4 // outrank the admin-1 whose population includes it
	}
	return 3, pop
}

func (g *Gazetteer) sortIDs(ids []int32) {
	slices.SortStableFunc(ids, func(a, b int32) int {
		ra, pa := g.rank(a)
		rb, pb := g.rank(b)
		if ra != rb {
			return ra - rb
		}
		switch {
		case pa > pb:
			return -1
		case pa < pb:
			return 1
		}
		return int(a - b)
	})
}

func (g *Gazetteer) loadCountries(countriesTSV string, code, feat func(string) uint16) error {
	pcli := feat("A.PCLI")
	for n, l := range strings.Split(countriesTSV, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 8 {
			return fmt.Errorf("geo: countries line %d: %d fields, want 10", n+1, len(f))
		}
		lat, err1 := strconv.ParseFloat(f[6], 64)
		lon, err2 := strconv.ParseFloat(f[7], 64)
		if err := firstErr(err1, err2); err != nil {
			return fmt.Errorf("geo: countries line %d: %w", n+1, err)
		}
		if _, dup := g.byCode[f[0]]; dup {
			continue
		}
		c := Country{ISO2: f[0], ISO3: f[1], Name: f[2], Capital: f[5], Lat: lat, Lon: lon}
		for _, s := range strings.Split(f[3], ";") {
			// Two-letter codes ("IN", "IT") collide with words; the
			// supplement adds back the ones news uses ("US", "UK").
			if len(s) > 2 {
				c.Names = append(c.Names, s)
			}
		}
		if f[4] != "" {
			c.Demonyms = strings.Split(f[4], ";")
		}
		ci := len(g.countries)
		g.countries = append(g.countries, c)
		g.byCode[c.ISO2] = ci
		g.byCode[c.ISO3] = ci
		g.places = append(g.places, place{name: c.Name, lat: float32(lat), lon: float32(lon),
			country: code(c.ISO2), admin1: -1, feature: pcli, level: lvCountry})
		g.countryPl = append(g.countryPl, int32(len(g.places)-1))
	}
	return nil
}

type suppLine struct {
	kind, key string
	names     []string
	extra     []string
	lat, lon  float64
	hasLL     bool
}

func parseSupplement(s string) ([]suppLine, error) {
	var out []suppLine
	for n, l := range strings.Split(s, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("geo: supplement line %d: too few fields", n+1)
		}
		sl := suppLine{kind: f[0], key: f[1]}
		split := func(s string) []string {
			if s == "" {
				return nil
			}
			return strings.Split(s, ";")
		}
		sl.names = split(f[2])
		llAt := 4
		if sl.kind == "region" {
			llAt = 3
		} else if len(f) > 3 {
			sl.extra = split(f[3])
		}
		if len(f) >= llAt+2 {
			lat, err1 := strconv.ParseFloat(f[llAt], 64)
			lon, err2 := strconv.ParseFloat(f[llAt+1], 64)
			if err := firstErr(err1, err2); err != nil {
				return nil, fmt.Errorf("geo: supplement line %d: %w", n+1, err)
			}
			sl.lat, sl.lon, sl.hasLL = lat, lon, true
		}
		out = append(out, sl)
	}
	return out, nil
}

func (g *Gazetteer) applyCountrySupplement(supp []suppLine) {
	for _, s := range supp {
		if s.kind != "country" {
			continue
		}
		ci, ok := g.byCode[s.key]
		if !ok {
			continue
		}
		c := &g.countries[ci]
		c.Names = appendNew(c.Names, s.names...)
		c.Demonyms = appendNew(c.Demonyms, s.extra...)
		if s.hasLL {
			c.Lat, c.Lon = s.lat, s.lon
			p := &g.places[g.countryPl[ci]]
			p.lat, p.lon = float32(s.lat), float32(s.lon)
		}
	}
}

// indexCountries fills the name and demonym indexes. Where several
// countries share a word ("American": US, American Samoa, ...), the
// supplement's assignment wins, then the country listed with the word first
// in the supplement order, then the first in code order among those whose
// name does not already contain a qualifier.
func (g *Gazetteer) indexCountries(supp []suppLine) {
	claim := func(m map[string]int, k string, ci int) {
		if _, taken := m[k]; !taken {
			m[k] = ci
		}
	}
	for _, s := range supp {
		if s.kind != "country" {
			continue
		}
		ci, ok := g.byCode[s.key]
		if !ok {
			continue
		}
		for _, d := range s.extra {
			claim(g.byDemonym, Fold(d), ci)
		}
		for _, n := range s.names {
			claim(g.byName, Fold(n), ci)
		}
	}
	for ci := range g.countries {
		c := &g.countries[ci]
		dem := map[string]bool{}
		for _, d := range c.Demonyms {
			k := Fold(d)
			dem[k] = true
			claim(g.byDemonym, k, ci)
		}
		for k := range dem {
			// Plural nouns: "Iraqis", "Americans"; not "Swiss", "British".
			if !strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "sh") && !strings.HasSuffix(k, "ch") &&
				!strings.HasSuffix(k, "ese") && !strings.Contains(k, " ") {
				claim(g.byDemonym, k+"s", g.byDemonym[k])
			}
		}
		var names []string
		for _, n := range c.Names {
			k := Fold(n)
			// Names that double as demonyms ("Saudi") are adjectives in news.
			if dem[k] && k != "us" && k != "uk" {
				continue
			}
			names = append(names, n)
			claim(g.byName, k, ci)
			if g.byName[k] == ci {
				g.addName(n, g.countryPl[ci])
			}
		}
		c.Names = names
	}
}

func (g *Gazetteer) applyPlaceSupplement(supp []suppLine, admin1Pl map[string]int32, code, feat func(string) uint16) error {
	var byID map[int32]int32
	for _, s := range supp {
		switch s.kind {
		case "admin1", "qualifier":
			pi, ok := admin1Pl[s.key]
			if !ok {
				continue
			}
			dst := g.abbr
			if s.kind == "qualifier" {
				dst = g.qual
			}
			for _, n := range s.names {
				// Only as written: folded, "Ill." would match "I'll".
				dst[n] = pi
			}
		case "place":
			if byID == nil {
				byID = make(map[int32]int32, len(g.places))
				for i := range g.places {
					if id := g.places[i].id; id != 0 {
						byID[id] = int32(i)
					}
				}
			}
			id, err := strconv.Atoi(s.key)
			if err != nil {
				return fmt.Errorf("geo: supplement place %q: %w", s.key, err)
			}
			if pi, ok := byID[int32(id)]; ok {
				for _, n := range s.names {
					g.addName(n, pi)
				}
			}
		case "region":
			if len(s.names) == 0 || !s.hasLL {
				return fmt.Errorf("geo: supplement region %q: needs a name and lat/lon", s.key)
			}
			g.places = append(g.places, place{name: s.names[0], lat: float32(s.lat), lon: float32(s.lon),
				country: code(""), admin1: -1, feature: feat(s.key), level: lvRegion})
			for _, n := range s.names {
				g.addName(n, int32(len(g.places)-1))
			}
		}
	}
	return nil
}

func appendNew(dst []string, add ...string) []string {
	for _, a := range add {
		if a != "" && !slices.Contains(dst, a) {
			dst = append(dst, a)
		}
	}
	return dst
}

func (g *Gazetteer) entry(i int32) Entry {
	p := &g.places[i]
	e := Entry{GeonameID: int(p.id), Name: p.name, Lat: round4(p.lat), Lon: round4(p.lon),
		Country: g.codes[p.country], Feature: g.features[p.feature], Population: int(p.pop),
		Level: levelNames[p.level]}
	if p.admin1 >= 0 {
		e.Admin1 = g.admin1s[p.admin1]
	}
	return e
}

// round4 undoes float32 noise: the data has four decimals.
func round4(f float32) float64 { return math.Round(float64(f)*1e4) / 1e4 }

// Lookup returns the places whose name or alternate name matches name,
// ignoring case, diacritics and punctuation ("Sanaa", "Ṣan‘ā’"), best
// candidates first: countries, then regions, then by population.
func (g *Gazetteer) Lookup(name string) []Entry {
	ids := g.ids(Fold(name))
	if pi, ok := g.abbr[name]; ok {
		ids = []int32{pi}
	}
	out := make([]Entry, len(ids))
	for i, id := range ids {
		out[i] = g.entry(id)
	}
	return out
}

// Names reports whether name is the name of a country, as CountryByName
// finds it, and else whether Lookup finds a place of a level other than
// those listed in except; it builds no entries.
func (g *Gazetteer) Names(name string, except ...string) (country, place bool) {
	var buf [64]byte
	k := fold(buf[:0], name)
	if _, ok := g.byName[string(bytes.TrimPrefix(k, []byte("the ")))]; ok {
		return true, true
	}
	if pi, ok := g.abbr[name]; ok {
		return false, !slices.Contains(except, levelNames[g.places[pi].level])
	}
	for _, id := range g.idsBytes(k) {
		if !slices.Contains(except, levelNames[g.places[id].level]) {
			return false, true
		}
	}
	return false, false
}

// Len returns the number of places in the gazetteer.
func (g *Gazetteer) Len() int { return len(g.places) }

// Country returns the country with ISO 3166-1 alpha-2 or alpha-3 code.
func (g *Gazetteer) Country(code string) (Country, bool) {
	ci, ok := g.byCode[strings.ToUpper(code)]
	if !ok {
		return Country{}, false
	}
	return g.countries[ci], true
}

// CountryByName returns the country named name ("Iraq", "the United
// States", "U.S.", "America", "Britain"), ignoring case and a leading "the".
func (g *Gazetteer) CountryByName(name string) (Country, bool) {
	var buf [64]byte // (the folded name, on the stack: asked for most capitalised words)
	ci, ok := g.byName[string(bytes.TrimPrefix(fold(buf[:0], name), []byte("the ")))]
	if !ok {
		return Country{}, false
	}
	return g.countries[ci], true
}

// CountryByDemonym returns the country of a demonym ("Iraqi", "Iraqis",
// "American", "British", "U.S."). Only whole demonyms match; callers strip
// affixes such as "pro-".
func (g *Gazetteer) CountryByDemonym(word string) (Country, bool) {
	var buf [64]byte
	ci, ok := g.byDemonym[string(fold(buf[:0], word))]
	if !ok {
		return Country{}, false
	}
	return g.countries[ci], true
}

// IsDemonym reports whether word is a demonym ("Russian", "Iraqis") and
// not also a place name.
func (g *Gazetteer) IsDemonym(word string) bool {
	k := Fold(word)
	if _, ok := g.byDemonym[k]; !ok {
		return false
	}
	return !g.has(k)
}
