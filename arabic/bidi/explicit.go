package bidi

// maxDepth is the deepest explicit embedding level (BD2).
const maxDepth = 125

// matchIsolates fills r.matchPDI by rule BD9: an isolate initiator matches the first PDI after
// it at the same isolate depth, before the end of the paragraph.
func (r *resolver) matchIsolates() {
	m := make([]int32, len(r.classes))
	var open []int32
	for i, c := range r.classes {
		m[i] = -1
		switch c {
		case LRI, RLI, FSI:
			open = append(open, int32(i))
		case PDI:
			if len(open) > 0 {
				j := open[len(open)-1]
				open = open[:len(open)-1]
				m[j], m[i] = int32(i), j
			}
		case B:
			open = open[:0]
		}
	}
	r.matchPDI = m
}

// firstStrong applies rules P2 and P3 to the characters [start, end): it returns 1 if the
// first strong character, skipping isolates and stopping at a paragraph separator, is R or
// AL, else 0.
func (r *resolver) firstStrong(start, end int) uint8 {
	for i := start; i < end; i++ {
		switch r.classes[i] {
		case L:
			return 0
		case R, AL:
			return 1
		case B:
			return 0
		case LRI, RLI, FSI:
			if r.matchPDI[i] < 0 {
				return 0
			}
			i = int(r.matchPDI[i])
		}
	}
	return 0
}

// dirStatus is an entry of the directional status stack (X1).
type dirStatus struct {
	level    uint8
	override Class // L or R for an override, ON for none
	isolate  bool
}

// explicit applies rules X1-X8: the explicit level of every character, and the class of every
// character under an override.
func (r *resolver) explicit() {
	if r.mask&explicitMask == 0 {
		if r.mask&removedMask != 0 && r.base != 0 {
			// Rule X10 reads the explicit levels when a character is removed; without one,
			// the single sequence resolves at the paragraph level and writes every level.
			fill(r.levels, r.base)
		}
		return
	}
	var stack [maxDepth + 2]dirStatus
	depth := 0
	stack[0] = dirStatus{level: r.base, override: ON}
	overflowIsolates, overflowEmbeddings, validIsolates := 0, 0, 0
	for i, c := range r.classes {
		top := stack[depth]
		r.levels[i] = top.level
		switch c {
		case RLE, LRE, RLO, LRO: // X2-X5
			level := nextLevel(top.level, c == RLE || c == RLO)
			if level <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				depth++
				stack[depth] = dirStatus{level: level, override: overrideOf(c)}
			} else if overflowIsolates == 0 {
				overflowEmbeddings++
			}
		case RLI, LRI, FSI: // X5a-X5c
			r.override(i, top)
			rtl := c == RLI
			if c == FSI {
				end := len(r.classes)
				if m := r.matchPDI[i]; m >= 0 {
					end = int(m)
				}
				rtl = r.firstStrong(i+1, end) == 1
			}
			level := nextLevel(top.level, rtl)
			if level <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				validIsolates++
				depth++
				stack[depth] = dirStatus{level: level, override: ON, isolate: true}
			} else {
				overflowIsolates++
			}
		case PDI: // X6a
			if overflowIsolates > 0 {
				overflowIsolates--
			} else if validIsolates > 0 {
				overflowEmbeddings = 0
				for !stack[depth].isolate {
					depth--
				}
				depth--
				validIsolates--
			}
			r.levels[i] = stack[depth].level
			r.override(i, stack[depth])
		case PDF: // X7
			if overflowIsolates == 0 {
				if overflowEmbeddings > 0 {
					overflowEmbeddings--
				} else if !top.isolate && depth > 0 {
					depth--
				}
			}
		case B: // X8
			r.levels[i] = r.base
			depth, overflowIsolates, overflowEmbeddings, validIsolates = 0, 0, 0, 0
		case BN: // removed by X9; the level is only a placeholder
		default: // X6
			r.override(i, top)
		}
	}
}

// override sets the type of character i to the override of s, if s has one.
func (r *resolver) override(i int, s dirStatus) {
	if s.override != ON {
		r.types[i] = s.override
	}
}

// nextLevel returns the least odd (rtl) or even level above level.
func nextLevel(level uint8, rtl bool) uint8 {
	if rtl {
		return (level + 1) | 1
	}
	return (level + 2) &^ 1
}

// overrideOf returns the override an embedding or override control starts.
func overrideOf(c Class) Class {
	switch c {
	case LRO:
		return L
	case RLO:
		return R
	}
	return ON
}

// fill sets every element of b to v.
func fill(b []uint8, v uint8) {
	if len(b) == 0 {
		return
	}
	b[0] = v
	for n := 1; n < len(b); n *= 2 {
		copy(b[n:], b[:n])
	}
}
