package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
)

// figure is one headline number of an eval: a count or a measure (a
// rate, an F1, a distance).
type figure struct {
	key     string
	value   float64
	isCount bool
}

// count is a figure that is a whole number.
func count(key string, n int) figure { return figure{key: key, value: float64(n), isCount: true} }

// measure is a figure with decimals.
func measure(key string, v float64) figure { return figure{key: key, value: v} }

// figures are an eval's headline numbers in a fixed order. Every 'sitrep
// eval KIND' ends its human-readable report with them as one line of
// key=value pairs and, with --json, prints them instead as one JSON
// object with the same keys and values (docs/EVAL.md).
type figures []figure

// format renders a value as both forms write it: measures with three
// decimals, counts as whole numbers; NaN and infinities as null.
func (f figure) format() string {
	switch {
	case math.IsNaN(f.value) || math.IsInf(f.value, 0):
		return "null"
	case f.isCount:
		return strconv.FormatFloat(f.value, 'f', 0, 64)
	default:
		return strconv.FormatFloat(f.value, 'f', 3, 64)
	}
}

// String is the key=value line.
func (fs figures) String() string {
	var b bytes.Buffer
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f.key)
		b.WriteByte('=')
		b.WriteString(f.format())
	}
	return b.String()
}

// MarshalJSON writes one object, keys in order.
func (fs figures) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range fs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(f.key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.WriteString(f.format())
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// printEval writes an eval's result: with asJSON the figures as one JSON
// object, else the human-readable report followed by the key=value line.
func printEval(w io.Writer, asJSON bool, figs figures, report func(io.Writer)) error {
	if asJSON {
		b, err := json.Marshal(figs)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		_, err = fmt.Fprintf(w, "%s\n", b)
		return err
	}
	report(w)
	_, err := fmt.Fprintln(w, figs)
	return err
}
