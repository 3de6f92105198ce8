package sitreptest

import "context"

// Countdown is a context that is done after its Err was asked N times:
// tests use it to cancel a stage in the middle of its work, at every
// point where the stage checks its context.
type Countdown struct {
	context.Context
	N int
}

// Err returns nil N times, then context.Canceled.
func (c *Countdown) Err() error {
	if c.N <= 0 {
		return context.Canceled
	}
	c.N--
	return nil
}
