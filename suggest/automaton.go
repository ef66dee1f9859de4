package suggest

import (
	"slices"
)

// automaton is an Aho-Corasick automaton over search forms: it finds every key that ends at
// each code point of a text in one pass. A text walks it one node a code point, and over a
// large automaton each node is a cache miss; so the nodes are numbered depth first (the
// root is 0, the first child of node n is n+1, the next letters of a key lie next to each
// other), a node holds what a step reads of it, and the root and nodes of many children
// have a row with the state after every symbol.
type automaton struct {
	alpha alphabet
	nodes []node
	edges []edge  // the children of nodes but their first ones
	delta []int32 // the rows
}

type node struct {
	first int32 // the symbol of the first child (node n+1), 0 without children
	lo, n int32 // the other children are edges[lo:lo+n]; n < 0: the row is delta[lo:]
	fail  int32 // the node of the longest proper suffix that is a prefix of some key
	key   int32 // the key that ends at the node, or -1
	dict  int32 // the next node down the fail chain where a key ends, or -1
}

type edge struct {
	sym, to int32
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
	// its path with the last child of every node it passes, so the trie needs no lookups,
	// and its nodes are made in depth-first order.
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
	bfs := a.breadthFirst()
	a.link(bfs)
	a.rows(bfs)
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

// layout copies the trie, whose nodes were made depth first, into nodes and edges.
func (a *automaton) layout(t *trie) {
	a.nodes = make([]node, len(t.sym))
	for n := range a.nodes {
		nd := &a.nodes[n]
		nd.key, nd.lo = t.key[n], int32(len(a.edges))
		c := t.first[n]
		if c < 0 {
			continue
		}
		if c != int32(n)+1 {
			panic("suggest: trie not made depth first") // insert's order makes it so
		}
		nd.first = t.sym[c]
		for c = t.next[c]; c >= 0; c = t.next[c] {
			a.edges = append(a.edges, edge{sym: t.sym[c], to: c})
		}
		nd.n = int32(len(a.edges)) - nd.lo
	}
}

// breadthFirst returns the nodes in breadth-first order.
func (a *automaton) breadthFirst() []int32 {
	order := make([]int32, 1, len(a.nodes))
	for i := 0; i < len(order); i++ {
		order = a.children(order[i], order)
	}
	return order
}

// children appends the children of node n to out.
func (a *automaton) children(n int32, out []int32) []int32 {
	nd := a.nodes[n]
	if nd.first == 0 {
		return out
	}
	out = append(out, n+1)
	for _, e := range a.edges[nd.lo : nd.lo+nd.n] {
		out = append(out, e.to)
	}
	return out
}

// link sets the fail and dictionary links, in breadth-first order.
func (a *automaton) link(bfs []int32) {
	a.nodes[0].dict = -1
	var kids []int32
	for _, u := range bfs {
		kids = a.children(u, kids[:0])
		for _, v := range kids {
			nv := &a.nodes[v]
			if u != 0 {
				nv.fail = a.step(a.nodes[u].fail, a.symOf(u, v))
			}
			if f := a.nodes[nv.fail]; f.key >= 0 {
				nv.dict = nv.fail
			} else {
				nv.dict = f.dict
			}
		}
	}
}

// symOf returns the symbol of the edge from node u to its child v.
func (a *automaton) symOf(u, v int32) int32 {
	nd := a.nodes[u]
	if v == u+1 {
		return nd.first
	}
	for _, e := range a.edges[nd.lo : nd.lo+nd.n] {
		if e.to == v {
			return e.sym
		}
	}
	panic("suggest: not a child")
}

// rows gives the root, and every node with at least a quarter of the symbols as children, a
// row of the state after each symbol (its child, or where the fail links lead), so that the
// text's letters, which mostly pass through those nodes, take one load each there. The rows
// hold at most four cells per edge. They are made in breadth-first order, so that the rows
// down the fail chain of a node are there before its own.
func (a *automaton) rows(bfs []int32) {
	width := int32(a.alpha.size + 1)
	for _, n := range bfs {
		nd := &a.nodes[n]
		if kids := nd.n + 1; n > 0 && (nd.first == 0 || kids*4 < width) {
			continue
		}
		row := make([]int32, width)
		for s := range width {
			row[s] = a.step(n, s) // without its row yet: the child, or down the fail chain
		}
		nd.lo, nd.n = int32(len(a.delta)), -1
		a.delta = append(a.delta, row...)
	}
}

// step returns the state after reading symbol s in state n.
func (a *automaton) step(n, s int32) int32 {
	for {
		nd := &a.nodes[n]
		switch {
		case nd.n < 0:
			return a.delta[nd.lo+s]
		case nd.first == s && s != 0:
			return n + 1
		}
		if c := find(a.edges[nd.lo:nd.lo+nd.n], s); c >= 0 {
			return c
		}
		if n == 0 {
			return 0 // only while the root's row is made
		}
		n = nd.fail
	}
}

// find returns the node that the edge of es by symbol s leads to, or -1.
func find(es []edge, s int32) int32 {
	if len(es) > 8 {
		i, found := slices.BinarySearchFunc(es, s, func(e edge, s int32) int { return int(e.sym - s) })
		if !found {
			return -1
		}
		return es[i].to
	}
	for _, e := range es {
		if e.sym == s {
			return e.to
		}
	}
	return -1
}

// bytes returns the memory the automaton holds, in bytes.
func (a *automaton) bytes() int {
	n := 24*cap(a.nodes) + 8*cap(a.edges) + 4*(cap(a.delta)+cap(a.alpha.low))
	return n + 16*len(a.alpha.high) // about what a map entry of two 4-byte values costs
}
