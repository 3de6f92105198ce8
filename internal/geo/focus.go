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
	if len(places) == 0 {
		return nil
	}
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
			q := places[byKey[k].first]
			if q.Resolution == LevelCountry && q.Country == p.Country && p.Resolution != LevelCountry ||
				q.Resolution == LevelAdmin1 && q.Country == p.Country && q.Admin1 == p.Admin1 && p.Resolution == LevelCity {
				byKey[k].score += 0.2
			}
		}
	}
	if len(order) == 0 {
		return nil
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
	// Keep the places scoring at least a third of the best: an article
	// is about a few places, not every one it mentions in passing.
	top := byKey[order[0]].score
	out := make([]sitrep.Place, 0, min(len(order), maxFocus))
	for _, k := range order {
		if len(out) == maxFocus || byKey[k].score < top/3 {
			break
		}
		out = append(out, places[byKey[k].first])
	}
	return out
}

// maxFocus bounds the places Focus returns.
const maxFocus = 5
