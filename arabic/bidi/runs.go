package bidi

// levelRun is a level run (BD7) of the characters kept by X9, as the range [s, e) of the
// kept-index slice.
type levelRun struct {
	s, e int32
	used bool // already part of an isolating run sequence
}

// dirOfLevel returns L for an even level, R for an odd one.
func dirOfLevel(level uint8) Class {
	if level&1 == 0 {
		return L
	}
	return R
}

// resolveSequences applies X9 and X10: it splits the kept characters into isolating run
// sequences and resolves each (W1-I2).
func (r *resolver) resolveSequences() {
	n := len(r.classes)
	if n == 0 {
		return
	}
	if r.mask&(removedMask|explicitMask) == 0 {
		// One level run at the paragraph level holds every character.
		d := dirOfLevel(r.base)
		r.resolveSequence(nil, r.base, d, d)
		return
	}
	// The explicit levels, kept apart: the sos and eos of a sequence look at the explicit
	// levels of its neighbours, which may already be resolved.
	explicit := append([]uint8(nil), r.levels...)
	kept := make([]int32, 0, n)
	for i, c := range r.classes {
		if !c.removed() {
			kept = append(kept, int32(i))
		}
	}
	if len(kept) == 0 {
		return
	}
	var runs []levelRun
	for k := 0; k < len(kept); {
		level := explicit[kept[k]]
		e := k + 1
		for e < len(kept) && explicit[kept[e]] == level {
			e++
		}
		runs = append(runs, levelRun{s: int32(k), e: int32(e)})
		k = e
	}
	var chain []int
	var joined []int32
	for ri := range runs {
		if runs[ri].used {
			continue
		}
		chain = r.chainRuns(runs, kept, ri, chain[:0])
		idx := kept[runs[ri].s:runs[ri].e]
		if len(chain) > 1 {
			joined = joined[:0]
			for _, c := range chain {
				joined = append(joined, kept[runs[c].s:runs[c].e]...)
			}
			idx = joined
		}
		level := explicit[idx[0]]
		prev := r.base
		if s := runs[chain[0]].s; s > 0 {
			prev = explicit[kept[s-1]]
		}
		next := r.base
		if e := runs[chain[len(chain)-1]].e; int(e) < len(kept) && !r.classes[idx[len(idx)-1]].isolateInitiator() {
			next = explicit[kept[e]]
		}
		r.resolveSequence(idx, level, dirOfLevel(max(prev, level)), dirOfLevel(max(next, level)))
	}
}

// chainRuns appends to chain the runs of the isolating run sequence (BD13) that starts with run
// first: while a run ends with an isolate initiator whose matching PDI exists, the run that
// starts with that PDI follows.
func (r *resolver) chainRuns(runs []levelRun, kept []int32, first int, chain []int) []int {
	cur := first
	for {
		runs[cur].used = true
		chain = append(chain, cur)
		last := kept[runs[cur].e-1]
		if !r.classes[last].isolateInitiator() || r.matchPDI[last] < 0 {
			return chain
		}
		pdi := r.matchPDI[last]
		lo, hi := cur+1, len(runs)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if kept[runs[m].s] < pdi {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo == len(runs) || kept[runs[lo].s] != pdi || runs[lo].used {
			return chain
		}
		cur = lo
	}
}

// resolveSequence resolves the isolating run sequence of the characters idx (nil: every
// character) at explicit level level, with start and end of sequence types sos and eos: rules
// W1-W7, N0-N2, I1-I2. It writes the resolved levels to r.levels.
func (r *resolver) resolveSequence(idx []int32, level uint8, sos, eos Class) {
	var t []Class
	if idx == nil {
		t = r.scratch[:len(r.types)]
		copy(t, r.types)
	} else {
		t = r.scratch[:len(idx)]
		for k, i := range idx {
			t[k] = r.types[i]
		}
	}
	if r.mask&(1<<NSM|1<<AL|1<<EN|1<<ES|1<<ET|1<<CS) != 0 {
		weak(t, sos)
	}
	if len(r.bracketAt) > 0 {
		r.pairBrackets(idx, t, level, sos)
	}
	resolveNeutrals(t, level, sos, eos)
	r.implicit(idx, t, level)
}
