package geo

import (
	_ "embed"
	"fmt"
	"math"

	"github.com/sitrep-project/sitrep/internal/learn"
)

// The toponym ranker is a conditional logit (learn.Ranker) over each
// toponym's candidate entries, trained on LGL by scripts/train-geo. It
// scores every candidate twice: pass 1 with the article's evidence taken
// from the other toponyms' likeliest entries (their first, the
// gazetteer's best-first order), pass 2 with the readings pass 1 chose.
// Each pass has its own weights: the features of pass 2 are keyed apart.
//
// ranker.model is written by scripts/train-geo; TestShippedRanker in that
// package checks it is what the script makes.
//
//go:embed ranker.model
var rankerModel []byte

// rankerName and rankFeatures identify the model file: bump rankFeatures
// whenever a feature below changes meaning, and retrain.
const (
	rankerName   = "geo-ranker"
	rankFeatures = 1
)

// loadRanker reads the embedded ranker.
func loadRanker() (*learn.Model, error) {
	m, err := learn.Load(rankerModel, rankerName, rankFeatures)
	if err != nil {
		return nil, fmt.Errorf("geo: %w (run go run ./scripts/train-geo)", err)
	}
	return m, nil
}

// Feature templates. Each is keyed with the pass (1 or 2) in its upper
// bits, so one model file holds both passes' weights.
const (
	fLevel        uint32 = iota + 1 // level of the entry
	fFeature                        // GeoNames feature class and code (featureClass)
	fLogPop                         // log population, per level
	fRelPop                         // log population against the toponym's most populous entry
	fRank                           // position in the gazetteer's best-first order
	fSeat                           // a capital named like its admin-1 ("Baghdad")
	fExact                          // the name is the entry's own, not an alternate
	fAmbig                          // how many entries the name has, per level
	fAbbrev                         // "US", "U.S.", per level
	fCue                            // cue strength (preposition, entity type, dateline), per level
	fWords                          // words in the name, per level
	fQual                           // the qualifier of "X, Y": admin-1 match, country match, mismatch
	fDateline                       // the toponym is the dateline, per level
	fDlCountry                      // in the dateline's country
	fDlAdmin                        // in the dateline's admin-1
	fDlKm                           // distance to the dateline's place
	fDem                            // demonyms of the entry's country in the article
	fCountry                        // other toponyms read in the entry's country, per level
	fCountryShare                   // their share of the other toponyms
	fCapital                        // a capital, with other toponyms in its country
	fAdmin                          // other toponyms read in the entry's admin-1, per level
	fNearKm                         // distance to the nearest other toponym's reading
	fNear                           // other toponyms read within 161 km
	fNearAny                        // other toponyms with some likely entry within 161 km
	fAdminShare                     // the share of other toponyms read in the entry's admin-1
	fAdminAny                       // other toponyms with some likely entry in the entry's admin-1
	fProx                           // nearness to the other toponyms' likely entries, decaying to 0 at proxKm
	fCountryN                       // other toponyms read in the entry's country, in buckets
)

// proxKm is the reach of fProx.
const proxKm = 250

// rankCands bounds the entries scored per toponym: the list is sorted by
// prior, and the long tail of hamlets never wins.
const rankCands = 40

// nearTop is how many of a toponym's likeliest entries lend proximity in
// fNearAny, fAdminAny and fProx: those within a factor of 100 in
// population of its first.
const nearTop = 12

// rankCtx is the article's evidence for one pass: one reading per distinct
// toponym (its first mention's), the dateline's reading and the demonyms.
type rankCtx struct {
	pass  int
	keys  []string
	reads []int32   // reading of each key
	near  [][]int32 // likeliest entries of each key, below country level
	dl    int32     // the dateline's reading, or -1
	dem   map[uint16]int
}

// ranking holds the scratch buffers of one Parse.
type ranking struct {
	allowed []int32
	ex      []learn.Example
	scores  []float32
	buf     []byte
}

// candidates returns the entries c may be read as, best first, in r's
// buffer: at most rankCands. A country's name ("Lebanon", "US") is read
// as a country or an admin-1 area ("Georgia") unless a qualifier says
// otherwise ("Lebanon, Ohio") or, for a name that is not an abbreviation
// and whose demonym the article does not use, another place of the
// article lies in the country of one of its namesake towns (ctx, when not
// nil: "Lebanon" beside "Dayton"). This is a rule, not learned: LGL, US
// local news, names such towns far more often than news at large.
func (p *Parser) candidates(c *cand, dem map[uint16]int, ctx *rankCtx, r *ranking) []int32 {
	countryFirst := false
	if c.qual < 0 && len(c.ids) > 0 && p.g.places[c.ids[0]].level == lvCountry {
		countryFirst = c.abbrev || dem[p.g.places[c.ids[0]].country] > 0 || ctx != nil && !p.namesakeNear(c, ctx)
	}
	r.allowed = r.allowed[:0]
	for _, id := range c.ids {
		if len(r.allowed) == rankCands {
			break
		}
		if countryFirst && p.g.places[id].level > lvAdmin1 {
			continue
		}
		r.allowed = append(r.allowed, id)
	}
	return r.allowed
}

