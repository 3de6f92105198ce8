package main

import (
	"flag"
	"fmt"
	"log/slog"

	"github.com/sitrep-project/sitrep/internal/alert"
	"github.com/sitrep-project/sitrep/internal/store"
)

// alertFlags are the flags of commands that fire alert rules on what
// they store.
type alertFlags struct {
	rules, deliveries string
}

func (f *alertFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.rules, "alerts", "", "alert rules `FILE` (JSON, see docs/SOURCES.md): webhooks or files told of new events that match")
	fs.StringVar(&f.deliveries, "deliveries", "", "`FILE` recording the alerts sent, so none is sent twice (default: the rules file + .sent)")
}

// open returns the notifier of the rules, or nil without rules.
func (f *alertFlags) open(st store.Store, m *Main) (*alert.Notifier, error) {
	if f.rules == "" {
		return nil, nil
	}
	cfg, err := alert.Load(f.rules)
	if err != nil {
		return nil, fmt.Errorf("%w: --alerts: %v", errUsage, err)
	}
	d := f.deliveries
	if d == "" {
		d = f.rules + ".sent"
	}
	n, err := alert.New(cfg, st, alert.Options{DeliveriesPath: d, Log: slog.New(slog.NewTextHandler(m.Stderr, nil))})
	if err != nil {
		return nil, fmt.Errorf("%w: --alerts: %v", errUsage, err)
	}
	return n, nil
}
