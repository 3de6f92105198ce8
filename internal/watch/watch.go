// Package watch follows news feeds: it polls each feed, fetches the page
// of every item it has not seen, extracts the article and hands it on to
// be stored.
//
// Input: feed URLs (RSS, Atom, JSON Feed), a fetch.Client (timeouts,
// limits, robots.txt, politeness) and a Handler that stores one article.
// Output: calls of the Handler, one per new item, and a state file.
//
// The state file remembers, per feed, the validators of the last answer
// (for conditional GET), when to poll next, and the keys of the items
// already handled. It is rewritten atomically (temporary file, sync,
// rename) after every item stored, so a watcher killed at any point and
// started again loses nothing and repeats nothing: an item is marked
// handled only after its Handler returned, and an item handled but not yet
// marked (killed between the two) is handed on again with the same
// article id, which the store recognises as unchanged. Article ids are
// the hash of the page's canonical URL, so one story reached through two
// feeds is one article.
//
// A feed that fails is polled again after a backoff that doubles with
// each failure (up to 6 hours), or after what its server's Retry-After
// asks. An item whose page fails for good (gone, not HTML, no text,
// disallowed) is marked handled and not tried again; one that fails for
// now (timeout, server error) is tried again at the next poll, at most
// three times.
package watch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/feed"
	"github.com/sitrep-project/sitrep/internal/fetch"
	"github.com/sitrep-project/sitrep/internal/htmlpage"
	"github.com/sitrep-project/sitrep/internal/ingest"
)

// Handler stores one article; an error leaves its item unhandled.
type Handler func(ctx context.Context, art *sitrep.Article) error

// Config says what to watch and how often.
type Config struct {
	Feeds []string
	// Interval is the time between two polls of one feed (default 15 min).
	Interval time.Duration
	// StatePath is the state file (required).
	StatePath string
	// MaxItems bounds the new items taken from one poll (default 200).
	MaxItems int
	// Once polls every feed once, handles its new items and returns.
	Once bool
	// Date is the publication date (YYYY-MM-DD) of items whose page and
	// feed give none; "" leaves it unknown.
	Date string
}

// Stats count what a Watcher did.
type Stats struct {
	Polls, NotModified, FeedErrors int
	Items                          int // new items met
	Stored                         int // articles handed to the Handler
	Failed                         int // items whose page could not be read
}

// Watcher polls feeds.
type Watcher struct {
	cfg    Config
	client *fetch.Client
	handle Handler
	log    *slog.Logger
	state  *State
	stats  Stats
	// Progress, when set, is called after every item and poll.
	Progress func(Stats)
	now      func() time.Time
}

// maxTries bounds the attempts at one item's page.
const maxTries = 3

// forget is how long the key of an item gone from its feed is kept.
const forget = 30 * 24 * time.Hour

// New returns a Watcher, with the state of its state file when there is
// one.
func New(cfg Config, client *fetch.Client, handle Handler, log *slog.Logger) (*Watcher, error) {
	if cfg.StatePath == "" {
		return nil, errors.New("watch: no state file")
	}
	if len(cfg.Feeds) == 0 {
		return nil, errors.New("watch: no feeds")
	}
	for _, f := range cfg.Feeds {
		if u, err := url.Parse(f); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("watch: feed %q: not an http or https URL", f)
		}
	}
	if cfg.Interval <= 0 {
		cfg.Interval = 15 * time.Minute
	}
	if cfg.MaxItems <= 0 {
		cfg.MaxItems = 200
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	st, err := Load(cfg.StatePath)
	if err != nil {
		return nil, err
	}
	return &Watcher{cfg: cfg, client: client, handle: handle, log: log, state: st, now: time.Now}, nil
}

// Stats returns what the watcher did so far.
func (w *Watcher) Stats() Stats { return w.stats }

// Run polls the feeds until ctx is done (it then returns nil) or, with
// Config.Once, until every feed was polled once.
func (w *Watcher) Run(ctx context.Context) error {
	if w.cfg.Once {
		for _, f := range w.cfg.Feeds {
			if err := w.poll(ctx, f); err != nil {
				return err
			}
		}
		return nil
	}
	for {
		next, at := w.nextFeed()
		if err := fetch.Sleep(ctx, at.Sub(w.now())); err != nil {
			return nil
		}
		if err := w.poll(ctx, next); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
	}
}

// nextFeed is the feed due first.
func (w *Watcher) nextFeed() (string, time.Time) {
	var best string
	var at time.Time
	for _, f := range w.cfg.Feeds {
		fs := w.state.feed(f)
		if best == "" || fs.NextPoll.Before(at) {
			best, at = f, fs.NextPoll
		}
	}
	return best, at
}

var feedTypes = []string{"application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/feed+json", "application/json"}
var pageTypes = []string{"text/html", "application/xhtml+xml"}

