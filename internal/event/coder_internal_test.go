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
