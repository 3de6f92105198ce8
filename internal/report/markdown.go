package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Markdown writes the report as Markdown. Evidence numbers are links to
// the numbered sentences at the end ([3](#e3)).
func (r *Report) Markdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\n", mdEscape(r.Title))
	fmt.Fprintf(b, "Situation `%s`", r.ID)
	if r.Generated != "" {
		fmt.Fprintf(b, " · %s", mdEscape(r.Generated))
	}
	fmt.Fprintf(b, "\n\n**Summary.** %s%s\n", mdEscape(r.Summary.Text), mdRefs(r.Summary.Refs))

	b.WriteString("\n## Timeline\n\n")
	if len(r.Timeline) == 0 {
		b.WriteString("No events.\n")
	} else {
		b.WriteString("| date | what | who | where | sources | evidence |\n|---|---|---|---|---|---|\n")
		for _, t := range r.Timeline {
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n",
				cell(t.Date), cell(t.What), cell(t.Who), cell(t.Where), cell(t.Backing()), strings.TrimSpace(mdRefs(t.Refs)))
		}
	}
	section(b, "Key actors", r.Actors)
	section(b, "Key quotes", r.Quotes)
	if len(r.Casualties) > 0 {
		b.WriteString("\n## Casualties\n\n")
		for _, c := range r.Casualties {
			fmt.Fprintf(b, "- %s%s\n", mdEscape(c.Text), mdRefs(c.Refs))
			for _, f := range c.Figures {
				fmt.Fprintf(b, "  - %s%s\n", mdEscape(f.Text), mdRefs(f.Refs))
			}
		}
	}
	if len(r.Places) > 0 {
		b.WriteString("\n## Places\n\n")
		for _, p := range r.Places {
			fmt.Fprintf(b, "- %s (%.4f, %.4f): %d events\n", mdEscape(p.Name), p.Lat, p.Lon, p.Events)
		}
	}
	section(b, "Photo credits", r.Photos)

	b.WriteString("\n## Sources\n\n")
	for _, s := range r.Sources {
		fmt.Fprintf(b, "- `%s` %s, %s", s.ID, mdEscape(s.Outlet), s.Published)
		if s.Title != "" {
			fmt.Fprintf(b, ": %s", mdEscape(s.Title))
		}
		if s.URL != "" {
			fmt.Fprintf(b, " <%s>", s.URL)
		}
		if s.CopyOf != "" {
			fmt.Fprintf(b, " (%s of `%s`: not an independent source)", s.CopyKind, s.CopyOf)
		}
		b.WriteString("\n")
	}

	b.WriteString("\n## Evidence\n\n")
	for _, e := range r.Evidence {
		fmt.Fprintf(b, "%d. <a id=\"e%d\"></a>“%s” — %s, `%s` bytes %d–%d\n", e.N, e.N, mdEscape(e.Text), mdEscape(e.Outlet), e.Article, e.Start, e.End)
	}
	return b.Flush()
}

func section(b *bufio.Writer, title string, items []Statement) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n\n", title)
	for _, s := range items {
		fmt.Fprintf(b, "- %s%s\n", mdEscape(s.Text), mdRefs(s.Refs))
	}
}

func mdRefs(refs []int) string {
	var sb strings.Builder
	for _, n := range refs {
		fmt.Fprintf(&sb, " [%d](#e%d)", n, n)
	}
	return sb.String()
}

// mdEscape keeps text from being read as Markdown or HTML.
func mdEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "\n", " ").Replace(s)
}

func cell(s string) string { return strings.ReplaceAll(mdEscape(s), "|", `\|`) }
