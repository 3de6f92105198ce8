package casualty

// Summarize: one killed and one wounded figure per article.

import (
	"strings"

	"github.com/sitrep-project/sitrep"
)

// mayHaveDied reports a wounded mention that does not exclude a later death:
// "was shot", "suffering from a gunshot wound", "in critical condition".
func mayHaveDied(text string) bool {
	// "in stable condition", "non-life-threatening injuries": alive.
	for _, alive := range [...]string{"stable", "non-life", "non life", "minor", "survived", "fair condition", "good condition"} {
		if strings.Contains(text, alive) {
			return false
		}
	}
	last := text[strings.LastIndexAny(text, " \t\n")+1:]
	first := text
	if i := strings.IndexAny(text, " \t\n"); i >= 0 {
		first = text[:i]
	}
	for _, w := range [2]string{first, last} {
		switch strings.ToLower(w) {
		case "shot", "stabbed", "wound", "wounds", "condition", "hospitalized", "hospitalised", "struck", "hit", "grazed",
			"hospital", "wounding":
			return true
		}
	}
	return false
}

// selfVictim reports a killer who killed himself.
func selfVictim(who string) bool {
	return who == "himself" || who == "herself"
}

// Summarize reduces an article's casualty mentions to one figure per kind
// for the main incident: the first non-zero mention of each kind. The
// largest mention was measured too and does slightly worse on the dev set
// (round-ups and background figures are usually larger than the reported
// incident, which news leads put first). A victim who "was shot" and then
// died is killed, not wounded: when the article reports deaths, mentions
// that do not rule out a death ("was shot", "suffered a gunshot wound",
// "was taken to a hospital", "in critical condition") and are no larger
// than the death count are not taken as wounded, and a larger count of
// people shot has the dead taken out of it; wounded said to be stable, to
// have minor injuries or to have survived, and "other" or "also" wounded,
// count as they are.
func Summarize(cas []sitrep.Casualty) (killed, wounded int) {
	for i, c := range cas {
		if c.Kind == Killed && c.Count > 0 {
			killed = c.Count
			// "shot his wife and then turned the gun on himself", "killed
			// two men before killing himself": the killer's death nearby
			// belongs to the same incident.
			for _, d := range cas[i+1:] {
				if d.Start-c.End > 250 {
					break
				}
				// After "killed himself", only someone the killer killed
				// ("after murdering his wife"), not "he died", is another.
				if d.Kind == Killed && d.Count > 0 && selfVictim(d.Who) != selfVictim(c.Who) &&
					(!selfVictim(c.Who) || !strings.HasPrefix(d.Text, d.Who)) {
					killed += d.Count
					break
				}
			}
			break
		}
	}
	for i, c := range cas {
		if c.Kind != Wounded || c.Count == 0 {
			continue
		}
		if killed > 0 && mayHaveDied(c.Text) {
			// "His wife was also shot", "a second man was wounded": someone
			// else than the dead.
			// "Three other people were shot" excludes them too.
			another := strings.Contains(c.Text, " also ") || strings.Contains(c.Who, "second") ||
				strings.Contains(c.Who, "another") || strings.Contains(c.Who, "other")
			if another {
				return killed, c.Count
			}
			if c.Count <= killed {
				continue
			}
			// "Two people were shot ... one of them died": those shot
			// include the dead (unless ", one fatally" already split them).
			if split := i+1 < len(cas) && cas[i+1].Kind == Killed && strings.HasSuffix(cas[i+1].Text, "fatally"); !split {
				return killed, c.Count - killed
			}
		}
		return killed, c.Count
	}
	return killed, 0
}
