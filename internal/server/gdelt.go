package server

import (
	"hash/fnv"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
)

// gdeltColumns are the 61 columns of the GDELT 2.0 event table
// (export.CSV), in order. The files have no header row; the names are
// here for tests and documentation (docs/EXPORTS.md maps each one).
var gdeltColumns = [...]string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// GDELT geographic resolution types.
const (
	geoNone      = 0
	geoCountry   = 1
	geoUSState   = 2
	geoUSCity    = 3
	geoWorldCity = 4
	geoWorldADM1 = 5
)

type gdeltWriter struct {
	w   io.Writer
	row []string
	buf []byte
	// seen holds the linked events written: the event table has one row
	// per linked event, its other mentions go to the mentions table.
	seen map[string]bool
}

func newGDELTWriter(w io.Writer) eventWriter {
	return &gdeltWriter{w: w, row: make([]string, 0, len(gdeltColumns)), seen: map[string]bool{}}
}

func (g *gdeltWriter) begin() error { return nil } // GDELT files have no header
func (g *gdeltWriter) end() error   { return nil }

func (g *gdeltWriter) write(ev *store.EventRecord, art *articleMeta) error {
	if l := ev.Link; l != nil {
		if g.seen[l.LinkedEvent] {
			return nil
		}
		g.seen[l.LinkedEvent] = true
	}
	g.row = gdeltRow(g.row[:0], ev, art)
	return writeTSV(g.w, &g.buf, g.row)
}

// writeTSV writes one row of tab-separated fields.
func writeTSV(w io.Writer, buf *[]byte, row []string) error {
	b := (*buf)[:0]
	for i, f := range row {
		if i > 0 {
			b = append(b, '\t')
		}
		b = append(b, f...)
	}
	b = append(b, '\n')
	*buf = b
	_, err := w.Write(b)
	return err
}

// gdeltEventID is GLOBALEVENTID: of the linked event when the mention was
// linked, else of the event.
func gdeltEventID(ev *store.EventRecord) int64 {
	if ev.Link != nil {
		return gdeltID(ev.Link.LinkedEvent)
	}
	return gdeltID(ev.ID)
}

// gdeltRow appends the 61 fields of ev to r.
func gdeltRow(r []string, ev *store.EventRecord, art *articleMeta) []string {
	date, hasDate := parseEventDate(ev.Date)
	r = append(r, strconv.FormatInt(gdeltEventID(ev), 10))
	if hasDate {
		y, m, d := date.Date()
		r = append(r, date.Format("20060102"), date.Format("200601"), strconv.Itoa(y),
			strconv.FormatFloat(float64(y)+float64(int(m)*30+d)/365, 'f', 4, 64))
	} else {
		r = append(r, "", "", "", "")
	}
	r = gdeltActor(r, &ev.Source)
	r = gdeltActor(r, ev.Target)

	root := "0"
	if art != nil && art.LeadEnd >= 0 && ev.Evidence.Start < art.LeadEnd {
		root = "1"
	}
	base := ev.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	r = append(r, root, ev.CAMEO, base, ev.Root, strconv.Itoa(ev.QuadClass), formatFloat(ev.Goldstein),
		"1", "1", "1", // an event linking left alone: one mention, one article, one source
		"") // AvgTone: sitrep measures no tone
	if l := ev.Link; l != nil {
		n := len(r) - 4
		r[n], r[n+1], r[n+2] = strconv.Itoa(l.NumMentions), strconv.Itoa(l.NumSources), strconv.Itoa(l.NumArticles)
	}

	// sitrep places the event, not each actor.
	r = gdeltGeo(r, nil, nil)
	r = gdeltGeo(r, nil, nil)
	r = gdeltGeo(r, ev.Location, art.place(ev.Location))

	added := ""
	if art != nil {
		if t, ok := parseEventDate(art.Published); ok {
			added = t.Format("20060102") + "000000"
		}
	}
	if added == "" && hasDate {
		added = date.Format("20060102") + "000000"
	}
	src := ev.ArticleID
	if art != nil && art.URL != "" {
		src = art.URL
	}
	return append(r, added, tsvField(src))
}

// gdeltID is the event id when it is a decimal integer, else a 63-bit
// FNV-1a hash of it: GLOBALEVENTID is an integer column.
func gdeltID(id string) int64 {
	if n, err := strconv.ParseInt(id, 10, 64); err == nil && n >= 0 {
		return n
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return int64(h.Sum64() &^ (1 << 63))
}

// parseEventDate reads the dates sitrep writes (YYYY-MM-DD, YYYY-MM,
// YYYY-Www, YYYY-Qn, YYYY, 201X, ...) as the first day they cover, the
// day the stores sort and filter by.
func parseEventDate(s string) (time.Time, bool) {
	day := store.Day(s)
	if day == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, day)
	return t, err == nil
}

// CAMEO actor code parts. A code is a sequence of three-letter parts: a
// country (or "---"), or an international-group prefix followed by the
// group; then roles, religions and ethnic groups.
var (
	groupPrefixes = map[string]bool{"IGO": true, "NGO": true, "NGM": true, "IMG": true, "MNC": true, "INT": true}
	religionCodes = map[string]bool{
		"ADR": true, "ALE": true, "ATH": true, "BAH": true, "BUD": true, "CHR": true, "CON": true,
		"CPT": true, "CTH": true, "DOX": true, "DRZ": true, "HIN": true, "HSD": true, "ITR": true,
		"JAI": true, "JEW": true, "MOS": true, "PAG": true, "PRO": true, "SFI": true, "SHI": true,
		"SHN": true, "SIK": true, "SUN": true, "TAO": true, "UDO": true, "ZRO": true,
	}
	roleCodes = map[string]bool{
		"COP": true, "GOV": true, "INS": true, "JUD": true, "MIL": true, "OPP": true, "REB": true,
		"SEP": true, "SPY": true, "UAF": true, "AGR": true, "BUS": true, "CRM": true, "CVL": true,
		"DEV": true, "EDU": true, "ELI": true, "ENV": true, "HLH": true, "HRI": true, "LAB": true,
		"LEG": true, "MED": true, "MOD": true, "RAD": true, "REF": true, "SET": true, "PTY": true,
		"UIS": true, "IGO": true, "NGO": true, "NGM": true, "IMG": true, "MNC": true, "INT": true,
	}
)

