package agreement

// square is the confusion matrix of two annotators on one target: cell (i, j) counts the
// documents that a rated with category i and b with category j. It grows with the categories.
type square struct {
	k     int
	cells []int // k×k, row-major
}

// add counts one document rated i by a and j by b.
func (m *square) add(i, j int) {
	if k := max(i, j) + 1; k > m.k {
		m.grow(k)
	}
	m.cells[i*m.k+j]++
}

// grow makes room for k categories, keeping the counts.
func (m *square) grow(k int) {
	cells := make([]int, k*k)
	for i := range m.k {
		copy(cells[i*k:i*k+m.k], m.cells[i*m.k:(i+1)*m.k])
	}
	m.k, m.cells = k, cells
}

// cohen returns the number of documents, the observed agreement and Cohen's kappa of m.
// Kappa is nil when there is no document or when p_e = 1 (both annotators used one and the
// same category only).
func (m *square) cohen() (items int, observed, kappa *Score) {
	diag, chance := 0, 0 // chance = Σ_k row_k·col_k, so that p_e = chance/n²
	for i := range m.k {
		row, col := 0, 0
		for j := range m.k {
			row += m.cells[i*m.k+j]
			col += m.cells[j*m.k+i]
		}
		items += row
		diag += m.cells[i*m.k+i]
		chance += row * col
	}
	if items == 0 {
		return 0, nil, nil
	}
	observed = share(diag, items)
	if chance == items*items {
		return items, observed, nil
	}
	// (p_o − p_e)/(1 − p_e) with p_o = diag/n and p_e = chance/n², multiplied through by n².
	n := float64(items)
	return items, observed, score((n*float64(diag) - float64(chance)) / (n*n - float64(chance)))
}

// fleissTable sums the documents rated by the same number of annotators, for Fleiss' kappa.
type fleissTable struct {
	items  int
	sumSq  int   // Σ_i Σ_k n_ik²
	totals []int // by category: Σ_i n_ik
}

// fleiss returns Fleiss' kappa of t, whose documents each have m ratings, or nil when it is
// undefined (m < 2, no document, or one category only).
func (t *fleissTable) fleiss(m int) *Score {
	if t == nil || m < 2 || t.items == 0 {
		return nil
	}
	ratings := t.items * m
	sq := 0
	for _, c := range t.totals {
		sq += c * c
	}
	if sq == ratings*ratings {
		return nil
	}
	// P̄ = (Σ_i Σ_k n_ik² − N·m) / (N·m·(m−1)); P̄e = Σ_k (T_k/(N·m))².
	pBar := float64(t.sumSq-ratings) / float64(ratings*(m-1))
	pe := float64(sq) / (float64(ratings) * float64(ratings))
	return score((pBar - pe) / (1 - pe))
}

// alphaSums are the sums Krippendorff's nominal alpha needs: the disagreeing pairs of each
// pairable document, weighted by 1/(r_u − 1), and the pairable ratings of each category.
type alphaSums struct {
	disagree float64 // Σ_u (r_u² − Σ_k n_uk²)/(r_u − 1)
	values   []int   // by category: n_k
}

// alpha returns Krippendorff's nominal alpha, or nil with no pairable rating or one category.
func (a *alphaSums) alpha() *Score {
	n, sq := 0, 0
	for _, c := range a.values {
		n += c
		sq += c * c
	}
	expected := n*n - sq // Σ_{c≠k} n_c·n_k
	if expected == 0 {
		return nil
	}
	return score(1 - float64(n-1)*a.disagree/float64(expected))
}

// gwetSums are the sums Gwet's AC1 and percent agreement need.
type gwetSums struct {
	pairable int       // documents rated at least twice
	agree    float64   // Σ over them of Σ_k n_ik(n_ik−1) / (r_i(r_i−1))
	rated    int       // documents rated at least once
	shares   []float64 // by category: Σ over them of n_ik/r_i
}

// percent returns the percent agreement, nil with no document rated twice.
func (g *gwetSums) percent() *Score {
	if g.pairable == 0 {
		return nil
	}
	return score(g.agree / float64(g.pairable))
}

// ac1 returns Gwet's AC1 over q categories, nil with no document rated twice or q < 2.
func (g *gwetSums) ac1(q int) *Score {
	if g.pairable == 0 || q < 2 {
		return nil
	}
	pa := g.agree / float64(g.pairable)
	pe := 0.0
	for _, s := range g.shares {
		pi := s / float64(g.rated)
		pe += pi * (1 - pi)
	}
	pe /= float64(q - 1)
	return score((pa - pe) / (1 - pe))
}
