package cluster

import (
	"fmt"
	"path/filepath"
	"testing"
)

func TestZZDebug(t *testing.T) {
	results := extract(t, filepath.Join("..", "..", "examples", "situations.jsonl"))
	out := link(results)
	g := readGold(t)
	res := byID(results)
	for si, sit := range out.Situations {
		for ei, e := range sit.Events {
			for _, m := range e.Mentions {
				gi := goldEventOf(g, m, res(m.Article))
				if gi < 0 {
					continue
				}
				ev := res(m.Article).Events[m.Event]
				tgt := ""
				if ev.Target != nil {
					tgt = ev.Target.Actor
				}
				loc := ""
				if ev.Location != nil {
					loc = ev.Location.Name + "/" + ev.Location.Reason
				}
				fmt.Printf("gold=%2d sit=%d ev=%d %s %s %s %s>%s %s(%s) %s %s | %s\n", gi, si, ei, m.Article, ev.CAMEO, ev.PLOVER, ev.Source.Actor, tgt, ev.Date, ev.DateReason, loc, ev.Modality, m.Reason)
			}
		}
	}
}
