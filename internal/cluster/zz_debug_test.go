package cluster

import (
	"fmt"
	"path/filepath"
	"testing"
	"os"
)

func TestZZDebug(t *testing.T) {
	path := os.Getenv("ZZ_CORPUS")
	gpath := os.Getenv("ZZ_GOLD")
	if path == "" {
		path = filepath.Join("..", "..", "examples", "situations.jsonl")
		gpath = filepath.Join("testdata", "situations.gold.json")
	}
	results := extract(t, path)
	out := link(results)
	f, _ := os.Open(gpath)
	g, _ := ReadGold(f)
	res := byID(results)
	ei := 0
	for _, sit := range out.Situations {
		fmt.Printf("SIT %s %v\n", sit.ID, sit.Articles)
		for _, e := range sit.Events {
			for _, m := range e.Mentions {
				r := res(m.Article)
				ev := &r.Events[m.Event]
				gi := goldEventOf(g, m, r)
				tg := ""
				if ev.Target != nil { tg = ev.Target.Actor }
				loc := ""
				if ev.Location != nil { loc = fmt.Sprintf("%s/%s/%s", ev.Location.Name, ev.Location.Country, ev.Location.Reason) }
				fmt.Printf("  ev%-3d gold%-3d %-14s %s %-3s %-10s %-8s %-8s %s(%s) %s mod=%s | %s\n", ei, gi, m.Article, ev.CAMEO, ev.Root, ev.PLOVER, ev.Source.Actor, tg, ev.Date, ev.DateReason, loc, ev.Modality, ev.Evidence.Sentence[:min(100, len(ev.Evidence.Sentence))])
			}
			ei++
		}
	}
	s := Evaluate(g, out, res)
	fmt.Printf("events p=%.3f r=%.3f f1=%.3f (%d/%d/%d) sit f1=%.3f\n", s.EventP, s.EventR, s.EventF1, s.EventPairsTP, s.EventPairsPred, s.EventPairsGold, s.SituationF1)
}
