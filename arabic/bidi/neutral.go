package bidi

// niMask holds the neutral and isolate formatting types of N1 and N2.
const niMask = 1<<B | 1<<S | 1<<WS | 1<<ON | 1<<LRI | 1<<RLI | 1<<FSI | 1<<PDI

// resolveNeutrals applies rules N1 and N2 to the types t of an isolating run sequence at level
// level: a run of neutrals between two strong types of the same direction (European and Arabic
// numbers count as R; sos and eos at the ends) takes that direction, any other run the
// embedding direction.
func resolveNeutrals(t []Class, level uint8, sos, eos Class) {
	e := dirOfLevel(level)
	for k := 0; k < len(t); k++ {
		if niMask>>t[k]&1 == 0 {
			continue
		}
		end := k + 1
		for end < len(t) && niMask>>t[end]&1 != 0 {
			end++
		}
		before := sos
		if k > 0 {
			before = strongDir(t[k-1])
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
		k = end
	}
}

// implicit applies rules I1 and I2 to the resolved types t of the sequence of the characters
// idx (nil: every character) at level level, and writes the levels.
func (r *resolver) implicit(idx []int32, t []Class, level uint8) {
	var up [numClasses]uint8
	if level&1 == 0 {
		up[R], up[AN], up[EN] = 1, 2, 2
	} else {
		up[L], up[AN], up[EN] = 1, 1, 1
	}
	if idx == nil {
		for i, c := range t {
			r.levels[i] = level + up[c]
		}
		return
	}
	for k, c := range t {
		r.levels[idx[k]] = level + up[c]
	}
}
