package bidi

// weak applies rules W1-W7 to the types t of an isolating run sequence that starts with sos.
func (r *resolver) weak(t []Class, sos Class) {
	m := r.mask
	if m&(1<<NSM|1<<AL) != 0 {
		weak123(t, sos)
	}
	if m&(1<<ES|1<<CS) != 0 {
		weak4(t)
	}
	if m&(1<<ET) != 0 {
		weak5(t)
	}
	if m&(1<<ES|1<<ET|1<<CS|1<<EN) != 0 {
		weak67(t, sos)
	}
}

// weak123 applies W1 (a nonspacing mark takes the type of the character before it, ON after an
// isolate initiator or PDI, sos at the start), W2 (a European number after an Arabic letter
// becomes an Arabic number) and W3 (AL becomes R) in one pass.
func weak123(t []Class, sos Class) {
	prev := sos // the type of the previous character after W1
	strong := sos
	for k, c := range t {
		if c == NSM {
			c = prev
			if isolateMask>>prev&1 != 0 {
				c = ON
			}
		}
		prev = c
		switch c {
		case L, R:
			strong = c
		case AL:
			strong = AL
			c = R
		case EN:
			if strong == AL {
				c = AN
			}
		}
		t[k] = c
	}
}

// weak4 applies W4: a single ES between two European numbers becomes EN; a single CS between
// two numbers of the same type becomes that type.
func weak4(t []Class) {
	for k := 1; k+1 < len(t); k++ {
		switch t[k] {
		case ES:
			if t[k-1] == EN && t[k+1] == EN {
				t[k] = EN
			}
		case CS:
			if p := t[k-1]; (p == EN || p == AN) && t[k+1] == p {
				t[k] = p
			}
		}
	}
}

// weak5 applies W5: a sequence of European terminators next to a European number becomes EN.
func weak5(t []Class) {
	for k := 0; k < len(t); k++ {
		if t[k] != ET {
			continue
		}
		e := k + 1
		for e < len(t) && t[e] == ET {
			e++
		}
		if (k > 0 && t[k-1] == EN) || (e < len(t) && t[e] == EN) {
			for j := k; j < e; j++ {
				t[j] = EN
			}
		}
		k = e
	}
}

// weak67 applies W6 (remaining separators and terminators become ON) and W7 (a European
// number after L, or after sos L with no strong type between, becomes L).
func weak67(t []Class, sos Class) {
	strong := sos
	for k, c := range t {
		switch c {
		case L, R:
			strong = c
		case ES, ET, CS:
			t[k] = ON
		case EN:
			if strong == L {
				t[k] = L
			}
		}
	}
}
