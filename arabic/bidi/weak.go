package bidi

// classTable is a per-class table indexed with c&31, which the compiler needs no bounds
// check for.
type classTable [32]Class

// weakTables[s] maps a type after W1 and W2 to its type after W3-W7 when the last strong type
// is s (L, R or AL): AL becomes R (W3), separators and terminators ON (W6), a European number
// L after L (W7) and AN after AL (W2).
var weakTables = func() (t [3]classTable) {
	for s := range t {
		for c := range t[s] {
			t[s][c] = Class(c)
		}
		t[s][AL] = R
		t[s][ES], t[s][ET], t[s][CS] = ON, ON, ON
	}
	t[L][EN] = L
	t[AL][EN] = AN
	return t
}()

// sepMask holds the separators and terminators, where W4 and W5 look at the neighbours.
const sepMask = 1<<ES | 1<<CS | 1<<ET

// weak applies rules W1-W7 to the types t of an isolating run sequence that starts with sos,
// in one pass:
//
//   - W1: a nonspacing mark takes the type of the character before it (ON after an isolate
//     initiator or PDI, sos at the start);
//   - W2: a European number after an Arabic letter becomes an Arabic number; W3: AL becomes R;
//   - W4: a single ES between two European numbers becomes EN, a single CS between two numbers
//     of the same type becomes that type;
//   - W5: a sequence of European terminators next to a European number becomes EN;
//   - W6: the remaining separators and terminators become ON;
//   - W7: a European number after L (or sos L) with no strong type between becomes L.
//
// One pass is enough because W4 and W5 only look at types the rules before them settle when
// the pass reaches them: the previous character (after W1 and W2), and the next one, whose W2
// type follows from the same last strong type. A separator W4 changes has numbers on both
// sides, so it is never the neighbour W4 or W5 look at for another separator or terminator.
func weak(t []Class, sos Class) {
	strong := sos // the last of L, R, AL (W2, W7)
	prevW1 := sos // the type after W1 of the previous character (W1)
	prev := ON    // the type after W1 and W2 of the previous character (W4, W5)
	for k := 0; k < len(t); k++ {
		c := t[k]
		if c == NSM {
			c = prevW1
			if isolateMask>>(c&31)&1 != 0 {
				c = ON
			}
		}
		prevW1 = c
		// strong = c if c is L, R or AL (the classes below 3), without a branch: the text
		// alternates between letters and spaces too often for a branch to be predicted.
		m := -Class(uint8(c-3) >> 7)
		strong = strong&^m | c&m
		table := &weakTables[strong%3]
		if sepMask>>(c&31)&1 == 0 {
			prev = c
			if c == EN && strong == AL {
				prev = AN
			}
			t[k] = table[c&31]
			continue
		}
		if c == ET {
			// W1 makes the marks after a terminator terminators too.
			e := k + 1
			for e < len(t) && (t[e] == ET || t[e] == NSM) {
				e++
			}
			to := ON
			if prev == EN || e < len(t) && w2(t[e], strong) == EN {
				to = table[EN]
			}
			for j := k; j < e; j++ {
				t[j] = to
			}
			prev, prevW1 = ET, ET
			k = e - 1
			continue
		}
		to := ON // ES or CS
		if k+1 < len(t) && w2(t[k+1], strong) == prev && (prev == EN || prev == AN && c == CS) {
			to = table[prev&31]
		}
		t[k] = to
		prev = c
	}
}

// w2 returns the type of a character of type c after W2 when the last strong type is strong.
func w2(c, strong Class) Class {
	if c == EN && strong == AL {
		return AN
	}
	return c
}
