package event

import (
	"testing"

	"github.com/sitrep-project/sitrep"
)

func TestOtherOfSameCode(t *testing.T) {
	act := func(text, code, name string) *sitrep.EventActor {
		return &sitrep.EventActor{Text: text, Actor: code, Name: name}
	}
	tests := []struct {
		name     string
		src, tgt *sitrep.EventActor
		want     bool
	}{
		{"another official", act("Israeli President Reuven Rivlin", "ISRGOV", ""), act("Prime Minister Benjamin Netanyahu", "ISRGOV", ""), true},
		{"own country", act("Kostunica", "SRB", ""), act("Serbia", "SRB", ""), false},
		{"no known country", act("The government", "---GOV", ""), act("the government", "---GOV", ""), false},
		{"the source under another name", act("they", "MNCUSA", "Boeing Co"), act("Boeing Co", "MNCUSA", ""), false},
		{"same words, other case", act("The Senate", "USALEG", ""), act("the Senate", "USALEG", ""), false},
	}
	for _, tt := range tests {
		if got := otherOfSameCode(tt.src, tt.tgt); got != tt.want {
			t.Errorf("%s: otherOfSameCode = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestDurationParts(t *testing.T) {
	for _, tt := range []struct {
		in      string
		y, m, d int
		ok      bool
	}{
		{"P1D", 0, 0, 1, true}, {"P2W", 0, 0, 14, true}, {"P3M", 0, 3, 0, true}, {"P1Y", 1, 0, 0, true},
		{"PT5H", 0, 0, 0, true}, {"PXD", 0, 0, 0, false}, {"P", 0, 0, 0, false}, {"2020-01-01", 0, 0, 0, false},
	} {
		y, m, d, ok := durationParts(tt.in)
		if y != tt.y || m != tt.m || d != tt.d || ok != tt.ok {
			t.Errorf("durationParts(%q) = %d, %d, %d, %v; want %d, %d, %d, %v", tt.in, y, m, d, ok, tt.y, tt.m, tt.d, tt.ok)
		}
	}
}
