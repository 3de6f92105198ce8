package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"time"
)

//go:embed report.html.tmpl
var htmlTemplate string

// HTML writes the report as one self-contained HTML page: styles inline,
// the map and the timeline as inline SVG, nothing loaded from anywhere.
func (r *Report) HTML(w io.Writer) error {
	t, err := template.New("report").Funcs(template.FuncMap{
		"refs": func(refs []int) template.HTML {
			var sb strings.Builder
			for _, n := range refs {
				fmt.Fprintf(&sb, ` <a class="ref" href="#e%d">[%d]</a>`, n, n)
			}
			return template.HTML(sb.String())
		},
	}).Parse(htmlTemplate)
	if err != nil {
		return fmt.Errorf("report: template: %w", err)
	}
	data := struct {
		*Report
		Map, Chart template.HTML
	}{r, r.mapSVG(), r.timelineSVG()}
	if err := t.Execute(w, data); err != nil {
		return fmt.Errorf("report: html: %w", err)
	}
	return nil
}

// quadColors are the colours of the four QuadClasses (verbal and
// material cooperation, verbal and material conflict).
var quadColors = [5]string{"#888", "#2c7fb8", "#41ab5d", "#fd8d3c", "#d7301f"}

func quadColor(q int) string {
	if q < 1 || q > 4 {
		return quadColors[0]
	}
	return quadColors[q]
}

// mapSVG draws the places on an equirectangular frame around them, with
// a graticule for scale.
func (r *Report) mapSVG() template.HTML {
	if len(r.Places) == 0 {
		return ""
	}
	const w, h, pad = 640.0, 320.0, 40.0
	minLat, maxLat, minLon, maxLon := 90.0, -90.0, 180.0, -180.0
	for _, p := range r.Places {
		minLat, maxLat = math.Min(minLat, p.Lat), math.Max(maxLat, p.Lat)
		minLon, maxLon = math.Min(minLon, p.Lon), math.Max(maxLon, p.Lon)
	}
	// At least a degree around, and the frame's shape.
	span := math.Max(math.Max(maxLat-minLat, maxLon-minLon), 1)
	cLat, cLon := (minLat+maxLat)/2, (minLon+maxLon)/2
	dLon := span * 1.2
	dLat := dLon * (h - 2*pad) / (w - 2*pad)
	x := func(lon float64) float64 { return pad + (lon-(cLon-dLon/2))/dLon*(w-2*pad) }
	y := func(lat float64) float64 { return h - pad - (lat-(cLat-dLat/2))/dLat*(h-2*pad) }
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="map" viewBox="0 0 %.0f %.0f" role="img" aria-label="Map of the places">`, w, h)
	fmt.Fprintf(&sb, `<rect width="%.0f" height="%.0f" fill="#eef3f7"/>`, w, h)
	step := gridStep(dLon)
	for lon := math.Ceil((cLon-dLon/2)/step) * step; lon <= cLon+dLon/2; lon += step {
		fmt.Fprintf(&sb, `<line x1="%.1f" y1="0" x2="%.1f" y2="%.0f" stroke="#cdd8e0"/><text x="%.1f" y="%.0f" class="grid">%s</text>`,
			x(lon), x(lon), h, x(lon)+2, h-4, degrees(lon, "E", "W"))
	}
	for lat := math.Ceil((cLat-dLat/2)/step) * step; lat <= cLat+dLat/2; lat += step {
		fmt.Fprintf(&sb, `<line x1="0" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#cdd8e0"/><text x="4" y="%.1f" class="grid">%s</text>`,
			y(lat), w, y(lat), y(lat)-2, degrees(lat, "N", "S"))
	}
	for _, p := range r.Places {
		rad := 5 + 3*math.Sqrt(float64(p.Events))
		fmt.Fprintf(&sb, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="#d7301f" fill-opacity="0.6" stroke="#7f0000"><title>%s: %d events</title></circle>`,
			x(p.Lon), y(p.Lat), rad, template.HTMLEscapeString(p.Name), p.Events)
		fmt.Fprintf(&sb, `<text x="%.1f" y="%.1f" class="label">%s</text>`, x(p.Lon)+rad+3, y(p.Lat)+4, template.HTMLEscapeString(p.Name))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

func gridStep(span float64) float64 {
	for _, s := range []float64{0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 45} {
		if span/s <= 8 {
			return s
		}
	}
	return 90
}

func degrees(v float64, pos, neg string) string {
	h := pos
	if v < 0 {
		h, v = neg, -v
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".") + "°" + h
}

// timelineSVG draws one dot per dated event: time across, QuadClass down,
// the dot's size growing with its independent sources.
func (r *Report) timelineSVG() template.HTML {
	type pt struct {
		t   time.Time
		row Row
		n   int
	}
	var pts []pt
	var lo, hi time.Time
	for i, row := range r.Timeline {
		d, err := time.Parse("2006-01-02", firstDay(row.Date))
		if err != nil {
			continue
		}
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if d.After(hi) {
			hi = d
		}
		pts = append(pts, pt{d, row, i})
	}
	if len(pts) == 0 {
		return ""
	}
	const w, h, left, right, top, bottom = 640.0, 200.0, 130.0, 20.0, 16.0, 30.0
	lo, hi = lo.AddDate(0, 0, -1), hi.AddDate(0, 0, 1)
	days := hi.Sub(lo).Hours() / 24
	x := func(t time.Time) float64 { return left + t.Sub(lo).Hours()/24/days*(w-left-right) }
	lane := (h - top - bottom) / 4
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="Timeline of the events">`, w, h)
	names := [4]string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
	for q := range 4 {
		yy := top + lane*float64(q) + lane/2
		fmt.Fprintf(&sb, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#e3e3e3"/><text x="4" y="%.1f" class="grid">%s</text>`,
			left, yy, w-right, yy, yy+4, names[q])
	}
	step := max(1, int(math.Ceil(days/8)))
	for d := lo; !d.After(hi); d = d.AddDate(0, 0, step) {
		fmt.Fprintf(&sb, `<text x="%.1f" y="%.0f" class="grid" text-anchor="middle">%s</text>`, x(d), h-8, d.Format("Jan 2"))
	}
	for _, p := range pts {
		q := min(max(p.row.QuadClass, 1), 4)
		yy := top + lane*float64(q-1) + lane/2
		rad := 4 + 2*math.Sqrt(float64(max(p.row.Sources, 1)))
		fmt.Fprintf(&sb, `<a href="#t%d"><circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" fill-opacity="0.7"><title>%s: %s (%d outlets)</title></circle></a>`,
			p.n, x(p.t), yy, rad, quadColor(p.row.QuadClass), p.row.Date, template.HTMLEscapeString(p.row.What), p.row.Sources)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// firstDay returns a YYYY-MM-DD date, or "" for a coarser one: the
// timeline places only events dated to the day (the table lists all).
func firstDay(date string) string {
	if len(date) == 10 {
		return date
	}
	return ""
}