// poll reads one feed and handles its new items. It returns an error
// only when the state cannot be saved or ctx is done; a feed or page
// that fails is logged, counted and scheduled again.
func (w *Watcher) poll(ctx context.Context, feedURL string) error {
	fs := w.state.feed(feedURL)
	w.stats.Polls++
	resp, err := w.client.Get(ctx, feedURL, feedTypes, fs.Validators)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return w.feedFailed(feedURL, fs, err)
	}
	if resp.NotModified {
		w.stats.NotModified++
		w.log.Debug("feed not modified", "feed", feedURL)
		fs.Failures = 0
		fs.NextPoll = w.now().Add(w.cfg.Interval)
		w.progress()
		return w.state.Save(w.cfg.StatePath)
	}
	fd, err := feed.Parse(resp.Body, resp.URL)
	if err != nil {
		return w.feedFailed(feedURL, fs, err)
	}
	if fd.BadDates > 0 || fd.Repeated > 0 || fd.Dropped > 0 || fd.Broken {
		w.log.Warn("feed problems", "feed", feedURL, "bad_dates", fd.BadDates, "repeated_items", fd.Repeated, "items_without_link", fd.Dropped, "broken", fd.Broken)
	}
	fs.Validators = resp.Validators
	fs.Failures = 0
	// Oldest first, so that an interrupted poll leaves the newest for
	// later rather than a gap.
	items := slices.Clone(fd.Items)
	slices.SortStableFunc(items, func(a, b feed.Item) int { return a.Published.Compare(b.Published) })
	taken := 0
	for _, it := range items {
		if fs.done(it.Key) {
			continue
		}
		if taken == w.cfg.MaxItems {
			break
		}
		taken++
		w.stats.Items++
		if err := w.item(ctx, fs, it); err != nil {
			return err
		}
		w.progress()
	}
	fs.prune(fd.Items, w.now())
	fs.NextPoll = w.now().Add(w.cfg.Interval)
	w.progress()
	return w.state.Save(w.cfg.StatePath)
}

func (w *Watcher) progress() {
	if w.Progress != nil {
		w.Progress(w.stats)
	}
}

// feedFailed schedules a failed feed again.
func (w *Watcher) feedFailed(feedURL string, fs *FeedState, err error) error {
	w.stats.FeedErrors++
	fs.Failures++
	wait := w.cfg.Interval << min(fs.Failures-1, 5)
	wait = min(wait, 6*time.Hour)
	var re *fetch.RetryError
	if errors.As(err, &re) && re.After > wait {
		wait = re.After
	}
	fs.NextPoll = w.now().Add(wait)
	w.log.Warn("feed failed", "feed", feedURL, "err", err, "failures", fs.Failures, "next_poll", fs.NextPoll.Format(time.RFC3339))
	w.progress()
	return w.state.Save(w.cfg.StatePath)
}

// item fetches, extracts and hands on one item, then marks it handled.
func (w *Watcher) item(ctx context.Context, fs *FeedState, it feed.Item) error {
	art, err := w.article(ctx, it)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		w.stats.Failed++
		tries := fs.tried(it.Key)
		if permanent(err) || tries >= maxTries {
			w.log.Warn("item skipped", "item", it.Link, "err", err, "tries", tries)
			fs.mark(it.Key, w.now())
		} else {
			w.log.Warn("item failed; will try again", "item", it.Link, "err", err, "tries", tries)
		}
		return w.state.Save(w.cfg.StatePath)
	}
	if err := w.handle(ctx, art); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("watch: store %s: %w", it.Link, err)
	}
	w.stats.Stored++
	fs.mark(it.Key, w.now())
	return w.state.Save(w.cfg.StatePath)
}

// errNoLink marks an item without a page.
var errNoLink = errors.New("item has no link")

func (w *Watcher) article(ctx context.Context, it feed.Item) (*sitrep.Article, error) {
	if it.Link == "" {
		return nil, errNoLink
	}
	resp, err := w.client.Get(ctx, it.Link, pageTypes, fetch.Validators{})
	if err != nil {
		return nil, err
	}
	pg, err := htmlpage.ExtractBytes(resp.Body, htmlpage.Options{URL: resp.URL, ContentType: resp.ContentType})
	if err != nil {
		return nil, err
	}
	a := pg.Article
	a.Text = ingest.Normalize(a.Text)
	a.Title = ingest.Normalize(a.Title)
	a.Byline = pg.Byline
	a.Origin = it.Link
	if a.Title == "" {
		a.Title = it.Title
	}
	if a.Published == "" && !it.Published.IsZero() {
		a.Published = it.Published.Format("2006-01-02")
	}
	if a.Published == "" {
		a.Published = w.cfg.Date
	}
	return &a, nil
}

// permanent reports whether an item's failure will not change by trying
// again.
func permanent(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Code < 500
	}
	return errors.Is(err, errNoLink) || errors.Is(err, fetch.ErrContentType) || errors.Is(err, fetch.ErrTooLarge) ||
		errors.Is(err, fetch.ErrRobots) || errors.Is(err, fetch.ErrPrivate) || errors.Is(err, fetch.ErrRedirects) ||
		errors.Is(err, htmlpage.ErrNoText) || errors.Is(err, htmlpage.ErrTooLarge)
}
