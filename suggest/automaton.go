package suggest

import (
	"slices"
)

// automaton is an Aho-Corasick automaton over search forms: it finds every key that ends at
// each code point of a text in one pass. Its nodes are numbered breadth first (the root is 0)
// and kept in flat arrays; the edges of a node are contiguous and sorted by symbol.
type automaton struct {
	alpha alphabet
	root  []int32 // the child of the root for each symbol, 0 for none
	lo    []int32 // the edges of node n are lo[n]..lo[n+1]
	sym   []int32 // the symbol of an edge
	to    []int32 // the node an edge leads to
	fail  []int32 // the node of the longest proper suffix that is a prefix of some key
	key   []int32 // the key that ends at the node, or -1
	dict  []int32 // the next node down the fail chain where a key ends, or -1
}

// alphabet numbers the code points that keys hold, from 1; 0 is every other code point.
type alphabet struct {
	low  []int32 // the symbol of each code point below len(low)
	high map[rune]int32
	size int // the number of symbols but 0
}

func (a *alphabet) of(r rune) int32 {
	if r >= 0 && int(r) < len(a.low) {
		return a.low[r]
	}
	return a.high[r]
}

// newAutomaton builds the automaton of keys, which are distinct and not empty; key i is
// reported as i.
func newAutomaton(keys [][]rune) *automaton {
	a := &automaton{alpha: newAlphabet(keys)}
	// Keys as symbols, in one array, then sorted: inserted in that order, each key shares
	// its path with the last child of every node it passes, so the trie needs no lookups.
	start := make([]int32, len(keys)+1)
	var syms []int32
	for i, k := range keys {
		for _, r := range k {
			syms = append(syms, a.alpha.of(r))
		}
		start[i+1] = int32(len(syms))
	}
	keyOf := func(i int32) []int32 { return syms[start[i]:start[i+1]] }
	order := make([]int32, len(keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return slices.Compare(keyOf(x), keyOf(y)) })

	t := trie{first: []int32{-1}, next: []int32{-1}, last: []int32{-1}, sym: []int32{0}, key: []int32{-1}}
	for _, k := range order {
		t.insert(keyOf(k), k)
	}
	a.layout(&t)
	a.link()
	return a
}

// newAlphabet numbers the code points of keys in increasing order, so that keys sorted by
// symbols are sorted by code points.
func newAlphabet(keys [][]rune) alphabet {
	var rs []rune
	for _, k := range keys {
		rs = append(rs, k...)
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	a := alphabet{high: make(map[rune]int32), size: len(rs)}
	for i, r := range rs {
		if r < 0x800 {
			if len(a.low) == 0 {
				a.low = make([]int32, 0x800)
			}
			a.low[r] = int32(i + 1)
		} else {
			a.high[r] = int32(i + 1)
		}
	}
	return a
}

// trie is the automaton's trie while it is built: children as linked lists.
type trie struct {
	first, next, last, sym, key []int32
}

// insert adds key k, given as symbols; keys come in sorted order.
func (t *trie) insert(k []int32, id int32) {
	n := int32(0)
	for _, s := range k {
		if c := t.last[n]; c >= 0 && t.sym[c] == s {
			n = c
			continue
		}
		c := int32(len(t.sym))
		t.first, t.next, t.last = append(t.first, -1), append(t.next, -1), append(t.last, -1)
		t.sym, t.key = append(t.sym, s), append(t.key, -1)
		if l := t.last[n]; l >= 0 {
			t.next[l] = c
		} else {
			t.first[n] = c
		}
		t.last[n] = c
		n = c
	}
	t.key[n] = id
}

// layout numbers the nodes of t breadth first and lays out their edges.
func (a *automaton) layout(t *trie) {
	n := len(t.sym)
	order := make([]int32, 1, n) // old numbers in breadth-first order
	id := make([]int32, n)       // new number of each old one
	a.lo = make([]int32, n+1)
	a.sym = make([]int32, 0, n-1)
	a.to = make([]int32, 0, n-1)
	a.key = make([]int32, n)
	for i := 0; i < len(order); i++ {
		old := order[i]
		a.key[i] = t.key[old]
		a.lo[i] = int32(len(a.sym))
		for c := t.first[old]; c >= 0; c = t.next[c] {
			id[c] = int32(len(order))
			order = append(order, c)
			a.sym = append(a.sym, t.sym[c])
			a.to = append(a.to, id[c])
		}
	}
	a.lo[n] = int32(len(a.sym))
	a.root = make([]int32, a.alpha.size+1)
	for e := a.lo[0]; e < a.lo[1]; e++ {
		a.root[a.sym[e]] = a.to[e]
	}
}

// link sets the fail and dictionary links, breadth first.
func (a *automaton) link() {
	n := len(a.key)
	a.fail = make([]int32, n)
	a.dict = make([]int32, n)
	a.dict[0] = -1
	for u := range int32(n) {
		for e := a.lo[u]; e < a.lo[u+1]; e++ {
			v, s := a.to[e], a.sym[e]
			if u != 0 {
				a.fail[v] = a.step(a.fail[u], s)
			}
			if f := a.fail[v]; a.key[f] >= 0 {
				a.dict[v] = f
			} else {
				a.dict[v] = a.dict[f]
			}
		}
	}
}

// child returns the child of node n by symbol s, or -1.
func (a *automaton) child(n, s int32) int32 {
	lo, hi := a.lo[n], a.lo[n+1]
	if hi-lo > 8 {
		for lo < hi {
			m := int32(uint32(lo+hi) >> 1)
			if a.sym[m] < s {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < a.lo[n+1] && a.sym[lo] == s {
			return a.to[lo]
		}
		return -1
	}
	for ; lo < hi; lo++ {
		if a.sym[lo] == s {
			return a.to[lo]
		}
	}
	return -1
}

// step returns the state after reading symbol s in state n.
func (a *automaton) step(n, s int32) int32 {
	for n != 0 {
		if c := a.child(n, s); c >= 0 {
			return c
		}
		n = a.fail[n]
	}
	if int(s) < len(a.root) {
		return a.root[s]
	}
	return 0
}

// bytes returns the memory the automaton holds, in bytes.
func (a *automaton) bytes() int {
	n := 4 * (cap(a.root) + cap(a.lo) + cap(a.sym) + cap(a.to) + cap(a.fail) + cap(a.key) + cap(a.dict) + cap(a.alpha.low))
	return n + 16*len(a.alpha.high) // about what a map entry of two 4-byte values costs
}