// gdeltActor appends the 10 actor fields: Code, Name, CountryCode,
// KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code,
// Type2Code, Type3Code.
func gdeltActor(r []string, a *sitrep.EventActor) []string {
	if a == nil {
		return append(r, "", "", "", "", "", "", "", "", "", "")
	}
	code := strings.ToUpper(a.Actor)
	var country, group string
	var rel, types []string
	for i := 0; i+3 <= len(code); i += 3 {
		part := code[i : i+3]
		switch {
		case i == 0 && part == "---":
		case i == 0 && groupPrefixes[part]:
			types = append(types, part)
			if i+6 <= len(code) && !roleCodes[code[3:6]] && !religionCodes[code[3:6]] {
				group = code[3:6]
				i += 3
			}
		case i == 0:
			country = part
		case religionCodes[part]:
			rel = append(rel, part)
		case roleCodes[part]:
			types = append(types, part)
		case group == "":
			group = part
		default:
			types = append(types, part)
		}
	}
	name := a.Name
	if name == "" {
		name = a.Text
	}
	r = append(r, tsvField(code), tsvField(strings.ToUpper(name)), country, group, "")
	r = append(r, nth(rel, 0), nth(rel, 1))
	return append(r, nth(types, 0), nth(types, 1), nth(types, 2))
}

func nth(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// gdeltGeo appends the 8 geography fields: Type, FullName, CountryCode,
// ADM1Code, ADM2Code, Lat, Long, FeatureID.
func gdeltGeo(r []string, loc *sitrep.Location, pl *sitrep.Place) []string {
	if !located(loc) {
		return append(r, strconv.Itoa(geoNone), "", "", "", "", "", "", "")
	}
	us := loc.Country == "US"
	typ, feature := geoWorldCity, ""
	if us {
		typ = geoUSCity
	}
	full := loc.Name
	if pl != nil {
		switch pl.Resolution {
		case "country", "region":
			typ, feature = geoCountry, loc.Country
		case "admin1":
			typ = geoWorldADM1
			if us {
				typ = geoUSState
			}
		}
		if pl.Admin1 != "" && pl.Admin1 != loc.Name && typ != geoCountry {
			full += ", " + pl.Admin1
		}
		if pl.GeonameID != 0 && typ != geoCountry {
			feature = strconv.Itoa(pl.GeonameID)
		}
	}
	if loc.Country != "" && typ != geoCountry {
		full += ", " + loc.Country
	}
	// sitrep keeps admin1 names, not codes: ADM1Code holds the country alone.
	return append(r, strconv.Itoa(typ), tsvField(full), loc.Country, loc.Country, "",
		strconv.FormatFloat(loc.Lat, 'f', 4, 64), strconv.FormatFloat(loc.Lon, 'f', 4, 64), feature)
}

// tsvField keeps a value on one line and in one column.
func tsvField(s string) string {
	if strings.ContainsAny(s, "\t\r\n") {
		return strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
	}
	return s
}

// --- GDELT 2.0 mentions table ---

// gdeltMentionColumns are the 16 columns of GDELT 2.0's mentions file.
var gdeltMentionColumns = []string{
	"GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
	"SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
	"MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
}

type gdeltMentionsWriter struct {
	w   io.Writer
	row []string
	buf []byte
}

func newGDELTMentionsWriter(w io.Writer) eventWriter {
	return &gdeltMentionsWriter{w: w, row: make([]string, 0, len(gdeltMentionColumns))}
}

func (g *gdeltMentionsWriter) begin() error { return nil }
func (g *gdeltMentionsWriter) end() error   { return nil }

// write writes one mention: every event row is a mention, of its linked
// event when linking joined it to one.
func (g *gdeltMentionsWriter) write(ev *store.EventRecord, art *articleMeta) error {
	stamp := func(date string) string {
		if t, ok := parseEventDate(date); ok {
			return t.Format("20060102") + "000000"
		}
		return ""
	}
	published, source, ident, docLen := "", "", ev.ArticleID, ""
	if art != nil {
		published, source = art.Published, art.Source
		if art.URL != "" {
			ident = art.URL
		}
		if art.TextLen > 0 {
			docLen = strconv.Itoa(art.TextLen)
		}
	}
	target := "-1"
	if ev.Target != nil {
		target = strconv.Itoa(ev.Target.Start)
	}
	sentence := "" // unknown: stored before sentences were numbered
	if n := ev.Evidence.SentenceNum; n > 0 {
		sentence = strconv.Itoa(n)
	}
	r := append(g.row[:0], strconv.FormatInt(gdeltEventID(ev), 10), stamp(ev.Date), stamp(published),
		"1", tsvField(source), tsvField(ident),
		sentence, strconv.Itoa(ev.Source.Start), target, strconv.Itoa(ev.Evidence.Trigger.Start), "1",
		strconv.Itoa(int(math.Round(100*ev.Confidence))), docLen, "", "", "")
	g.row = r
	return writeTSV(g.w, &g.buf, r)
}
