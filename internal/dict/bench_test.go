package dict

import (
	"strings"
	"testing"
)

func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerbsMatch(b *testing.B) {
	d, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	before := []string{"reportedly", "had", "president", "the"}
	after := []string{"for", "urgent", "humanitarian", "aid", "to", "the", "region"}
	b.ReportAllocs()
	for b.Loop() {
		d.Verbs.Match("asked", before, after)
		d.Verbs.Match("stormed", before, after)
		d.Verbs.Match("sent", before, []string{"more", "troops", "to", "the", "region"})
	}
}

func BenchmarkActorsMatch(b *testing.B) {
	d, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	s := []string{"president", "donald", "trump", "said", "the", "united", "states", "would", "respond"}
	b.ReportAllocs()
	for b.Loop() {
		for i := range s {
			d.Actors.Match(s[i:], "2019-12-31")
		}
	}
}

func BenchmarkAgentsMatch(b *testing.B) {
	d, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	s := []string{"the", "foreign", "minister", "of", "the", "interior", "ministry", "told", "military", "police", "officers"}
	b.ReportAllocs()
	for b.Loop() {
		for i := range s {
			d.Agents.Match(s[i:])
		}
	}
}

// BenchmarkDiscardsFind looks for discard phrases in a sentence that has
// none, as most do.
func BenchmarkDiscardsFind(b *testing.B) {
	d, err := LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Fields("the united nations security council condemned the attacks on peacekeepers in the eastern province and demanded an investigation")
	b.ReportAllocs()
	for b.Loop() {
		d.Discards.Find(s)
	}
}
