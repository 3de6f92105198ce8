package worker

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/sitrep-project/sitrep/internal/cluster"
	"github.com/sitrep-project/sitrep/internal/store"
)

// LeaseName is the name of the store lease held by the worker that links.
const LeaseName = "link"

// linker keeps the situations of a shared store up to date. One worker at
// a time links: the one holding the store's lease LeaseName. It reads the
// articles that other workers stored back from the store, so linking
// sees every article once whoever extracted it, and it writes through
// the lease, so that a worker that lost the lease cannot overwrite the
// next holder's work.
//
// Linking depends on the order articles are added in. While articles
// keep coming, the linker adds them as they are stored; once the queue
// is settled (nothing waiting, nothing in flight), if they were not added
// in the store's linking order (publication date, then id) or some
// changed, it links them all again in that order, reusing the results it
// holds. So the situations of a settled queue are those of linking the
// store's articles in one process ('sitrep situations --db'), whatever
// the number of workers, crashes and deliveries again.
type linker struct {
	st     store.Store
	leaser store.Leaser
	log    *slog.Logger

	lease store.Lease
	c     *cluster.Clusterer
	// held are the articles added to c, in the order added.
	held []storedArticle
	// canonical is true when held is in the store's linking order.
	canonical bool
	// linkedAt is the store version of the last link (-1: none).
	linkedAt int64
}

type storedArticle struct{ id, hash string }

// step links if this worker holds the lease or can take it, and the
// store changed since its last link (or, once settled, if the articles
// were linked out of order). It reports whether it wrote situations.
func (l *linker) step(ctx context.Context, settled bool) (bool, error) {
	if l.lease == nil {
		lease, err := l.leaser.TryLease(ctx, LeaseName)
		if err != nil || lease == nil {
			return false, err
		}
		l.lease, l.c, l.held, l.linkedAt = lease, nil, nil, -1
		l.log.Info("linking lease taken: this worker links")
	}
	v := int64(-2) // without versions: link every time
	if vs, ok := l.st.(store.Versioner); ok {
		var err error
		if v, err = vs.Version(ctx); err != nil {
			return false, fmt.Errorf("link: %w", err)
		}
	}
	if v == l.linkedAt && (l.canonical || !settled) {
		return false, nil
	}
	var all []storedArticle
	if err := l.lease.Articles(ctx, func(id, hash string) error {
		all = append(all, storedArticle{id, hash})
		return nil
	}); err != nil {
		return false, l.lost(ctx, err)
	}
	if err := l.update(ctx, all, settled); err != nil {
		return false, err
	}
	if err := l.lease.PutSituations(ctx, l.c.Snapshot()); err != nil {
		return false, l.lost(ctx, err)
	}
	l.linkedAt = v
	return true, nil
}

// update adds what the store holds and c does not, in the store's order
// when it can, or links everything again in that order.
func (l *linker) update(ctx context.Context, all []storedArticle, settled bool) error {
	prefix := len(l.held) <= len(all)
	for i := 0; prefix && i < len(l.held); i++ {
		prefix = l.held[i] == all[i]
	}
	switch {
	case l.c != nil && prefix:
		l.canonical = true
		return l.add(ctx, nil, all[len(l.held):])
	case l.c == nil || settled:
		old := l.c
		reuse := make(map[storedArticle]bool, len(l.held))
		for _, a := range l.held {
			reuse[a] = true
		}
		l.c, l.held, l.canonical = cluster.New(cluster.DefaultConfig()), l.held[:0:0], true
		return l.add(ctx, func(a storedArticle) *cluster.Clusterer {
			if reuse[a] {
				return old
			}
			return nil
		}, all)
	default:
		have := make(map[string]bool, len(l.held))
		for _, a := range l.held {
			have[a.id] = true
		}
		var todo []storedArticle
		for _, a := range all {
			if !have[a.id] {
				todo = append(todo, a)
			}
		}
		l.canonical = false
		return l.add(ctx, nil, todo)
	}
}

// add adds articles to c, taking each one's result from the clusterer
// from returns, or else from the store.
func (l *linker) add(ctx context.Context, from func(storedArticle) *cluster.Clusterer, as []storedArticle) error {
	for _, a := range as {
		var c *cluster.Clusterer
		if from != nil {
			c = from(a)
		}
		if c != nil {
			l.c.Add(c.Result(a.id))
		} else {
			res, err := l.st.Article(ctx, a.id)
			if err != nil {
				return fmt.Errorf("link: %w", err)
			}
			l.c.Add(res)
		}
		l.held = append(l.held, a)
	}
	return nil
}

// lost gives the lease up after a failure on its connection: another
// worker, or this one later, takes it and links from the store.
func (l *linker) lost(ctx context.Context, err error) error {
	l.release(ctx)
	return fmt.Errorf("link (lease given up): %w", err)
}

func (l *linker) release(ctx context.Context) {
	if l.lease == nil {
		return
	}
	if err := l.lease.Release(context.WithoutCancel(ctx)); err != nil {
		l.log.Warn("release the linking lease", "err", err)
	}
	l.lease, l.c, l.held = nil, nil, nil
}
