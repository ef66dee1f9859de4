package export

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// ErrBadSplit is wrapped by the errors of ParseSplit, NewSplitter and NewStratifiedSplitter.
var ErrBadSplit = errors.New("invalid split")

// Part is one part of a split: a name (train, dev, test...) and the share of the documents
// it gets.
type Part struct {
	Name  string
	Ratio float64
}

// ParseSplit reads a split such as "train=0.8,dev=0.1,test=0.1": comma-separated
// NAME=RATIO pairs, names free but non-empty and distinct, ratios from 0 to 1 that sum to 1
// within 1e-9. White space around names and ratios is ignored.
func ParseSplit(s string) ([]Part, error) {
	var parts []Part
	for _, item := range strings.Split(s, ",") {
		name, ratio, ok := strings.Cut(item, "=")
		if !ok {
			return nil, fmt.Errorf("%w: %q is not NAME=RATIO", ErrBadSplit, strings.TrimSpace(item))
		}
		r, err := strconv.ParseFloat(strings.TrimSpace(ratio), 64)
		if err != nil {
			return nil, fmt.Errorf("%w: the ratio of %q is not a number: %q", ErrBadSplit, strings.TrimSpace(name), strings.TrimSpace(ratio))
		}
		parts = append(parts, Part{Name: strings.TrimSpace(name), Ratio: r})
	}
	return parts, checkParts(parts)
}

// checkParts verifies names and ratios.
func checkParts(parts []Part) error {
	if len(parts) == 0 {
		return fmt.Errorf("%w: no parts", ErrBadSplit)
	}
	sum := 0.0
	for i, p := range parts {
		if p.Name == "" {
			return fmt.Errorf("%w: part %d has no name", ErrBadSplit, i+1)
		}
		if slices.ContainsFunc(parts[:i], func(q Part) bool { return q.Name == p.Name }) {
			return fmt.Errorf("%w: part %q is named twice", ErrBadSplit, p.Name)
		}
		if math.IsNaN(p.Ratio) || p.Ratio < 0 || p.Ratio > 1 {
			return fmt.Errorf("%w: the ratio of %q is %v (want 0 to 1)", ErrBadSplit, p.Name, p.Ratio)
		}
		sum += p.Ratio
	}
	if math.Abs(sum-1) > 1e-9 {
		return fmt.Errorf("%w: the ratios sum to %v (want 1)", ErrBadSplit, sum)
	}
	return nil
}

// Splitter assigns documents to the parts of a split.
type Splitter struct {
	part map[string]string
}

// NewSplitter assigns each of ids (document ids; repeats are ignored) to a part: the sorted ids
// are shuffled by a PCG generator seeded with seed (math/rand/v2's PCG(seed, 0), read through
// its Uint64 stream only, so the result does not change with Go's versions) and cut in the
// parts' order by cumulative ratio, rounded to the nearest document. The assignment depends
// only on the set of ids, the parts and the seed, not on the order of ids.
func NewSplitter(parts []Part, seed uint64, ids []string) (*Splitter, error) {
	return NewStratifiedSplitter(parts, seed, ids, func(string) string { return "" })
}

// NewStratifiedSplitter is NewSplitter within each group of ids that share key(id) (a
// document's stance label, say): each group is split by the ratios on its own, so that every
// part keeps the groups' proportions, each part getting the share of each group to the nearest
// document (within one). Groups are taken in the order of their sorted keys, all from one
// generator. It suits keys with few values: a group of one document goes to the part its
// rounded position falls in, the first one for most ratios.
func NewStratifiedSplitter(parts []Part, seed uint64, ids []string, key func(id string) string) (*Splitter, error) {
	if err := checkParts(parts); err != nil {
		return nil, err
	}
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	groups := map[string][]string{}
	for _, id := range sorted {
		k := key(id)
		groups[k] = append(groups[k], id)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	s := &Splitter{part: make(map[string]string, len(sorted))}
	rng := rand.NewPCG(seed, 0)
	for _, k := range keys {
		g := groups[k]
		shuffle(rng, g)
		s.cut(parts, g)
	}
	return s, nil
}

// cut assigns the ids, in order, to the parts by cumulative ratio.
func (s *Splitter) cut(parts []Part, ids []string) {
	n, cum, from := len(ids), 0.0, 0
	for i, p := range parts {
		cum += p.Ratio
		to := int(math.Round(cum * float64(n)))
		if i == len(parts)-1 || to > n {
			to = n
		}
		for _, id := range ids[from:max(from, to)] {
			s.part[id] = p.Name
		}
		from = max(from, to)
	}
}

// Part returns the name of the part docID is in, or "" for an id the splitter was not given.
func (s *Splitter) Part(docID string) string { return s.part[docID] }

// shuffle shuffles ids (Fisher-Yates) with numbers drawn from rng's Uint64 stream.
func shuffle(rng *rand.PCG, ids []string) {
	for i := len(ids) - 1; i > 0; i-- {
		j := below(rng, uint64(i+1))
		ids[i], ids[j] = ids[j], ids[i]
	}
}

// below returns a uniform number in [0, n), by Lemire's multiply and reject.
func below(rng *rand.PCG, n uint64) uint64 {
	hi, lo := bits.Mul64(rng.Uint64(), n)
	if lo < n {
		for thresh := -n % n; lo < thresh; {
			hi, lo = bits.Mul64(rng.Uint64(), n)
		}
	}
	return hi
}
