package cluster

import (
	"slices"

	"github.com/sitrep-project/sitrep"
)

// settleEvery is how many arrivals pass between two looks for settled
// situations (see Config.SettleAfter).
const settleEvery = 256

// TakeSettled returns what settled since the last call (situations with
// their events, and the duplicates among their articles) and lets the
// Clusterer forget it. Snapshot no longer holds it: the output of the
// whole stream is what TakeSettled returned over time plus the last
// Snapshot.
func (c *Clusterer) TakeSettled() *sitrep.Situations {
	out := c.settled
	c.settled = &sitrep.Situations{Situations: []sitrep.Situation{}, Duplicates: []sitrep.Duplicate{}}
	return out
}

// component is a set of situations tied to one another (see
// situation.ties), which settle together.
type component struct {
	sits     []int
	articles int  // articles held
	last     int  // latest lastJoin
	quiet    bool // every situation quiet (see Config.SettleAfter)
}

// components lists the components of the live situations.
func (c *Clusterer) components() []component {
	ss := c.sits
	n := len(c.arts)
	quiet := func(s *situation) bool {
		if n-s.lastJoin <= c.cfg.SettleAfter {
			return false
		}
		if !s.dated || !c.clockDated {
			return true
		}
		d := int32(c.cfg.SettleDays)
		return c.clock-s.hi > d || s.lo-c.clock > d
	}
	var out []component
	seen := map[int]bool{}
	for si, s := range ss.list {
		if s == nil || s.merged >= 0 || seen[si] {
			continue
		}
		k := component{sits: []int{si}, quiet: true}
		seen[si] = true
		for i := 0; i < len(k.sits); i++ {
			x := ss.list[k.sits[i]]
			k.articles += len(x.articles)
			k.last = max(k.last, x.lastJoin)
			k.quiet = k.quiet && quiet(x)
			for t := range x.ties {
				if t = ss.find(t); !seen[t] {
					seen[t] = true
					k.sits = append(k.sits, t)
				}
			}
		}
		out = append(out, k)
	}
	return out
}

// settle moves the settled situations (see Config.SettleAfter), with
// those tied to them, to c.settled and forgets them. Over
// Config.MaxHeld articles, the situations that went longest without a
// new article settle too, until a tenth of the bound is free.
func (c *Clusterer) settle() {
	comps := c.components()
	held := 0
	for _, k := range comps {
		held += k.articles
	}
	c.held = max(c.held, held)
	var rest []component
	for _, k := range comps {
		if k.quiet {
			c.settleComponent(k.sits)
			held -= k.articles
		} else {
			rest = append(rest, k)
		}
	}
	if c.cfg.MaxHeld > 0 && held > c.cfg.MaxHeld {
		slices.SortFunc(rest, func(a, b component) int { return a.last - b.last })
		for _, k := range rest {
			if held <= c.cfg.MaxHeld*9/10 {
				break
			}
			c.settleComponent(k.sits)
			held -= k.articles
		}
	}
	// The indexes are swept once as many articles were forgotten since
	// the last sweep as are held (readers skip what was forgotten), so
	// that sweeping costs a constant per article.
	if c.forgotten >= held {
		c.sweep()
		c.forgotten = 0
	}
}

// settleComponent builds the output of a component into c.settled and
// forgets it.
func (c *Clusterer) settleComponent(sits []int) {
	out := c.build(sits)
	c.settled.Situations = append(c.settled.Situations, out.Situations...)
	c.settled.Duplicates = append(c.settled.Duplicates, out.Duplicates...)
	c.forget(sits)
}

// forget drops situations, with their articles, events and mentions.
func (c *Clusterer) forget(sits []int) {
	for _, si := range sits {
		s := c.sits.list[si]
		for _, ai := range s.articles {
			c.arts[ai], c.dups.sigs[ai] = nil, nil
		}
		c.forgotten += len(s.articles)
		for _, ei := range s.events {
			for _, mi := range c.events[ei].mentions {
				c.mentions[mi] = nil
			}
			c.events[ei] = nil
		}
		for _, y := range s.absorbed {
			c.sits.list[y] = nil
		}
		c.sits.list[si] = nil
	}
}

// sweep takes what was forgotten out of the indexes.
func (c *Clusterer) sweep() {
	goneEvent := func(ei int) bool { return c.events[ei] == nil }
	for b, weeks := range c.byBlock {
		for w, evs := range weeks {
			if evs = slices.DeleteFunc(evs, goneEvent); len(evs) == 0 {
				delete(weeks, w)
			} else {
				weeks[w] = evs
			}
		}
		if len(weeks) == 0 {
			delete(c.byBlock, b)
		}
	}
	for b, evs := range c.undated {
		if evs = slices.DeleteFunc(evs, goneEvent); len(evs) == 0 {
			delete(c.undated, b)
		} else {
			c.undated[b] = evs
		}
	}
	for w, sits := range c.sits.byWord {
		if sits = slices.DeleteFunc(sits, func(si int) bool { return c.sits.list[si] == nil }); len(sits) == 0 {
			delete(c.sits.byWord, w)
		} else {
			c.sits.byWord[w] = sits
		}
	}
	c.dups.sweep()
}

// MaxHeld is the largest number of articles the Clusterer held at once,
// as seen when it looked for situations to settle.
func (c *Clusterer) MaxHeld() int { return c.held }
