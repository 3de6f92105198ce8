package main

import (
	"context"
	"fmt"
	"time"

	"github.com/sitrep-project/sitrep/docs"
)

func (m *Main) schema(_ context.Context, args []string) error {
	fs := newFlagSet(m, "schema", "", "Prints the documented output schema of 'sitrep extract' (docs/SCHEMA.md).")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	_, err := fmt.Fprint(m.Stdout, docs.Schema)
	return err
}

func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}
