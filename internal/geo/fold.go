package geo

import (
	"unicode"
	"unicode/utf8"
)

// foldMap maps Latin letters with diacritics (and a few letters with no
// decomposition) to ASCII. It covers Latin-1, Latin Extended-A and the
// letters common in romanised Arabic, Turkish and Vietnamese place names.
var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a", 'ạ': "a", 'ả': "a", 'ấ': "a", 'ầ': "a", 'ậ': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'ĉ': "c", 'ċ': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ḍ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ẹ': "e", 'ế': "e", 'ề': "e", 'ệ': "e",
	'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h", 'ḥ': "h", 'ḩ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i", 'ị': "i",
	'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ŏ': "o", 'ő': "o", 'ơ': "o", 'ọ': "o", 'ố': "o", 'ồ': "o", 'ộ': "o", 'ờ': "o", 'ớ': "o",
	'œ': "oe", 'ŕ': "r", 'ŗ': "r", 'ř': "r", 'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ș': "s", 'ṣ': "s", 'ß': "ss",
	'ţ': "t", 'ť': "t", 'ŧ': "t", 'ț': "t", 'ṭ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u", 'ư': "u", 'ụ': "u", 'ủ': "u", 'ứ': "u", 'ừ': "u",
	'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ỳ': "y", 'ź': "z", 'ż': "z", 'ž': "z", 'ẓ': "z",
}

// fold returns the lookup key of a name: lower-cased, ASCII-folded,
// apostrophes and full stops dropped, hyphens and other punctuation turned
// into single spaces, "saint" shortened to "st", "mt" and "ft" spelt out
// as "mount" and "fort". It appends to dst and
// returns the extended slice, so hot paths can reuse a buffer.
func fold(dst []byte, s string) []byte {
	start := len(dst)
	space := true // suppress leading spaces
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+'a'-'A')
				space = false
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				dst = append(dst, c)
				space = false
			case c == '.' || c == '\'' || c == '`':
				// "U.S." = "US", "Martha's" = "Marthas"
			default:
				if !space {
					dst = append(dst, ' ')
					space = true
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '’' || r == '‘' || r == 'ʻ' || r == 'ʼ' || r == 'ʿ' || r == 'ʾ' || r == '´':
			continue
		case unicode.IsLetter(r):
			lr := unicode.ToLower(r)
			if f, ok := foldMap[lr]; ok {
				dst = append(dst, f...)
			} else {
				dst = utf8.AppendRune(dst, lr)
			}
			space = false
		case unicode.IsDigit(r):
			dst = utf8.AppendRune(dst, r)
			space = false
		case unicode.Is(unicode.Mn, r):
			// combining marks of decomposed text
		default:
			if !space {
				dst = append(dst, ' ')
				space = true
			}
		}
	}
	if len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	key := dst[start:]
	switch {
	case len(key) >= 6 && string(key[:6]) == "saint ":
		dst = append(dst[:start], append([]byte("st "), key[6:]...)...)
	case len(key) >= 3 && string(key[:3]) == "mt ":
		// "Mt. Pleasant" is "Mount Pleasant", "Ft. Worth" "Fort Worth".
		dst = append(dst[:start], append([]byte("mount "), key[3:]...)...)
	case len(key) >= 3 && string(key[:3]) == "ft ":
		dst = append(dst[:start], append([]byte("fort "), key[3:]...)...)
	}
	return dst
}

// Fold returns the lookup key for name (see Lookup).
func Fold(name string) string { return string(fold(nil, name)) }
