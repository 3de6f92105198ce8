// Package sitreptest provides helpers shared by sitrep's tests: locating the
// read-only shared data (corpora, gold sets, dictionaries) that lives beside
// the checkout in ../shared and is never copied into the repository.
package sitreptest

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedDir returns the absolute path of the shared data directory: the
// SITREP_SHARED environment variable if set, else the first "shared"
// directory found beside the module root or one of its parents. When it
// cannot be found the test is skipped, unless CI is set, where it fails:
// CI always has the shared data.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("SITREP_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("sitreptest: %v", err)
	}
	for {
		cand := filepath.Join(dir, "shared")
		if st, err := os.Stat(filepath.Join(cand, "corpus")); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if os.Getenv("CI") != "" {
		tb.Fatal("sitreptest: shared data directory not found (set SITREP_SHARED)")
	}
	tb.Skip("shared data directory not found (set SITREP_SHARED)")
	return ""
}

// SharedFile returns the path of a file under the shared directory.
func SharedFile(tb testing.TB, rel string) string {
	tb.Helper()
	return filepath.Join(SharedDir(tb), filepath.FromSlash(rel))
}

// SeedPath returns the path of the seed article.
func SeedPath(tb testing.TB) string {
	tb.Helper()
	return SharedFile(tb, "corpus/seed/000_ee519315bc7380a4.txt")
}
