package event

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

func TestRoleChooser(t *testing.T) {
	act := func(text string) sitrep.EventActor { return sitrep.EventActor{Text: text, Actor: "XXX"} }
	rec := func(role, rel string, treeRight bool, n int) RoleRecord {
		r := RoleRecord{Sources: []string{"the Iranian army"}, Targets: []string{"the Iranian army"}}
		for range n {
			s := RoleSample{Role: role, Rel: rel, Tree: act("Iraq"), Chunk: act("Iranian army")}
			if treeRight {
				s.Tree, s.Chunk = s.Chunk, s.Tree
			}
			r.Samples = append(r.Samples, s)
		}
		return r
	}
	c := TrainRoleChooser([]RoleRecord{
		rec("source", "nsubj", true, 5),
		rec("source", "acl head", false, 4),
		rec("source", "conj → acl head", true, 1), // too rare: backs off to "acl head"
		rec("target", "obl (against)", true, 3),
		rec("target", "obj", false, 6),
		rec("target", "xcomp → obj", false, 2),
		{Samples: []RoleSample{{Role: "source", Rel: "obj", Tree: act("Iraq"), Chunk: act("Syria")}}}, // neither right: no count
	})
	tests := []struct {
		role, rel string
		tree      bool
	}{
		{"source", "nsubj", true},
		{"source", "acl head", false},
		{"source", "conj → acl head", false},
		{"source", "conj → nsubj", true},   // backs off to "nsubj"
		{"target", "obl (against)", true},  // its own key
		{"target", "obl (with)", true},     // backs off to "obl", from "obl (against)"
		{"target", "xcomp → obj", false},   // too rare, backs off to "obj"
		{"target", "ccomp → nsubj", false}, // unseen: the role's counts
		{"source", "advcl → nsubj", true},  // unseen: backs off to nsubj
	}
	for _, tt := range tests {
		if got := c.tree(tt.role, tt.rel); got != tt.tree {
			t.Errorf("tree(%q, %q) = %v, want %v", tt.role, tt.rel, got, tt.tree)
		}
	}
	if !(*RoleChooser)(nil).tree("source", "acl head") {
		t.Error("a nil chooser must believe the tree")
	}

	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadRoleChooser(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if _, err := back.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if again.String() != buf.String() {
		t.Errorf("round trip changed the chooser:\n%s\nvs\n%s", buf.String(), again.String())
	}
	for _, bad := range []string{"source\tnsubj\t1\n", "source\tnsubj\tx\t2\n", "source\tnsubj\t-1\t2\n"} {
		if _, err := ReadRoleChooser(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadRoleChooser(%q): no error", bad)
		}
	}
	if _, err := LoadRoleChooser(); err != nil {
		t.Errorf("shipped roles.txt: %v", err)
	}
}

func TestRoleKeys(t *testing.T) {
	got := strings.Join(roleKeys("xcomp → obl (against)"), " | ")
	if want := "xcomp → obl (against) | xcomp → obl | obl | *"; got != want {
		t.Errorf("roleKeys = %q, want %q", got, want)
	}
}

func FuzzReadRoleChooser(f *testing.F) {
	f.Add("# c\nsource\tnsubj\t3\t1\ntarget\t*\t0\t2\n")
	f.Add("source\tnsubj\t1\n")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ReadRoleChooser(strings.NewReader(s))
		if err == nil {
			_ = c.tree("source", "nsubj")
		}
	})
}
