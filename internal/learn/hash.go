package learn

// FNV-1a, 64 bit.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hash returns the FNV-1a hash of s.
func Hash(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// HashBytes returns the FNV-1a hash of b; it equals Hash(string(b)).
func HashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// mix is the splitmix64 finaliser: it spreads every input bit over the
// output so that keys of different templates do not collide in patterns.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 27
	h *= 0x94D049BB133111EB
	return h ^ h>>31
}

// Key returns the feature key of template t with value a: the template id
// keeps equal values of different templates apart.
func Key(t uint32, a uint64) uint64 {
	return mix(a ^ (uint64(t)+1)*0x9E3779B97F4A7C15)
}

// Key2 is Key for a template over two values (a conjunction).
func Key2(t uint32, a, b uint64) uint64 {
	return mix(Key(t, a) ^ b*0xD6E8FEB86659FD93)
}

// Key3 is Key for a template over three values.
func Key3(t uint32, a, b, c uint64) uint64 {
	return mix(Key2(t, a, b) ^ c*0xA0761D6478BD642F)
}
