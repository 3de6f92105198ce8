#!/bin/sh
# Vendors the web UI's front-end libraries from npm into
# internal/web/static/vendor/<package>/: the pinned packages are fetched
# with `npm pack` into a temporary directory and only the files the UI
# loads are copied, each with its license. The result is committed, so
# `go build` needs neither npm nor the network.
#
# Usage (from anywhere): sh scripts/webdeps/gen.sh
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/internal/web/static/vendor"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# package@version, one per line; keep in step with docs/DATA.md.
pkgs="leaflet@1.9.4
leaflet.markercluster@1.5.3
world-atlas@2.0.2
topojson-client@3.1.0
uplot@1.6.32"

(cd "$tmp" && npm pack --silent $pkgs >/dev/null)

# unpack NAME: extracts NAME-*.tgz into $tmp/NAME and prints its directory.
unpack() {
	mkdir -p "$tmp/$1"
	tar xzf "$tmp/$1"-[0-9]*.tgz -C "$tmp/$1"
	echo "$tmp/$1/package"
}

# put PKG SRC [DEST]: copies SRC into vendor/PKG/ (as DEST if given).
put() {
	mkdir -p "$out/$1/$(dirname "${3:-$(basename "$2")}")"
	cp "$2" "$out/$1/${3:-$(basename "$2")}"
}

rm -rf "$out"

p=$(unpack leaflet)
put leaflet "$p/LICENSE"
put leaflet "$p/dist/leaflet.js"
put leaflet "$p/dist/leaflet.css"
for img in "$p"/dist/images/*.png; do
	put leaflet "$img" "images/$(basename "$img")"
done

p=$(unpack leaflet.markercluster)
put leaflet.markercluster "$p/MIT-LICENCE.txt" LICENSE
put leaflet.markercluster "$p/dist/leaflet.markercluster.js"
put leaflet.markercluster "$p/dist/MarkerCluster.css"

p=$(unpack world-atlas)
put world-atlas "$p/LICENSE"
# 1:50m Natural Earth country outlines: readable down to city zoom levels
# at a fraction of the 1:10m size.
put world-atlas "$p/countries-50m.json"

p=$(unpack topojson-client)
put topojson-client "$p/LICENSE"
put topojson-client "$p/dist/topojson-client.min.js"

p=$(unpack uplot)
put uplot "$p/LICENSE"
put uplot "$p/dist/uPlot.iife.min.js"
put uplot "$p/dist/uPlot.min.css"

echo "webdeps: vendored into $out:"
(cd "$out" && find . -type f | sort)
