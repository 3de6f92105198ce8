package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// PDF writes the report as an A4 PDF with codeberg.org/go-pdf/fpdf: the
// same sections as the HTML page, the places drawn on a small map, and
// every evidence number a link to its sentence in the evidence list. It
// uses the PDF core font Helvetica, whose Windows-1252 character set
// holds Western European text; other characters print as "?" (the HTML
// and Markdown reports keep them).
func (r *Report) PDF(w io.Writer) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(15, 15, 15)
	pdf.SetAutoPageBreak(true, 15)
	pdf.SetTitle(r.Title, true)
	pdf.SetCreator("sitrep", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	txt := func(s string) string { return tr(strings.ReplaceAll(s, "→", "->")) }
	links := make([]int, len(r.Evidence)+1)
	for i := range r.Evidence {
		links[i+1] = pdf.AddLink()
	}
	pdf.SetFooterFunc(func() {
		pdf.SetY(-10)
		pdf.SetFont("Helvetica", "", 8)
		pdf.SetTextColor(120, 120, 120)
		pdf.CellFormat(0, 5, txt(fmt.Sprintf("%s · page %d", r.ID, pdf.PageNo())), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()

	const lh = 5.0
	para := func(s string, refs []int) {
		pdf.SetFont("Helvetica", "", 10)
		pdf.SetTextColor(20, 20, 20)
		pdf.Write(lh, txt(s))
		pdf.SetTextColor(44, 127, 184)
		for _, n := range refs {
			pdf.WriteLinkID(lh, fmt.Sprintf(" [%d]", n), links[n])
		}
		pdf.SetTextColor(20, 20, 20)
		pdf.Ln(lh + 1)
	}
	heading := func(s string) {
		pdf.Ln(3)
		pdf.SetFont("Helvetica", "B", 12)
		pdf.SetTextColor(0, 0, 0)
		pdf.SetDrawColor(0, 0, 0)
		pdf.CellFormat(0, 7, txt(s), "B", 1, "L", false, 0, "")
		pdf.Ln(1)
	}
	list := func(title string, items []Statement) {
		if len(items) == 0 {
			return
		}
		heading(title)
		for _, s := range items {
			para("• "+s.Text, s.Refs)
		}
	}

	pdf.SetFont("Helvetica", "B", 16)
	pdf.MultiCell(0, 8, txt(r.Title), "", "L", false)
	pdf.SetFont("Helvetica", "", 9)
	pdf.SetTextColor(110, 110, 110)
	meta := "Situation " + r.ID
	if r.Generated != "" {
		meta += " · " + r.Generated
	}
	pdf.CellFormat(0, 6, txt(meta), "", 1, "L", false, 0, "")
	pdf.Ln(1)
	para("Summary. "+r.Summary.Text, r.Summary.Refs)

	heading("Timeline")
	if len(r.Timeline) == 0 {
		para("No events.", nil)
	}
	for _, t := range r.Timeline {
		pdf.SetFont("Helvetica", "B", 10)
		pdf.Write(lh, txt(t.Date+"  "))
		para(fmt.Sprintf("%s — %s%s — %s", t.What, t.Who, inPlace(t.Where), t.Backing()), t.Refs)
	}
	list("Key actors", r.Actors)
	list("Key quotes", r.Quotes)
	if len(r.Casualties) > 0 {
		heading("Casualties")
		for _, c := range r.Casualties {
			para("• "+c.Text, c.Refs)
			for _, f := range c.Figures {
				para("     – "+f.Text, f.Refs)
			}
		}
	}
	if len(r.Places) > 0 {
		heading("Places")
		r.pdfMap(pdf, txt)
		for _, p := range r.Places {
			para(fmt.Sprintf("• %s (%.4f, %.4f): %d events", p.Name, p.Lat, p.Lon, p.Events), nil)
		}
	}
	list("Photo credits", r.Photos)

	heading("Sources")
	for _, s := range r.Sources {
		line := fmt.Sprintf("• %s — %s, %s", s.ID, s.Outlet, s.Published)
		if s.Title != "" {
			line += ": " + s.Title
		}
		if s.URL != "" {
			line += " " + s.URL
		}
		if s.CopyOf != "" {
			line += fmt.Sprintf(" (%s of %s: not an independent source)", s.CopyKind, s.CopyOf)
		}
		para(line, nil)
	}

	heading("Evidence")
	for _, e := range r.Evidence {
		pdf.SetLink(links[e.N], -1, -1)
		pdf.SetFont("Helvetica", "B", 9)
		pdf.Write(4.5, fmt.Sprintf("[%d] ", e.N))
		pdf.SetFont("Helvetica", "", 9)
		pdf.Write(4.5, txt(fmt.Sprintf("“%s” — %s, %s bytes %d–%d", e.Text, e.Outlet, e.Article, e.Start, e.End)))
		pdf.Ln(6)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("report: pdf: %w", err)
	}
	return nil
}

func inPlace(where string) string {
	if where == "" {
		return ""
	}
	return " in " + where
}

// pdfMap draws the places in a framed box, as the HTML map does.
func (r *Report) pdfMap(pdf *fpdf.Fpdf, txt func(string) string) {
	const w, h, pad = 180.0, 80.0, 10.0
	if pdf.GetY()+h > 280 {
		pdf.AddPage()
	}
	x0, y0 := pdf.GetX(), pdf.GetY()
	minLat, maxLat, minLon, maxLon := 90.0, -90.0, 180.0, -180.0
	for _, p := range r.Places {
		minLat, maxLat = math.Min(minLat, p.Lat), math.Max(maxLat, p.Lat)
		minLon, maxLon = math.Min(minLon, p.Lon), math.Max(maxLon, p.Lon)
	}
	span := math.Max(math.Max(maxLat-minLat, maxLon-minLon), 1)
	cLat, cLon := (minLat+maxLat)/2, (minLon+maxLon)/2
	dLon := span * 1.2
	dLat := dLon * (h - 2*pad) / (w - 2*pad)
	x := func(lon float64) float64 { return x0 + pad + (lon-(cLon-dLon/2))/dLon*(w-2*pad) }
	y := func(lat float64) float64 { return y0 + h - pad - (lat-(cLat-dLat/2))/dLat*(h-2*pad) }
	pdf.SetFillColor(238, 243, 247)
	pdf.SetDrawColor(205, 216, 224)
	pdf.Rect(x0, y0, w, h, "FD")
	step := gridStep(dLon)
	pdf.SetFont("Helvetica", "", 7)
	pdf.SetTextColor(120, 120, 120)
	for lon := math.Ceil((cLon-dLon/2)/step) * step; lon <= cLon+dLon/2; lon += step {
		if xx := x(lon); xx > x0 && xx < x0+w {
			pdf.Line(xx, y0, xx, y0+h)
			pdf.Text(xx+1, y0+h-1.5, txt(degrees(lon, "E", "W")))
		}
	}
	for lat := math.Ceil((cLat-dLat/2)/step) * step; lat <= cLat+dLat/2; lat += step {
		if yy := y(lat); yy > y0 && yy < y0+h {
			pdf.Line(x0, yy, x0+w, yy)
			pdf.Text(x0+1, yy-1, txt(degrees(lat, "N", "S")))
		}
	}
	pdf.SetFillColor(215, 48, 31)
	pdf.SetDrawColor(127, 0, 0)
	pdf.SetFont("Helvetica", "", 9)
	pdf.SetTextColor(30, 30, 30)
	for _, p := range r.Places {
		rad := 1.5 + math.Sqrt(float64(p.Events))
		pdf.Circle(x(p.Lon), y(p.Lat), rad, "FD")
		pdf.Text(x(p.Lon)+rad+1, y(p.Lat)+1, txt(p.Name))
	}
	pdf.SetXY(x0, y0+h+3)
}
