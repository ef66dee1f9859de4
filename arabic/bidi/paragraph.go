package bidi

// Direction is the direction asked of a paragraph.
type Direction uint8

// The paragraph directions Resolve takes.
const (
	LeftToRight Direction = iota // paragraph level 0
	RightToLeft                  // paragraph level 1
	Auto                         // the direction of the first strong character (rules P2, P3); left to right when there is none
)

// Paragraph is one paragraph resolved by the bidirectional algorithm: its paragraph level and
// the level of every code point. It does not keep the text.
type Paragraph struct {
	classes []Class // the Bidi_Class of each code point
	levels  []uint8 // resolved levels (rules X1-I2); X9-removed characters take the level before them
	base    uint8
	mask    uint32 // bit c set when class c occurs
}

// Resolve runs the bidirectional algorithm on text, one paragraph, with direction dir (a value
// other than the three Direction constants counts as LeftToRight). Resolve splits nothing: a
// paragraph separator (class B, such as '\n') inside text ends every embedding, override and
// isolate opened before it (rule X8), takes the paragraph level, and ends the search for the
// first strong character of Auto; callers give one paragraph at a time.
func Resolve(text []rune, dir Direction) *Paragraph {
	n := len(text)
	work := make([]Class, 2*n)
	r := &resolver{
		text:    text,
		classes: make([]Class, n),
		types:   work[:n:n],
		scratch: work[n:],
		levels:  make([]uint8, n),
	}
	r.classify()
	if r.mask&isolateMask != 0 {
		r.matchIsolates()
	}
	switch dir {
	case RightToLeft:
		r.base = 1
	case Auto:
		r.base = r.firstStrong(0, n)
	}
	r.explicit()
	r.resolveSequences()
	r.levelRemoved()
	return &Paragraph{classes: r.classes, levels: r.levels, base: r.base, mask: r.mask}
}

// resolver holds the state of one Resolve call.
type resolver struct {
	text      []rune
	classes   []Class // original Bidi_Class of each code point
	types     []Class // classes after the overrides of X1-X8
	scratch   []Class // the types of the isolating run sequence being resolved
	levels    []uint8
	base      uint8
	mask      uint32  // bit c set when class c occurs in text
	bracketAt []int32 // the positions of the paired brackets, in order
	matchPDI  []int32 // BD9: the matching PDI of each isolate initiator, the initiator of each PDI, or -1
	pairs     []bracketPair
}

// classify looks up the class of every code point.
func (r *resolver) classify() {
	var mask uint32
	for i, c := range r.text {
		var p uint8
		if uint32(c) < uint32(len(lowProps)) {
			p = lowProps[c]
		} else {
			p = prop(c)
		}
		k := Class(p & classMask)
		r.classes[i] = k
		mask |= 1 << (k & 31)
		if p&flagBracket != 0 {
			if r.bracketAt == nil {
				r.bracketAt = make([]int32, 0, len(r.text)/32+4)
			}
			r.bracketAt = append(r.bracketAt, int32(i))
		}
	}
	copy(r.types, r.classes)
	r.mask = mask
}

// levelRemoved gives each character removed by X9 the level of the character before it (the
// paragraph level at the start), so that Levels has no holes.
func (r *resolver) levelRemoved() {
	if r.mask&removedMask == 0 {
		return
	}
	prev := r.base
	for i, c := range r.classes {
		if c.removed() {
			r.levels[i] = prev
		} else {
			prev = r.levels[i]
		}
	}
}

// BaseLevel returns the paragraph embedding level: 0 (left to right) or 1 (right to left).
func (p *Paragraph) BaseLevel() uint8 { return p.base }

// Len returns the number of code points of the paragraph.
func (p *Paragraph) Len() int { return len(p.levels) }

// Levels returns a new slice with the resolved embedding level of every code point, before
// the line rule L1 (see LineLevels). An odd level reads right to left. A character removed by
// X9 has the level of the character before it.
func (p *Paragraph) Levels() []uint8 {
	return append([]uint8(nil), p.levels...)
}

// Removed reports whether rule X9 removed the code point at index i (see the function
// Removed). It panics if i is out of range.
func (p *Paragraph) Removed(i int) bool { return p.classes[i].removed() }

// Class returns the Bidi_Class of the code point at index i. It panics if i is out of range.
func (p *Paragraph) Class(i int) Class { return p.classes[i] }
