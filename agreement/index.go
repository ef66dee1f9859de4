package agreement

// smallIndex is how many strings an index finds by comparing before it builds a map.
const smallIndex = 8

// index numbers strings in the order they are added: the labels, targets, categories and
// annotators of a Counter, which are few and looked up once per span or stance.
type index struct {
	list []string
	m    map[string]int // once the list outgrows smallIndex
}

// of returns the number of s, adding s when new.
func (x *index) of(s string) int {
	if x.m != nil {
		if i, ok := x.m[s]; ok {
			return i
		}
	} else {
		for i, t := range x.list {
			if t == s {
				return i
			}
		}
	}
	x.list = append(x.list, s)
	switch {
	case x.m != nil:
		x.m[s] = len(x.list) - 1
	case len(x.list) > smallIndex:
		x.m = make(map[string]int, 2*len(x.list))
		for i, t := range x.list {
			x.m[t] = i
		}
	}
	return len(x.list) - 1
}

// has reports whether s was added.
func (x *index) has(s string) bool {
	if x.m != nil {
		_, ok := x.m[s]
		return ok
	}
	for _, t := range x.list {
		if t == s {
			return true
		}
	}
	return false
}

// grid holds a value for each ordered pair of annotators, made on first use.
type grid[T any] struct {
	rows [][]*T
}

// at returns the value of (a, b), making it when absent.
func (g *grid[T]) at(a, b int) *T {
	for a >= len(g.rows) {
		g.rows = append(g.rows, nil)
	}
	for b >= len(g.rows[a]) {
		g.rows[a] = append(g.rows[a], nil)
	}
	if g.rows[a][b] == nil {
		g.rows[a][b] = new(T)
	}
	return g.rows[a][b]
}

// get returns the value of (a, b), nil when it was never made.
func (g *grid[T]) get(a, b int) *T {
	if a < len(g.rows) && b < len(g.rows[a]) {
		return g.rows[a][b]
	}
	return nil
}
