package bidi

// niMask holds the neutral and isolate formatting types of N1 and N2.
const niMask = 1<<B | 1<<S | 1<<WS | 1<<ON | 1<<LRI | 1<<RLI | 1<<FSI | 1<<PDI

// strongDirs maps a type to its direction for N0 and N1: L, R (for R, EN and AN) or ON.
var strongDirs = func() (t classTable) {
	for c := range t {
		t[c] = ON
	}
	t[L], t[R], t[EN], t[AN] = L, R, R, R
	return t
}()

// strongDir returns the direction of type c for N0 and N1: L, R (for R, EN and AN) or ON.
func strongDir(c Class) Class { return strongDirs[c&31] }

// resolveNeutrals applies rules N1 and N2 to the types t of an isolating run sequence at level
// level: a run of neutrals between two strong types of the same direction (European and Arabic
// numbers count as R; sos and eos at the ends) takes that direction, any other run the
// embedding direction.
func resolveNeutrals(t []Class, level uint8, sos, eos Class) {
	e := dirOfLevel(level)
	before := sos
	for k := 0; k < len(t); k++ {
		c := t[k]
		if niMask>>(c&31)&1 == 0 {
			before = strongDir(c)
			continue
		}
		end := k + 1
		for end < len(t) && niMask>>(t[end]&31)&1 != 0 {
			end++
		}
		after := eos
		if end < len(t) {
			after = strongDir(t[end])
		}
		dir := e
		if before == after {
			dir = before
		}
		for j := k; j < end; j++ {
			t[j] = dir
		}
		k = end - 1
	}
}

// implicit applies rules I1 and I2 to the resolved types t of the sequence of the characters
// idx (nil: every character) at level level, and writes the levels: R goes up one level from
// an even level, EN and AN two; L, EN and AN go up one from an odd level.
func (r *resolver) implicit(idx []int32, t []Class, level uint8) {
	var up classTable // the level increase of each resolved type
	if level&1 == 0 {
		up[R], up[AN], up[EN] = 1, 2, 2
	} else {
		up[L], up[AN], up[EN] = 1, 1, 1
	}
	if idx == nil {
		levels := r.levels[:len(t)]
		for i, c := range t {
			levels[i] = level + uint8(up[c&31])
		}
		return
	}
	for k, c := range t {
		r.levels[idx[k]] = level + uint8(up[c&31])
	}
}
