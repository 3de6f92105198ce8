package server

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
)

// export fetches an export and checks its headers.
func export(t *testing.T, srv *httptest.Server, query, wantType, wantExt string) []byte {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + "/api/export?" + query)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: read: %v", query, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: status %d: %s", query, resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != wantType {
		t.Errorf("%s: Content-Type %q, want %q", query, ct, wantType)
	}
	want := `attachment; filename="sitrep-events-20261124T120000Z.` + wantExt + `"`
	if cd := resp.Header.Get("Content-Disposition"); cd != want {
		t.Errorf("%s: Content-Disposition %q, want %q", query, cd, want)
	}
	return body
}

// allIDs lists the ids of the events matching query through the API.
func allIDs(t *testing.T, srv *httptest.Server, query string) []string {
	var got eventsResponse
	get(t, srv, "/api/events?limit=1000&"+query, &got)
	return eventIDs(got.Events)
}

func TestExportCSV(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		body := export(t, srv, "format=csv", "text/csv; charset=utf-8", "csv")
		rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatalf("CSV does not parse: %v", err)
		}
		if !slices.Equal(rows[0], csvHeader) {
			t.Errorf("header %v", rows[0])
		}
		col := map[string]int{}
		for i, name := range rows[0] {
			col[name] = i
		}
		var ids []string
		for _, r := range rows[1:] {
			ids = append(ids, r[col["id"]])
			if q, err := strconv.Atoi(r[col["quad_class"]]); err != nil || q < 1 || q > 4 {
				t.Errorf("quad_class %q", r[col["quad_class"]])
			}
			if _, err := strconv.ParseFloat(r[col["goldstein"]], 64); err != nil {
				t.Errorf("goldstein %q", r[col["goldstein"]])
			}
			for _, c := range []string{"location_lat", "location_lon"} {
				if v := r[col[c]]; v != "" {
					if _, err := strconv.ParseFloat(v, 64); err != nil {
						t.Errorf("%s %q", c, v)
					}
				}
			}
			for _, c := range []string{"sentence_start", "sentence_end", "trigger_start", "trigger_end"} {
				if _, err := strconv.Atoi(r[col[c]]); err != nil {
					t.Errorf("%s %q", c, r[col[c]])
				}
			}
		}
		if want := allIDs(t, srv, ""); !slices.Equal(ids, want) {
			t.Errorf("rows %v, want %v", ids, want)
		}
		// Quotes, tabs, newlines and markup survive the round trip.
		fx := fixture()
		r := rows[slices.Index(ids, "kabul-1:2")+1]
		if r[col["sentence"]] != fx[0].Events[2].Evidence.Sentence || r[col["source_text"]] != "The \"US\"\tembassy" {
			t.Errorf("text fields %q / %q", r[col["sentence"]], r[col["source_text"]])
		}
		if r[col["target_actor"]] != "AFGCOP" || r[col["location_lat"]] != "" {
			t.Errorf("target/location %v", r)
		}
		if r[col["confidence"]] != "0.75" || rows[slices.Index(ids, "us-3:0")+1][col["confidence"]] != "0" {
			t.Errorf("confidence %q, want 0.75 (and 0 for us-3:0)", r[col["confidence"]])
		}
	})
}

func TestExportJSONL(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st, WithExportPageSize(2))
		for _, q := range []string{"", "quad=4", "country=ZZ", "min_confidence=0.5", "sort=confidence", "sort=confidence&min_confidence=0.1"} {
			body := export(t, srv, "format=jsonl&"+q, "application/x-ndjson", "jsonl")
			var ids []string
			sc := bufio.NewScanner(bytes.NewReader(body))
			for sc.Scan() {
				var ev store.EventRecord
				if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
					t.Fatalf("line %q: %v", sc.Text(), err)
				}
				if ev.ID == "" || ev.ArticleID == "" || ev.CAMEO == "" {
					t.Errorf("incomplete event %q", sc.Text())
				}
				ids = append(ids, ev.ID)
			}
			if want := allIDs(t, srv, q); !slices.Equal(ids, want) {
				t.Errorf("%q: exported %v, want %v", q, ids, want)
			}
		}
	})
}

