package suggest

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// ErrNothingToMatch is wrapped by the error about an entry whose search form holds no letter
// or digit.
var ErrNothingToMatch = errors.New("it holds no letter or digit to match")

// Matcher finds the entries and token patterns it was built from in texts. It is safe for
// use by several goroutines at once.
type Matcher struct {
	ac       *automaton // nil without entries
	keyLen   []int32    // the length of each key in code points
	guard    []bool     // whether a key is one of guarded
	anywhere []bool     // whether some entry of a key matches wherever the key does (not only after ل, not guarded)
	refLo    []int32    // the targets of key k are refs[refLo[k]:refLo[k+1]]
	refs     []ref
	names    []string // labels and sources, by number
	tokens   *tokenMatcher
}

// ref is what an entry suggests where its key matches.
type ref struct {
	label, source int32
	lam           bool // the key is the entry written after the proclitic ل (الأمم in للأمم)
	maqsura       bool // the entry of a guarded key ends with ى
	score         float64
}

// guarded are the search forms of the function words that end with ى where the same letters
// ending with ي are a name or another word: على (on) and علي (Ali), إلى (to) and آلي
// (automatic), حتى, متى, لدى, سوى. For these the ى/ي fold is not made: an entry and a span
// match when both end with ى or neither does. Without it, علي as a name finds
// every على of a text (290 wrong suggestions in 7 AQMAR articles).
var guarded = map[string]bool{"علي": true, "الي": true, "حتي": true, "متي": true, "لدي": true, "سوي": true}

// NewMatcher builds a matcher of entries and token patterns. It refuses an entry or pattern
// without a label, with a score outside (0, 1], or (ErrNothingToMatch) with no letter or
// digit in its text, and a token pattern without tokens.
func NewMatcher(entries []Entry, patterns []TokenPattern) (*Matcher, error) {
	m := &Matcher{}
	b := builder{m: m, t: chars(), keyIDs: map[string]int32{}, nameIDs: map[string]int32{}}
	for i, e := range entries {
		if err := b.add(e); err != nil {
			return nil, fmt.Errorf("entry %d (%q): %w", i+1, e.Text, err)
		}
	}
	b.finish()
	tm, err := newTokenMatcher(patterns, b.name)
	if err != nil {
		return nil, err
	}
	m.tokens = tm
	return m, nil
}

// builder gathers the keys and targets of a Matcher.
type builder struct {
	m       *Matcher
	t       charTable
	keys    [][]rune
	keyIDs  map[string]int32
	nameIDs map[string]int32
	pending []keyRef
}

type keyRef struct {
	key int32
	ref ref
}

// name returns the number of a label or source name.
func (b *builder) name(s string) int32 {
	id, ok := b.nameIDs[s]
	if !ok {
		id = int32(len(b.m.names))
		b.m.names = append(b.m.names, s)
		b.nameIDs[s] = id
	}
	return id
}

// key returns the number of a search form.
func (b *builder) key(form []rune) int32 {
	id, ok := b.keyIDs[string(form)]
	if !ok {
		id = int32(len(b.keys))
		b.keys = append(b.keys, form)
		b.keyIDs[string(form)] = id
	}
	return id
}

// add adds an entry: its search form, and the form it takes after the proclitic ل.
func (b *builder) add(e Entry) error {
	if e.Label == "" {
		return errors.New("no label")
	}
	if !(e.Score > 0 && e.Score <= 1) {
		return fmt.Errorf("the score %v is not in (0, 1]", e.Score)
	}
	form, ok := searchForm(e.Text, b.t)
	if !ok {
		return ErrNothingToMatch
	}
	r := ref{label: b.name(e.Label), source: b.name(e.Source), score: e.Score}
	if guarded[string(form)] {
		r.maqsura = lastLetter(e.Text, b.t) == 'ى'
	}
	b.pending = append(b.pending, keyRef{b.key(form), r})
	if v := afterLam(form); v != nil {
		r.lam = true
		b.pending = append(b.pending, keyRef{b.key(v), r})
	}
	return nil
}

// afterLam returns what a search form that begins with the article ال becomes after the
// proclitic ل, which drops the alef (ل + الأمم = للأمم) and, before a word that begins with
// ل, the article's ل too (ل + الليل = لليل); nil for other forms.
func afterLam(form []rune) []rune {
	if len(form) < 4 || form[0] != 'ا' || form[1] != 'ل' || !isArabicLetter(form[2]) {
		return nil
	}
	if form[2] == 'ل' {
		return form[2:]
	}
	return form[1:]
}

// lastLetter returns the last code point of s that the search form keeps, as written.
func lastLetter(s string, t charTable) rune {
	last := rune(-1)
	for _, r := range s {
		if t.at(r).flags&(fDrop|fSpace) == 0 {
			last = r
		}
	}
	return last
}

// isArabicLetter reports whether r is a letter of the Arabic block.
func isArabicLetter(r rune) bool { return r >= 0x0621 && r <= 0x064A && r != 0x0640 }

// finish builds the automaton and lays out the keys and their targets.
func (b *builder) finish() {
	m := b.m
	if len(b.keys) == 0 {
		return
	}
	// One target per key, label, source and kind of start: the highest score.
	slices.SortFunc(b.pending, func(x, y keyRef) int {
		return cmp.Or(cmp.Compare(x.key, y.key), cmp.Compare(x.ref.label, y.ref.label),
			cmp.Compare(x.ref.source, y.ref.source), boolCmp(x.ref.lam, y.ref.lam), boolCmp(x.ref.maqsura, y.ref.maqsura),
			cmp.Compare(y.ref.score, x.ref.score))
	})
	b.pending = slices.CompactFunc(b.pending, func(x, y keyRef) bool {
		return x.key == y.key && x.ref.label == y.ref.label && x.ref.source == y.ref.source &&
			x.ref.lam == y.ref.lam && x.ref.maqsura == y.ref.maqsura
	})
	m.keyLen = make([]int32, len(b.keys))
	m.guard = make([]bool, len(b.keys))
	m.anywhere = make([]bool, len(b.keys))
	m.refLo = make([]int32, len(b.keys)+1)
	m.refs = make([]ref, len(b.pending))
	for i, p := range b.pending {
		m.refs[i] = p.ref
		m.refLo[p.key+1] = int32(i + 1)
	}
	for k, form := range b.keys {
		m.keyLen[k] = int32(len(form))
		m.guard[k] = guarded[string(form)]
		if !m.guard[k] && slices.ContainsFunc(m.refs[m.refLo[k]:m.refLo[k+1]], func(r ref) bool { return !r.lam }) {
			m.anywhere[k] = true
		}
	}
	m.ac = newAutomaton(b.keys)
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Bytes returns about how much memory the matcher holds, in bytes.
func (m *Matcher) Bytes() int {
	n := 4*(cap(m.keyLen)+cap(m.refLo)) + cap(m.guard) + cap(m.anywhere) + 24*cap(m.refs)
	for _, s := range m.names {
		n += 16 + len(s)
	}
	if m.ac != nil {
		n += m.ac.bytes()
	}
	if m.tokens != nil {
		n += m.tokens.bytes()
	}
	return n
}

// applies reports whether ref r of key k applies to a match that starts after the
// proclitic ل (lam) or not, and ends with ى (maqsura) or not.
func (m *Matcher) applies(k int32, r ref, lam, maqsura bool) bool {
	return (!r.lam || lam) && (!m.guard[k] || r.maqsura == maqsura)
}