// namesakeNear reports whether another toponym of the article is read in
// the country of one of c's towns.
func (p *Parser) namesakeNear(c *cand, ctx *rankCtx) bool {
	for _, id := range c.ids[:min(len(c.ids), rankCands)] {
		pl := &p.g.places[id]
		if pl.level <= lvAdmin1 {
			continue
		}
		for k, key := range ctx.keys {
			if key != c.key && p.g.places[ctx.reads[k]].country == pl.country {
				return true
			}
		}
	}
	return false
}

// priorReading is the entry a toponym is read as before the article's
// evidence: the first that agrees with its qualifier, else its first.
func (p *Parser) priorReading(c *cand, ids []int32) int32 {
	if c.qual >= 0 {
		q := &p.g.places[c.qual]
		for _, id := range ids {
			pl := &p.g.places[id]
			if pl.country == q.country && (q.level != lvAdmin1 || pl.admin1 == q.admin1) {
				return id
			}
		}
	}
	return ids[0]
}

// features fills r.ex with the features of each entry of ids for c.
func (p *Parser) features(c *cand, ids []int32, ctx *rankCtx, r *ranking) []learn.Example {
	if cap(r.ex) < len(ids) {
		r.ex = append(r.ex[:cap(r.ex)], make([]learn.Example, len(ids)-cap(r.ex))...)
	}
	ex := r.ex[:len(ids)]
	maxPop := 0.0
	for _, id := range ids {
		maxPop = math.Max(maxPop, logPop(&p.g.places[id]))
	}
	words := uint64(1)
	for i := 0; i < len(c.key); i++ {
		if c.key[i] == ' ' && words < 3 {
			words++
		}
	}
	ambig := uint64(bucket(float64(len(c.ids)), 1, 2, 5, 15))
	cue := uint64(c.cue)
	if c.dateline {
		cue = 3
	}
	if c.ent {
		cue += 4
	}
	var qual *place
	if c.qual >= 0 {
		qual = &p.g.places[c.qual]
	}
	var dl *place
	if ctx.dl >= 0 && !c.dateline {
		dl = &p.g.places[ctx.dl]
	}
	// The other toponyms in the article: all but this one's name.
	others := 0
	for _, k := range ctx.keys {
		if k != c.key {
			others++
		}
	}
	t := func(f uint32) uint32 { return uint32(ctx.pass)<<8 | f }
	for n, id := range ids {
		pl := &p.g.places[id]
		lv := uint64(pl.level)
		x := &ex[n]
		if x.Feats == nil {
			x.Feats, x.Vals = make([]uint64, 0, 32), make([]float32, 0, 32)
		}
		x.Feats, x.Vals = x.Feats[:0], x.Vals[:0]
		add := func(k uint64, v float32) {
			x.Feats = append(x.Feats, k)
			x.Vals = append(x.Vals, v)
		}
		lp := logPop(pl)
		add(learn.Key(t(fLevel), lv), 1)
		add(learn.Key(t(fFeature), p.featureClass(pl)), 1)
		add(learn.Key(t(fLogPop), lv), float32(lp/6))
		add(learn.Key(t(fRelPop), lv), float32((lp-maxPop)/6))
		add(learn.Key(t(fRank), uint64(min(n, 5))), 1)

		if pl.isSeat {
			add(learn.Key(t(fSeat), 0), 1)
		}
		r.buf = fold(r.buf[:0], pl.name)
		if string(r.buf) == c.key {
			add(learn.Key2(t(fExact), 1, lv), 1)
		}
		add(learn.Key2(t(fAmbig), ambig, lv), 1)
		if c.abbrev {
			add(learn.Key2(t(fAbbrev), 1, lv), 1)
		}
		add(learn.Key2(t(fCue), cue, lv), 1)
		add(learn.Key2(t(fWords), words, lv), 1)
		if qual != nil {
			m := uint64(2)
			switch {
			case qual.level == lvAdmin1 && pl.admin1 == qual.admin1 && pl.country == qual.country:
				m = 0
			case pl.country == qual.country:
				m = 1
			}
			add(learn.Key2(t(fQual), m, uint64(qual.level)), 1)
		}
		if c.dateline {
			add(learn.Key2(t(fDateline), 1, lv), 1)
		}
		if dl != nil {
			if pl.country == dl.country {
				add(learn.Key(t(fDlCountry), 0), 1)
				if pl.admin1 >= 0 && pl.admin1 == dl.admin1 {
					add(learn.Key(t(fDlAdmin), 0), 1)
				}
			}
			if pl.level >= lvAdmin1 && dl.level >= lvAdmin1 {
				add(learn.Key(t(fDlKm), uint64(bucket(km(pl, dl), 25, 50, 161, 500, 1500))), 1)
			}
		}
		if d := ctx.dem[pl.country]; d > 0 && pl.country != 0 {
			add(learn.Key(t(fDem), lv), float32(math.Log2(1+float64(d))))
		}
		p.contextFeatures(c, pl, others, ctx, t, add)
	}
	return ex
}