func TestExportPagesThroughStore(t *testing.T) {
	st := newMemStore(fixture()...)
	srv := newTestServer(t, st, WithExportPageSize(4))
	export(t, srv, "format=jsonl", "application/x-ndjson", "jsonl")
	if len(st.queries) != 2 || st.queries[0].Limit != 4 || st.queries[0].Cursor != "" || st.queries[1].Cursor != "4" {
		t.Errorf("store queries %+v", st.queries)
	}
}

func TestExportFailureBeforeFirstByteIs500(t *testing.T) {
	st := newMemStore(fixture()...)
	st.failEvents = 2
	srv := newTestServer(t, st, WithExportPageSize(2))
	var got apiError
	resp := get(t, srv, "/api/export?format=csv", &got)
	if resp.StatusCode != http.StatusInternalServerError || resp.Header.Get("Content-Disposition") != "" {
		t.Errorf("status %d, headers %v", resp.StatusCode, resp.Header)
	}
}

func TestExportFailureMidStreamCutsConnection(t *testing.T) {
	// Enough events to flush the 64 KiB buffer before the store fails.
	var results []*sitrep.Result
	for i := range 400 {
		r := fixture()[0]
		r.Article.ID = "a" + strconv.Itoa(i)
		results = append(results, r)
	}
	st := newMemStore(results...)
	st.failEvents = 3
	srv := newTestServer(t, st, WithExportPageSize(500))
	resp, err := srv.Client().Get(srv.URL + "/api/export?format=jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); err == nil {
		t.Error("truncated export read as complete")
	}
}

// checkGeoJSON validates a FeatureCollection of Point features against the
// rules of RFC 7946 that apply to it and returns the feature ids.
func checkGeoJSON(t *testing.T, body []byte) []string {
	t.Helper()
	var fc map[string]json.RawMessage
	if err := json.Unmarshal(body, &fc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if string(fc["type"]) != `"FeatureCollection"` {
		t.Errorf("type %s", fc["type"])
	}
	if _, ok := fc["crs"]; ok {
		t.Error("RFC 7946 §4: no crs member")
	}
	var feats []map[string]json.RawMessage
	if err := json.Unmarshal(fc["features"], &feats); err != nil || feats == nil {
		t.Fatalf("features %s: %v", fc["features"], err)
	}
	var ids []string
	for i, f := range feats {
		if string(f["type"]) != `"Feature"` {
			t.Errorf("feature %d: type %s", i, f["type"])
		}
		for _, k := range []string{"geometry", "properties"} {
			if _, ok := f[k]; !ok {
				t.Errorf("feature %d: no %s member (§3.2)", i, k)
			}
		}
		var id any
		if err := json.Unmarshal(f["id"], &id); err == nil {
			switch v := id.(type) {
			case string:
				ids = append(ids, v)
			case float64:
			default:
				t.Errorf("feature %d: id %v is neither string nor number (§3.2)", i, id)
			}
		}
		var props map[string]any
		if err := json.Unmarshal(f["properties"], &props); err != nil {
			t.Errorf("feature %d: properties not an object: %v", i, err)
		}
		var g struct {
			Type        string    `json:"type"`
			Coordinates []float64 `json:"coordinates"`
		}
		if err := json.Unmarshal(f["geometry"], &g); err != nil {
			t.Errorf("feature %d: geometry: %v", i, err)
			continue
		}
		if g.Type != "Point" || len(g.Coordinates) < 2 || len(g.Coordinates) > 3 {
			t.Errorf("feature %d: geometry %+v", i, g)
			continue
		}
		lon, lat := g.Coordinates[0], g.Coordinates[1]
		if lon < -180 || lon > 180 || lat < -90 || lat > 90 {
			t.Errorf("feature %d: position %v out of range (§3.1.1: longitude, latitude)", i, g.Coordinates)
		}
		// Longitude first: the event's own location must agree.
		if loc, ok := props["location"].(map[string]any); ok {
			if loc["lon"] != lon || loc["lat"] != lat {
				t.Errorf("feature %d: coordinates %v but location %v", i, g.Coordinates, loc)
			}
		} else {
			t.Errorf("feature %d: properties have no location", i)
		}
	}
	return ids
}

func TestExportGeoJSON(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st, WithExportPageSize(2))
		body := export(t, srv, "format=geojson", "application/geo+json", "geojson")
		ids := checkGeoJSON(t, body)
		// Every located event, in order: kabul-1:2 has no location.
		want := []string{"iraq-2:1", "iraq-2:0", "kabul-1:1", "kabul-1:0", "us-3:0"}
		if !slices.Equal(ids, want) {
			t.Errorf("features %v, want %v", ids, want)
		}
		if !bytes.Contains(body, []byte(`"coordinates":[69.1723,34.5281]`)) {
			t.Error("Kabul not at [lon, lat]")
		}
		if !bytes.Contains(body, []byte(`"confidence":0.9}`)) {
			t.Error("kabul-1:0 has no confidence 0.9 among its properties")
		}
		empty := export(t, srv, "format=geojson&country=ZZ", "application/geo+json", "geojson")
		if ids := checkGeoJSON(t, empty); len(ids) != 0 {
			t.Errorf("empty export has features %v", ids)
		}
	})
}

