// Package webtest drives sitrep's web UI (internal/web) in a real headless
// Chromium through the Chrome DevTools protocol, against the HTTP API
// serving the sample articles.
//
// Input: the UI, the sample articles in examples/ and /usr/bin/chromium.
// Output: test results and PNG screenshots in $SITREP_ARTIFACTS. The
// package holds only tests; it is separate from internal/web so the UI
// package stays free of the browser driver.
package webtest
