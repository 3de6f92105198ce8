package web

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/cameo"
)

var update = flag.Bool("update", false, "rewrite static/cameo.json from internal/cameo")

// cameoTable is the JSON the UI reads for code names and filter choices.
type cameoTable struct {
	// Codes maps every CAMEO code (roots included) to its name.
	Codes map[string]string `json:"codes"`
	// Roots lists the 20 root codes in order.
	Roots []string `json:"roots"`
	// PLOVER lists the PLOVER event types, sorted.
	PLOVER []string `json:"plover"`
}

func buildCAMEOTable() ([]byte, error) {
	t := cameoTable{Codes: map[string]string{}}
	seen := map[string]bool{}
	for _, c := range cameo.All() {
		t.Codes[c.Code] = c.Name
		if c.Code == c.Root {
			t.Roots = append(t.Roots, c.Code)
		}
		if c.PLOVER != "" && !seen[c.PLOVER] {
			seen[c.PLOVER] = true
			t.PLOVER = append(t.PLOVER, c.PLOVER)
		}
	}
	sort.Strings(t.Roots)
	sort.Strings(t.PLOVER)
	b, err := json.MarshalIndent(t, "", " ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// TestCAMEOTable keeps static/cameo.json in step with the codebook.
func TestCAMEOTable(t *testing.T) {
	want, err := buildCAMEOTable()
	if err != nil {
		t.Fatal(err)
	}
	const file = "static/cameo.json"
	if *update {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := fs.ReadFile(Assets(), "cameo.json")
	if err != nil {
		t.Fatalf("%v (run go test ./internal/web -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./internal/web -update", file)
	}
	var tab cameoTable
	if err := json.Unmarshal(got, &tab); err != nil {
		t.Fatal(err)
	}
	if len(tab.Roots) != 20 || tab.Roots[0] != "01" || tab.Roots[19] != "20" {
		t.Errorf("roots = %v, want 01..20", tab.Roots)
	}
	if tab.Codes["145"] == "" {
		t.Errorf("code 145 has no name")
	}
}

// localRef matches src= and href= attributes, and static ES module imports.
var localRef = regexp.MustCompile(`(?:src|href)="([^"#?]+)"|from '([^']+)'`)

// TestAssetReferences checks that every local file the pages and modules
// name is embedded, so the UI works offline.
func TestAssetReferences(t *testing.T) {
	assets := Assets()
	if _, err := fs.Stat(assets, "index.html"); err != nil {
		t.Fatal(err)
	}
	var checked int
	err := fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, "vendor/") {
			return err
		}
		if ext := path.Ext(p); ext != ".html" && ext != ".js" && ext != ".css" {
			return nil
		}
		b, err := fs.ReadFile(assets, p)
		if err != nil {
			return err
		}
		for _, m := range localRef.FindAllStringSubmatch(string(b), -1) {
			ref := m[1] + m[2]
			if strings.Contains(ref, ":") || strings.HasPrefix(ref, "api/") || strings.HasPrefix(ref, "/") || strings.Contains(ref, "${") {
				continue
			}
			target := path.Clean(path.Join(path.Dir(p), ref))
			if _, err := fs.Stat(assets, target); err != nil {
				t.Errorf("%s refers to %s, which is not embedded", p, ref)
			}
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 5 {
		t.Errorf("only %d local references found; the pattern no longer matches the pages", checked)
	}
}

// TestVendorLicenses checks that every vendored package keeps its license.
func TestVendorLicenses(t *testing.T) {
	dirs, err := fs.ReadDir(Assets(), "vendor")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no vendored packages")
	}
	for _, d := range dirs {
		if _, err := fs.Stat(Assets(), "vendor/"+d.Name()+"/LICENSE"); err != nil {
			t.Errorf("vendor/%s has no LICENSE: %v", d.Name(), err)
		}
	}
}