func TestExportPLOVER(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		body := export(t, srv, "format=plover", "application/x-ndjson", "plover.jsonl")
		recs := map[string]ploverRecord{}
		var order []string
		sc := bufio.NewScanner(bytes.NewReader(body))
		for sc.Scan() {
			var r ploverRecord
			dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil {
				t.Fatalf("%q: %v", sc.Text(), err)
			}
			if r.EventType == "" || len(r.Actor) != 1 || r.Recipient == nil || r.EventDate == "" || r.EventText == "" {
				t.Errorf("incomplete record %q", sc.Text())
			}
			recs[r.ID] = r
			order = append(order, r.ID)
		}
		if want := allIDs(t, srv, ""); !slices.Equal(order, want) {
			t.Errorf("records %v, want %v", order, want)
		}
		r := recs["kabul-1:1"]
		if r.EventType != "COERCE" || r.Mode != "arrest" || !slices.Equal(r.Context, []string{"legal"}) ||
			r.Actor[0].Code != "AFGCOP" || len(r.Recipient) != 1 || r.Recipient[0].Code != "AFGCVL" || r.Recipient[0].Text != "protesters" ||
			r.TextInfo.Sentence != (sitrep.Span{Start: 41, End: 85}) || r.EventLoc == nil || r.EventLoc.GeonameID != 1138958 ||
			r.Source == nil || r.Source.URL != "https://example.org/kabul-1" {
			t.Errorf("kabul-1:1: %+v", r)
		}
		if r.Confidence != 0.4 {
			t.Errorf("kabul-1:1 confidence %v, want 0.4", r.Confidence)
		}
		if r := recs["kabul-1:2"]; r.EventLoc != nil || r.Context != nil {
			t.Errorf("kabul-1:2: loc %+v context %v", r.EventLoc, r.Context)
		}
		// Statements (root 01) have no PLOVER type and no record.
		ev := store.EventRecord{ID: "x", Event: sitrep.Event{CAMEO: "010", Root: "01"}}
		if _, ok := toPLOVER(&ev, nil); ok {
			t.Error("root 01 event converted to PLOVER")
		}
	})
}

func TestGDELTColumns(t *testing.T) {
	if len(gdeltColumns) != 61 {
		t.Fatalf("%d GDELT columns, want 61", len(gdeltColumns))
	}
	seen := map[string]bool{}
	for _, c := range gdeltColumns {
		if seen[c] {
			t.Errorf("duplicate column %s", c)
		}
		seen[c] = true
	}
	if gdeltColumns[0] != "GLOBALEVENTID" || gdeltColumns[26] != "EventCode" || gdeltColumns[51] != "ActionGeo_Type" || gdeltColumns[60] != "SOURCEURL" {
		t.Error("columns out of order")
	}
}

var (
	reDigits = regexp.MustCompile(`^[0-9]+$`)
	reCAMEO  = regexp.MustCompile(`^[0-9]{2,4}$`)
	reCode   = regexp.MustCompile(`^([A-Z-]{3})*$`)
)

