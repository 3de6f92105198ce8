package dict

import "strings"

// isVowel reports whether b is an ASCII vowel.
func isVowel(b byte) bool { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' }

// verbForms returns the regular inflections of a lowercase English verb:
// base, 3rd person, past/participle and gerund. Where consonant doubling is
// uncertain (stop → stopped, but visit → visited) both spellings are
// produced: a spelling that never occurs costs nothing at match time.
func verbForms(base string) []string {
	n := len(base)
	if n == 0 {
		return nil
	}
	out := []string{base}
	last := base[n-1]
	switch {
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z") ||
		strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "o"):
		out = append(out, base+"es")
	case last == 'y' && n > 1 && !isVowel(base[n-2]):
		out = append(out, base[:n-1]+"ies")
	default:
		out = append(out, base+"s")
	}
	switch {
	case last == 'e' && strings.HasSuffix(base, "ee"):
		out = append(out, base+"d", base+"ing")
	case last == 'e' && strings.HasSuffix(base, "ie"):
		out = append(out, base+"d", base[:n-2]+"ying")
	case last == 'e':
		out = append(out, base+"d", base[:n-1]+"ing")
	case last == 'y' && n > 1 && !isVowel(base[n-2]):
		out = append(out, base[:n-1]+"ied", base+"ing")
	case last == 'c':
		out = append(out, base+"ed", base+"ing", base+"ked", base+"king")
	default:
		out = append(out, base+"ed", base+"ing")
		// consonant-vowel-consonant ending: also the doubled spelling.
		if n >= 3 && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' &&
			isVowel(base[n-2]) && !isVowel(base[n-3]) {
			out = append(out, base+string(last)+"ed", base+string(last)+"ing")
		}
	}
	return out
}

// plural returns the regular plural(s) of a lowercase noun, following
// PETRARCH's rules (+s, y → ies, ss → sses) plus -man → -men.
func plural(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case strings.HasSuffix(w, "men"):
		return nil
	case strings.HasSuffix(w, "man") && n > 3:
		return []string{w[:n-3] + "men"}
	case w[n-1] == 'y' && n > 1 && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ies"}
	case w[n-1] == 's' && !strings.HasSuffix(w, "ss"):
		return nil // already plural ("troops", "forces") or invariant ("news")
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x"):
		return []string{w + "es"}
	}
	return []string{w + "s"}
}
