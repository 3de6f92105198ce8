package watch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/sitrep-project/sitrep/internal/feed"
	"github.com/sitrep-project/sitrep/internal/fetch"
)

// State is what a watcher remembers between runs.
type State struct {
	Version int                   `json:"version"`
	Feeds   map[string]*FeedState `json:"feeds"`
}

// FeedState is what is remembered of one feed.
type FeedState struct {
	Validators fetch.Validators `json:"validators"`
	NextPoll   time.Time        `json:"next_poll"`
	Failures   int              `json:"failures,omitempty"`
	// Done holds the keys of the items handled, with when.
	Done map[string]time.Time `json:"done"`
	// Tries counts failed attempts at items not yet handled.
	Tries map[string]int `json:"tries,omitempty"`
}

const stateVersion = 1

// Load reads a state file; a missing file is an empty state.
func Load(path string) (*State, error) {
	st := &State{Version: stateVersion, Feeds: map[string]*FeedState{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("watch: state: %w", err)
	}
	if err := json.Unmarshal(data, st); err != nil {
		return nil, fmt.Errorf("watch: state %s: %w (remove it to start afresh)", path, err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("watch: state %s: version %d, want %d", path, st.Version, stateVersion)
	}
	if st.Feeds == nil {
		st.Feeds = map[string]*FeedState{}
	}
	return st, nil
}

// Save writes the state atomically: to a temporary file, synced, then
// renamed over the old one, so a crash leaves the old or the new state.
func (s *State) Save(path string) error {
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("watch: state: %w", err)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("watch: state: %w", err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("watch: state: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

func (s *State) feed(url string) *FeedState {
	fs := s.Feeds[url]
	if fs == nil {
		fs = &FeedState{Done: map[string]time.Time{}}
		s.Feeds[url] = fs
	}
	if fs.Done == nil {
		fs.Done = map[string]time.Time{}
	}
	return fs
}

func (f *FeedState) done(key string) bool {
	_, ok := f.Done[key]
	return ok
}

func (f *FeedState) mark(key string, now time.Time) {
	f.Done[key] = now
	delete(f.Tries, key)
}

// tried counts one more failed attempt at key and returns the count.
func (f *FeedState) tried(key string) int {
	if f.Tries == nil {
		f.Tries = map[string]int{}
	}
	f.Tries[key]++
	return f.Tries[key]
}

// prune forgets items gone from the feed for longer than forget.
func (f *FeedState) prune(current []feed.Item, now time.Time) {
	in := make(map[string]bool, len(current))
	for _, it := range current {
		in[it.Key] = true
	}
	for k, t := range f.Done {
		if !in[k] && now.Sub(t) > forget {
			delete(f.Done, k)
		}
	}
	for k := range f.Tries {
		if !in[k] {
			delete(f.Tries, k)
		}
	}
}
