package main

import (
	"flag"
	"slices"
	"testing"
)

func TestFlagsFirst(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.Bool("parse", false, "")
	fs.Int("limit", 0, "")
	fs.String("db", "", "")
	tests := []struct {
		args, want []string
	}{
		{[]string{"a", "b"}, []string{"--", "a", "b"}},
		{[]string{"PATH", "--limit", "10"}, []string{"--limit", "10", "--", "PATH"}},
		{[]string{"--parse", "PATH", "-limit=5"}, []string{"--parse", "-limit=5", "--", "PATH"}},
		{[]string{"PATH", "--parse", "--db", "x.db", "MORE"}, []string{"--parse", "--db", "x.db", "--", "PATH", "MORE"}},
		{[]string{"-", "--limit", "3"}, []string{"--limit", "3", "--", "-"}},
		{[]string{"--limit", "3", "--", "--odd-name", "--parse"}, []string{"--limit", "3", "--", "--odd-name", "--parse"}},
		{[]string{"PATH", "--bogus", "x"}, []string{"--bogus", "--", "PATH", "x"}},
		{[]string{"PATH", "--limit"}, []string{"--limit", "--", "PATH"}},
	}
	for _, tt := range tests {
		if got := flagsFirst(fs, tt.args); !slices.Equal(got, tt.want) {
			t.Errorf("flagsFirst(%q) = %q, want %q", tt.args, got, tt.want)
		}
	}
}
