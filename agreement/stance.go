package agreement

// rating is one annotator's stance on the document being added, with everything interned:
// the target, the annotator's rank among the document's annotators (by name), the
// annotator, and the category.
type rating struct {
	target, rank, annotator, category int
}

// targetStats holds the running sums of one stance target.
type targetStats struct {
	id         string
	name       string
	given      bool   // named in Options.Targets
	categories index  // the stance labels met or given, numbered
	raters     []bool // by annotator: rated at least one document
	gwet       gwetSums
	alpha      alphaSums
	fleiss     []*fleissTable // by the number of ratings of a document
	pairs      grid[square]   // by annotators, a before b by name
}

func newTargetStats(id, name string, given bool) *targetStats {
	return &targetStats{id: id, name: name, given: given}
}

// addDocument adds the ratings of one document (ordered by rank), with counts as scratch
// space, and reports whether they disagree.
func (t *targetStats) addDocument(rs []rating, counts *[]int) bool {
	k := len(t.categories.list)
	if cap(*counts) < k {
		*counts = make([]int, k)
	}
	n := (*counts)[:k]
	clear(n)
	for _, r := range rs {
		n[r.category]++
		for r.annotator >= len(t.raters) {
			t.raters = append(t.raters, false)
		}
		t.raters[r.annotator] = true
	}
	r := len(rs)
	t.addShares(n, r)
	if r < 2 {
		return false
	}
	sq := 0
	for _, c := range n {
		sq += c * c
	}
	t.gwet.pairable++
	t.gwet.agree += float64(sq-r) / float64(r*(r-1))
	t.alpha.disagree += float64(r*r-sq) / float64(r-1)
	grow(&t.alpha.values, k)
	for c, v := range n {
		t.alpha.values[c] += v
	}
	t.addFleiss(n, r, sq)
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			t.pairs.at(rs[i].annotator, rs[j].annotator).add(rs[i].category, rs[j].category)
		}
	}
	return sq != r*r
}

// addShares adds a document rated r times with counts n to the category shares of AC1.
func (t *targetStats) addShares(n []int, r int) {
	t.gwet.rated++
	grow(&t.gwet.shares, len(n))
	for c, v := range n {
		t.gwet.shares[c] += float64(v) / float64(r)
	}
}

// addFleiss adds a document rated r times with counts n (whose squares sum to sq) to the
// Fleiss table of the documents rated r times.
func (t *targetStats) addFleiss(n []int, r, sq int) {
	for r >= len(t.fleiss) {
		t.fleiss = append(t.fleiss, nil)
	}
	f := t.fleiss[r]
	if f == nil {
		f = &fleissTable{}
		t.fleiss[r] = f
	}
	f.items++
	f.sumSq += sq
	grow(&f.totals, len(n))
	for c, v := range n {
		f.totals[c] += v
	}
}

// grow extends s with zeros to length k at least.
func grow[T int | float64](s *[]T, k int) {
	for len(*s) < k {
		*s = append(*s, 0)
	}
}