// contextFeatures adds the features of pl that come from the other
// toponyms' readings: same country, same admin-1, nearness.
func (p *Parser) contextFeatures(c *cand, pl *place, others int, ctx *rankCtx, t func(uint32) uint32, add func(uint64, float32)) {
	if others == 0 {
		return
	}
	lv := uint64(pl.level)
	cosLat := math.Cos(float64(pl.lat) * math.Pi / 180)
	inCountry, inAdmin := 0, 0.0
	near, nearAny, adminAny := 0, 0, 0
	prox := 0.0
	nearest := math.Inf(1)
	local := pl.level >= lvAdmin1
	for k, key := range ctx.keys {
		if key == c.key {
			continue
		}
		q := &p.g.places[ctx.reads[k]]
		if q.country == pl.country && pl.country != 0 {
			inCountry++
		}
		if pl.level != lvCountry && pl.admin1 >= 0 && q.admin1 == pl.admin1 && q.country == pl.country {
			if q.level == lvAdmin1 {
				inAdmin++
			} else {
				inAdmin += 0.5
			}
		}
		if !local {
			continue
		}
		if q.level >= lvAdmin1 {
			d := kmCos(pl, q, cosLat)
			nearest = math.Min(nearest, d)
			if d <= 161 {
				near++
			}
		}
		isNear, inAdm := false, false
		closest := math.Inf(1)
		for _, id := range ctx.near[k] {
			o := &p.g.places[id]
			d := kmCos(pl, o, cosLat)
			closest = math.Min(closest, d)
			isNear = isNear || d <= 161
			inAdm = inAdm || pl.admin1 >= 0 && o.admin1 == pl.admin1 && o.country == pl.country
		}
		if closest < proxKm {
			prox += 1 - closest/proxKm
		}
		if isNear {
			nearAny++
		}
		if inAdm {
			adminAny++
		}
	}
	if inCountry > 0 {
		v := float32(math.Log2(1 + float64(inCountry)))
		add(learn.Key(t(fCountry), lv), v)
		add(learn.Key(t(fCountryShare), lv), float32(inCountry)/float32(others))
		add(learn.Key2(t(fCountryN), uint64(bucket(float64(inCountry), 1, 3)), lv), 1)
		if p.g.features[pl.feature] == "P.PPLC" {
			add(learn.Key(t(fCapital), 0), v)
		}
	}
	if inAdmin > 0 {
		add(learn.Key(t(fAdmin), lv), float32(math.Log2(1+inAdmin)))
		add(learn.Key(t(fAdminShare), lv), float32(inAdmin)/float32(others))
	}
	if adminAny > 0 {
		add(learn.Key(t(fAdminAny), lv), float32(math.Log2(1+float64(adminAny))))
	}
	if local {
		add(learn.Key2(t(fNearKm), uint64(bucket(nearest, 25, 50, 161, 500, 1500)), lv), 1)
		if near > 0 {
			add(learn.Key2(t(fNear), 0, lv), float32(math.Log2(1+float64(near))))
		}
		if prox > 0 {
			add(learn.Key2(t(fProx), 0, lv), float32(min(prox, 3)))
		}
		if nearAny > 0 {
			add(learn.Key2(t(fNearAny), 0, lv), float32(math.Log2(1+float64(nearAny))))
		}
	}
}

// featureClass returns the feature key of an entry: its GeoNames code,
// except that a town is only an admin-1 seat (PPLA, and PPLC: national
// capitals are their region's seat too), a lower seat (PPLA2-4) or
// neither. LGL, US local news, names the US namesakes of capitals
// ("Lima", "Moscow", "Athens") far more than the capitals, a lesson that
// does not carry over to other news: the capital's own feature is left
// to the context (fCapital).
func (p *Parser) featureClass(pl *place) uint64 {
	f := p.g.features[pl.feature]
	if pl.level == lvCity {
		switch f {
		case "P.PPLC", "P.PPLA":
			f = "seat1"
		case "P.PPLA2", "P.PPLA3", "P.PPLA4":
			f = "seat2"
		default:
			f = "town"
		}
	}
	return learn.Hash(f)
}

