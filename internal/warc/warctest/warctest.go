// Package warctest writes small WARC files for tests: records are built
// by hand, byte for byte as the WARC 1.1 standard lays them out, so tests
// of the reader do not depend on the library they test.
package warctest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
)

// Record returns one WARC record of the given type with a block.
func Record(typ, uri, contentType, block string, n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\n", typ)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n", n)
	b.WriteString("WARC-Date: 2024-05-16T10:00:00Z\r\n")
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", contentType, len(block), block)
	return b.Bytes()
}

// Response returns a WARC response record holding an HTTP response.
func Response(uri string, status int, contentType, body string, n int) []byte {
	h := fmt.Sprintf("HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", status, http.StatusText(status), contentType, len(body))
	return Record("response", uri, "application/http; msgtype=response", h+body, n)
}

// Request returns a WARC request record.
func Request(uri string, n int) []byte {
	return Record("request", uri, "application/http; msgtype=request", "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", n)
}

// Info returns a warcinfo record.
func Info(n int) []byte {
	return Record("warcinfo", "", "application/warc-fields", "software: sitrep-test\r\nformat: WARC File Format 1.1\r\n", n)
}

// Gzip compresses each record as its own gzip member, as .warc.gz files
// are written.
func Gzip(records ...[]byte) []byte {
	var b bytes.Buffer
	for _, r := range records {
		zw := gzip.NewWriter(&b)
		zw.Write(r)
		zw.Close()
	}
	return b.Bytes()
}
