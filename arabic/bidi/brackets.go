package bidi

import "slices"

// maxBracketDepth is the size of the bracket stack of BD16.
const maxBracketDepth = 63

// bracketPair is a bracket pair (BD14-BD16) as positions in an isolating run sequence.
type bracketPair struct{ open, close int32 }

// openBracket is an entry of the BD16 stack.
type openBracket struct {
	closer rune // the canonical equivalent of the closing bracket that matches
	pos    int32
}

// pairBrackets applies rule N0 to the types t of the isolating run sequence of the characters
// idx (nil: every character) at level level, starting with sos.
func (r *resolver) pairBrackets(idx []int32, t []Class, level uint8, sos Class) {
	if r.pairs == nil {
		r.pairs = make([]bracketPair, 0, len(r.bracketAt)/2+1)
	}
	r.pairs = r.findPairs(idx, t, r.pairs[:0])
	if len(r.pairs) == 0 {
		return
	}
	slices.SortFunc(r.pairs, func(a, b bracketPair) int { return int(a.open - b.open) })
	e := dirOfLevel(level)
	for _, p := range r.pairs {
		dir := pairDirection(t, p, e, sos)
		if dir == ON {
			continue
		}
		r.setBracket(idx, t, int(p.open), dir)
		r.setBracket(idx, t, int(p.close), dir)
	}
}

// findPairs appends to pairs the bracket pairs of the sequence (BD16), in the order their
// closing brackets come. A bracket takes part only while its type is ON (an override makes it
// strong). When an opening bracket finds the stack full, the search stops.
func (r *resolver) findPairs(idx []int32, t []Class, pairs []bracketPair) []bracketPair {
	var stack [maxBracketDepth]openBracket
	depth := 0
	// visit handles position k of the sequence, the code point at text index i.
	visit := func(k, i int) bool {
		if t[k] != ON {
			return true
		}
		b, ok := lookupBracket(r.text[i])
		if !ok {
			return true
		}
		if b.open {
			if depth == maxBracketDepth {
				return false
			}
			stack[depth] = openBracket{closer: b.pairCanon, pos: int32(k)}
			depth++
			return true
		}
		for d := depth - 1; d >= 0; d-- {
			if stack[d].closer == b.canon {
				pairs = append(pairs, bracketPair{open: stack[d].pos, close: int32(k)})
				depth = d
				break
			}
		}
		return true
	}
	if idx == nil {
		// The sequence is the whole text: only the brackets classify found need a look.
		for _, i := range r.bracketAt {
			if !visit(int(i), int(i)) {
				break
			}
		}
		return pairs
	}
	for k, i := range idx {
		if !visit(k, int(i)) {
			break
		}
	}
	return pairs
}

// pairDirection returns the type rule N0 gives the bracket pair p, with embedding direction e,
// or ON to leave it: e when a strong type of direction e is inside; the opposite direction
// when only that is inside and the context before the pair has it too; else e.
func pairDirection(t []Class, p bracketPair, e, sos Class) Class {
	opposite := false
	for k := p.open + 1; k < p.close; k++ {
		switch strongDir(t[k]) {
		case e:
			return e
		case ON:
		default:
			opposite = true
		}
	}
	if !opposite {
		return ON
	}
	before := sos
	for k := p.open - 1; k >= 0; k-- {
		if d := strongDir(t[k]); d != ON {
			before = d
			break
		}
	}
	return before
}

// setBracket gives the bracket at position k of the sequence type dir, and the same type to the
// nonspacing marks (before W1) right after it.
func (r *resolver) setBracket(idx []int32, t []Class, k int, dir Class) {
	t[k] = dir
	for k++; k < len(t); k++ {
		i := k
		if idx != nil {
			i = int(idx[k])
		}
		if r.types[i] != NSM {
			return
		}
		t[k] = dir
	}
}
