package learn

// Viterbi finds the best path through a first-order sequence model. Its
// buffers are reused across calls, so a Viterbi must not be shared by
// goroutines; the zero value is ready to use.
type Viterbi struct {
	back      []int32
	prev, cur []float32
}

// Decode writes the best class sequence to out (n entries). emit[i*k+c] is
// the score of class c at position i (n positions, k classes);
// trans[(p+1)*k+c] is the score of class c after class p, with row 0
// (p = -1) for the first position.
func (v *Viterbi) Decode(emit []float32, n, k int, trans []float32, out []int) {
	if n == 0 {
		return
	}
	if cap(v.back) < n*k {
		v.back = make([]int32, n*k)
	}
	if cap(v.prev) < k {
		v.prev, v.cur = make([]float32, k), make([]float32, k)
	}
	back, prev, cur := v.back[:n*k], v.prev[:k], v.cur[:k]
	for c := range k {
		prev[c] = trans[c] + emit[c]
	}
	for i := 1; i < n; i++ {
		for c := range k {
			best, arg := float32(0), -1
			for p := range k {
				s := prev[p] + trans[(p+1)*k+c]
				if arg < 0 || s > best {
					best, arg = s, p
				}
			}
			cur[c] = best + emit[i*k+c]
			back[i*k+c] = int32(arg)
		}
		prev, cur = cur, prev
	}
	out[n-1] = Argmax(prev)
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i*k+out[i]])
	}
}

// DecodeSparse is Decode for models where most transitions are
// impossible (BIO or BILOU taggers): after the first position, class c
// may only follow the classes in prev[c], and the others are not tried.
// The result equals Decode's when every transition left out scores so low
// that no best path takes it.
func (v *Viterbi) DecodeSparse(emit []float32, n, k int, trans []float32, prev [][]int, out []int) {
	if n == 0 {
		return
	}
	if cap(v.back) < n*k {
		v.back = make([]int32, n*k)
	}
	if cap(v.prev) < k {
		v.prev, v.cur = make([]float32, k), make([]float32, k)
	}
	back, pv, cur := v.back[:n*k], v.prev[:k], v.cur[:k]
	for c := range k {
		pv[c] = trans[c] + emit[c]
	}
	const none = -3.4e38 // below any reachable score
	for i := 1; i < n; i++ {
		for c := range k {
			best, arg := float32(none), -1
			for _, p := range prev[c] {
				if s := pv[p] + trans[(p+1)*k+c]; arg < 0 || s > best {
					best, arg = s, p
				}
			}
			if arg < 0 {
				cur[c], back[i*k+c] = none, 0
				continue
			}
			cur[c] = best + emit[i*k+c]
			back[i*k+c] = int32(arg)
		}
		pv, cur = cur, pv
	}
	out[n-1] = Argmax(pv)
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i*k+out[i]])
	}
}