// logPop is log10 of an entry's population plus one.
func logPop(pl *place) float64 { return math.Log10(float64(pl.pop) + 1) }

// bucket returns the index of the first bound x does not exceed, or
// len(bounds).
func bucket(x float64, bounds ...float64) int {
	for i, b := range bounds {
		if x <= b {
			return i
		}
	}
	return len(bounds)
}

// km is the equirectangular distance between two entries: cheap, and
// close enough at the scale of these features.
func km(a, b *place) float64 { return kmCos(a, b, math.Cos(float64(a.lat)*math.Pi/180)) }

// kmCos is km with the cosine of a's latitude given.
func kmCos(a, b *place, cosLat float64) float64 {
	dy := float64(b.lat-a.lat) * 111.2
	dx := float64(b.lon-a.lon) * 111.2 * cosLat
	return math.Sqrt(dx*dx + dy*dy)
}

// context collects the evidence of a pass: each distinct toponym's
// reading, the first candidate for pass 1 and the chosen one after.
// Toponyms known only as a county's bare name or kept only if local do
// not vote.
func (p *Parser) context(cands []cand, dem map[uint16]int, pass int, r *ranking) *rankCtx {
	ctx := &rankCtx{pass: pass, dl: -1, dem: dem}
	for i := range cands {
		c := &cands[i]
		if len(c.ids) == 0 {
			continue
		}
		ids := p.candidates(c, dem, nil, r)
		read := c.best
		if pass == 1 || read < 0 {
			read = p.priorReading(c, ids)
		}
		if c.dateline && ctx.dl < 0 {
			ctx.dl = read
		}
		if c.stemOnly || c.tentative || containsKey(ctx.keys, c.key) {
			continue
		}
		ctx.keys = append(ctx.keys, c.key)
		ctx.reads = append(ctx.reads, read)
		var near []int32
		top := logPop(&p.g.places[ids[0]])
		for _, id := range ids {
			if len(near) == nearTop {
				break
			}
			if pl := &p.g.places[id]; pl.level >= lvAdmin1 && logPop(pl) >= top-2 {
				near = append(near, id)
			}
		}
		ctx.near = append(ctx.near, near)
	}
	return ctx
}

func containsKey(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}

// resolve picks the gazetteer entry of each candidate in two passes of
// the ranker (see rankCtx) and sets its confidence. Without a model it takes each
// toponym's prior reading.
func (p *Parser) resolve(cands []cand, dem map[uint16]int) {
	var r ranking
	for pass := 1; pass <= 2; pass++ {
		ctx := p.context(cands, dem, pass, &r)
		for i := range cands {
			c := &cands[i]
			if len(c.ids) == 0 {
				continue
			}
			ids := p.candidates(c, dem, ctx, &r)
			if p.trace != nil {
				p.trace(pass, c, ids, p.features(c, ids, ctx, &r))
			}
			if p.m == nil {
				c.best, c.conf = p.priorReading(c, ids), 0
				continue
			}
			ex := p.features(c, ids, ctx, &r)
			r.scores = r.scores[:0]
			for k := range ex {
				r.scores = append(r.scores, p.m.Score(&ex[k]))
			}
			best := p.seat(ids, learn.Argmax(r.scores))
			learn.Softmax(r.scores)
			// The confidence is the probability that the toponym lies
			// within 161 km of the chosen entry: a town and its county
			// are one answer.
			c.best, c.conf = ids[best], 0
			for k, id := range ids {
				if k == best || km(&p.g.places[id], &p.g.places[ids[best]]) <= 161 {
					c.conf += r.scores[k]
				}
			}
			c.conf = min(c.conf, 1)
		}
	}
}

// seat returns the index in ids of the town that is the seat of the
// admin-1 area ids[best] and named like it ("Baghdad", "Tbilisi"), if
// there is one, else best. The gold sets score both as right, so the data
// cannot choose; news names the town.
func (p *Parser) seat(ids []int32, best int) int {
	a := &p.g.places[ids[best]]
	if a.level != lvAdmin1 {
		return best
	}
	for k, id := range ids {
		if pl := &p.g.places[id]; pl.isSeat && pl.level == lvCity && pl.country == a.country && pl.admin1 == a.admin1 {
			return k
		}
	}
	return best
}
