package learn

import (
	"syscall"
	"unsafe"
)

// hugePages asks the kernel to back the whole 2 MB pages within s with
// huge pages. A large model's tables are read at random, so with 4 KB
// pages most lookups also miss the TLB, and a page walk costs about as
// much as the cache miss (more in a virtual machine). Where transparent
// huge pages are given on request only ("madvise", a common default),
// nothing else asks for them. It must be called before s is first
// written, while its pages are not yet mapped; it is advice, and a
// failure changes nothing but speed.
func hugePages[T any](s []T) {
	const huge = 2 << 20
	size := uintptr(len(s)) * unsafe.Sizeof(*new(T))
	if size < huge {
		return
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	start := (p + huge - 1) &^ (huge - 1)
	end := (p + size) &^ (huge - 1)
	if start < end {
		b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), size)
		syscall.Madvise(b[start-p:end-p], syscall.MADV_HUGEPAGE)
	}
}
