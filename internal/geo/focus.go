package geo

import (
	"slices"
	"strconv"

	"github.com/sitrep-project/sitrep"
)

// specificity weights a resolution level for Focus: an article naming a
// city is about that city more than about its country.
var specificity = map[string]float64{LevelCity: 1, LevelAdmin2: 0.9, LevelAdmin1: 0.7, LevelCountry: 0.5, LevelRegion: 0.3}

// Focus returns the places an article is about, one per distinct place
// (its first mention), best first: most mentioned, most specific, earliest;
// at most five, and none scoring under a third of the best.
// A country or admin-1 also gains from mentions of places inside it.
// Unresolved places (LevelUnresolved) have no position and take no part.
func Focus(places []sitrep.Place) []sitrep.Place {
	first, score := focusRank(places)
	if len(first) == 0 {
		return nil
	}
	// Keep the places scoring at least a third of the best: an article
	// is about a few places, not every one it mentions in passing.
	out := make([]sitrep.Place, 0, min(len(first), maxFocus))
	for i, f := range first {
		if len(out) == maxFocus || score[i] < score[0]/3 {
			break
		}
		out = append(out, places[f])
	}
	return out
}

// ClearFocus returns the place an article is clearly about: the best of
// Focus, when no other place scores two thirds of it or more, leaving
// aside the areas holding it (Iraq for Baghdad), the places inside it
// and, when it is finer than a country, the countries, which an article
// about a city mostly names as actors ("blamed Iran"). An article about
// several places as much as one another has none: the event coder leaves
// an event that names no place unplaced rather than guess between them.
func ClearFocus(places []sitrep.Place) (sitrep.Place, bool) {
	first, score := focusRank(places)
	if len(first) == 0 {
		return sitrep.Place{}, false
	}
	top := places[first[0]]
	for i := 1; i < len(first) && score[i] >= score[0]*2/3; i++ {
		p := places[first[i]]
		if holds(p, top) || holds(top, p) || top.Resolution != LevelCountry && top.Resolution != LevelRegion && (p.Resolution == LevelCountry || p.Resolution == LevelRegion) {
			continue
		}
		return sitrep.Place{}, false
	}
	return top, true
}

// holds reports whether area q holds place p: p's country, or the admin-1
// of a city or admin-2 in it.
func holds(q, p sitrep.Place) bool {
	return q.Resolution == LevelCountry && q.Country == p.Country && p.Resolution != LevelCountry ||
		q.Resolution == LevelAdmin1 && q.Country == p.Country && q.Admin1 == p.Admin1 && (p.Resolution == LevelCity || p.Resolution == LevelAdmin2)
}

// focusRank returns the index of the first mention of each distinct place
// of an article, best first, and their scores (see Focus).
func focusRank(places []sitrep.Place) (first []int, score []float64) {
	type agg struct {
		first int
		score float64
	}
	key := func(p sitrep.Place) string {
		if p.GeonameID != 0 {
			return strconv.Itoa(p.GeonameID)
		}
		return p.Resolution + "|" + p.Country + "|" + p.Admin1 + "|" + p.Name
	}
	byKey := map[string]*agg{}
	var order []string
	for i, p := range places {
		if p.Resolution == LevelUnresolved {
			continue // no position to be about
		}
		k := key(p)
		a := byKey[k]
		if a == nil {
			a = &agg{first: i}
			byKey[k] = a
			order = append(order, k)
		}
		w, ok := specificity[p.Resolution]
		if !ok {
			w = 0.5
		}
		// Earlier mentions (headline, lede, dateline) count more.
		a.score += w * (1 + 1/float64(1+i))
	}
	// Containment: mentions of a city support its admin-1 and country a little.
	for _, p := range places {
		for _, k := range order {
			if holds(places[byKey[k].first], p) {
				byKey[k].score += 0.2
			}
		}
	}
	slices.SortStableFunc(order, func(a, b string) int {
		sa, sb := byKey[a].score, byKey[b].score
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return byKey[a].first - byKey[b].first
	})
	for _, k := range order {
		first, score = append(first, byKey[k].first), append(score, byKey[k].score)
	}
	return first, score
}

// maxFocus bounds the places Focus returns.
const maxFocus = 5