// checkGDELT checks every row has the 61 columns and that typed columns
// parse, and returns the rows as maps from column name to value.
func checkGDELT(t *testing.T, body []byte) []map[string]string {
	t.Helper()
	if !bytes.HasSuffix(body, []byte("\n")) && len(body) > 0 {
		t.Error("last row not terminated")
	}
	var rows []map[string]string
	for n, line := range strings.Split(strings.TrimSuffix(string(body), "\n"), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 61 {
			t.Fatalf("row %d has %d fields, want 61: %q", n, len(f), line)
		}
		row := map[string]string{}
		for i, c := range gdeltColumns {
			row[c] = f[i]
		}
		intCol := func(c string, lo, hi int64, nullable bool) {
			if row[c] == "" && nullable {
				return
			}
			v, err := strconv.ParseInt(row[c], 10, 64)
			if err != nil || v < lo || v > hi {
				t.Errorf("row %d: %s %q not an integer in [%d, %d]", n, c, row[c], lo, hi)
			}
		}
		floatCol := func(c string, lo, hi float64) {
			if row[c] == "" {
				return
			}
			v, err := strconv.ParseFloat(row[c], 64)
			if err != nil || v < lo || v > hi {
				t.Errorf("row %d: %s %q not a number in [%v, %v]", n, c, row[c], lo, hi)
			}
		}
		intCol("GLOBALEVENTID", 0, 1<<63-1, false)
		intCol("SQLDATE", 19000101, 21001231, false)
		intCol("MonthYear", 190001, 210012, false)
		intCol("Year", 1900, 2100, false)
		floatCol("FractionDate", 1900, 2101)
		intCol("IsRootEvent", 0, 1, false)
		intCol("QuadClass", 1, 4, false)
		floatCol("GoldsteinScale", -10, 10)
		for _, c := range []string{"NumMentions", "NumSources", "NumArticles"} {
			intCol(c, 1, 1<<31, false)
		}
		floatCol("AvgTone", -100, 100)
		for _, g := range []string{"Actor1Geo", "Actor2Geo", "ActionGeo"} {
			intCol(g+"_Type", 0, 5, false)
			floatCol(g+"_Lat", -90, 90)
			floatCol(g+"_Long", -180, 180)
			if row[g+"_Type"] != "0" && (row[g+"_Lat"] == "" || row[g+"_Long"] == "") {
				t.Errorf("row %d: %s located without coordinates", n, g)
			}
		}
		if !reDigits.MatchString(row["DATEADDED"]) || len(row["DATEADDED"]) != 14 {
			t.Errorf("row %d: DATEADDED %q", n, row["DATEADDED"])
		}
		for _, c := range []string{"EventCode", "EventBaseCode", "EventRootCode"} {
			if !reCAMEO.MatchString(row[c]) {
				t.Errorf("row %d: %s %q", n, c, row[c])
			}
		}
		for _, c := range []string{"Actor1Code", "Actor2Code"} {
			if !reCode.MatchString(row[c]) {
				t.Errorf("row %d: %s %q", n, c, row[c])
			}
		}
		if !strings.HasPrefix(row["EventCode"], row["EventBaseCode"]) || !strings.HasPrefix(row["EventBaseCode"], row["EventRootCode"]) {
			t.Errorf("row %d: codes %s %s %s", n, row["EventCode"], row["EventBaseCode"], row["EventRootCode"])
		}
		rows = append(rows, row)
	}
	return rows
}

