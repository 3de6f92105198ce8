//go:build !linux

package learn

// hugePages does nothing: see huge_linux.go.
func hugePages[T any](s []T) {}