func TestExportGDELT(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st, WithExportPageSize(2))
		body := export(t, srv, "format=gdelt", "text/tab-separated-values; charset=utf-8", "export.tsv")
		rows := checkGDELT(t, body)
		if len(rows) != 6 {
			t.Fatalf("%d rows, want 6", len(rows))
		}
		byCode := map[string]map[string]string{}
		for _, r := range rows {
			byCode[r["EventCode"]] = r
		}
		tests := []struct {
			code string
			want map[string]string
		}{
			{"141", map[string]string{
				"SQLDATE": "20240514", "MonthYear": "202405", "Year": "2024", "FractionDate": "2024.4493",
				"Actor1Code": "AFGCVL", "Actor1Name": "PROTESTERS", "Actor1CountryCode": "AFG", "Actor1Type1Code": "CVL",
				"Actor2Code": "", "IsRootEvent": "1", "EventBaseCode": "141", "EventRootCode": "14", "QuadClass": "4",
				"ActionGeo_Type": "4", "ActionGeo_FullName": "Kabul, AF", "ActionGeo_CountryCode": "AF", "ActionGeo_ADM1Code": "AF",
				"ActionGeo_Lat": "34.5281", "ActionGeo_Long": "69.1723", "ActionGeo_FeatureID": "1138958",
				"Actor1Geo_Type": "0", "Actor1Geo_Lat": "", "DATEADDED": "20240515000000", "SOURCEURL": "https://example.org/kabul-1",
			}},
			// Second paragraph: not a root event; the focus location has no
			// place index but is found by name.
			{"173", map[string]string{"IsRootEvent": "0", "Actor2Code": "AFGCVL", "Actor2Type1Code": "CVL", "ActionGeo_FeatureID": "1138958"}},
			{"112", map[string]string{"Actor1Name": `THE "US" EMBASSY`, "Actor1Type1Code": "GOV", "ActionGeo_Type": "0", "ActionGeo_FullName": ""}},
			{"138", map[string]string{
				"Actor1Code": "IGOUNOSHI", "Actor1CountryCode": "", "Actor1KnownGroupCode": "UNO", "Actor1Type1Code": "IGO",
				"Actor1Religion1Code": "SHI", "ActionGeo_FeatureID": "98182", "ActionGeo_ADM1Code": "IQ", "SOURCEURL": "iraq-2",
			}},
			{"036", map[string]string{
				"SQLDATE": "20231201", "Actor1CountryCode": "USA", "Actor1Type1Code": "", "Actor2Code": "---GOV", "Actor2CountryCode": "",
				"Actor2Type1Code": "GOV", "ActionGeo_Type": "3", "ActionGeo_FullName": "Washington, District of Columbia, US", "ActionGeo_Long": "-77.0364", "DATEADDED": "20231231000000",
			}},
		}
		for _, tt := range tests {
			r := byCode[tt.code]
			for c, want := range tt.want {
				if r[c] != want {
					t.Errorf("%s: %s = %q, want %q", tt.code, c, r[c], want)
				}
			}
		}
	})
}

func TestParseEventDate(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"2024-05-14", "2024-05-14"},
		{"2024-05", "2024-05-01"},
		{"2024", "2024-01-01"},
		{"2020-W01", "2019-12-30"},
		{"2024-W20", "2024-05-13"},
		{"2024-W54", ""},
		{"2019-Q4", "2019-10-01"},
		{"201X", "2010-01-01"},
		{"", ""},
		{"2024-13-01", ""},
	}
	for _, tt := range tests {
		got, ok := parseEventDate(tt.in)
		s := ""
		if ok {
			s = got.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("parseEventDate(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestGDELTID(t *testing.T) {
	if gdeltID("12345") != 12345 {
		t.Error("numeric id not kept")
	}
	a, b := gdeltID("kabul-1:0"), gdeltID("kabul-1:1")
	if a < 0 || b < 0 || a == b || a != gdeltID("kabul-1:0") {
		t.Errorf("hashed ids %d %d", a, b)
	}
}

func TestGDELTRowWithoutDate(t *testing.T) {
	ev := store.EventRecord{ID: "x:0", ArticleID: "x", Event: sitrep.Event{CAMEO: "0231", Root: "02", QuadClass: 1, Source: sitrep.EventActor{Actor: "GBR"}}}
	for _, art := range []*articleMeta{nil, {ID: "x", LeadEnd: -1}, {ID: "x", Published: "2005-03-01", LeadEnd: 10}} {
		r := gdeltRow(nil, &ev, art)
		if len(r) != 61 {
			t.Fatalf("%d fields", len(r))
		}
		want := ""
		if art != nil && art.Published != "" {
			want = "20050301000000"
		}
		if r[1] != "" || r[2] != "" || r[3] != "" || r[4] != "" || r[59] != want || r[25] != map[bool]string{true: "1", false: "0"}[art != nil && art.LeadEnd > 0] {
			t.Errorf("dates %q, DATEADDED %q, IsRootEvent %q", r[1:5], r[59], r[25])
		}
		if r[27] != "023" || r[28] != "02" {
			t.Errorf("codes %q", r[26:29])
		}
	}
}
