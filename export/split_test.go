package export

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestParseSplit(t *testing.T) {
	parts, err := ParseSplit(" train = 0.8, dev=0.1,test=0.1")
	if err != nil {
		t.Fatal(err)
	}
	want := []Part{{"train", 0.8}, {"dev", 0.1}, {"test", 0.1}}
	if !slices.Equal(parts, want) {
		t.Errorf("ParseSplit = %v, want %v", parts, want)
	}
	if _, err := ParseSplit("a=0.7,b=0.2,c=0.1,d=0"); err != nil {
		t.Errorf("a zero part refused: %v", err)
	}
	for _, bad := range []string{
		"", "train", "train=0.8,dev=0.1", "train=0.8,dev=0.3,test=-0.1", "train=x,dev=1",
		"a=0.5,a=0.5", "=1", "a=1.5,b=-0.5", "a=NaN", "a=0.5,b=0.5,", "a=0.5;b=0.5",
	} {
		if _, err := ParseSplit(bad); !errors.Is(err, ErrBadSplit) {
			t.Errorf("ParseSplit(%q) = %v, want ErrBadSplit", bad, err)
		}
	}
	// The sum is checked within 1e-9: floating point sums pass, real shortfalls do not.
	if _, err := ParseSplit("a=0.1,b=0.2,c=0.7"); err != nil {
		t.Errorf("0.1+0.2+0.7 refused: %v", err)
	}
	if _, err := ParseSplit("a=0.5,b=0.499999998"); !errors.Is(err, ErrBadSplit) {
		t.Errorf("a sum of 0.999999998 accepted")
	}
}

func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("doc-%05d", i)
	}
	return out
}

func assignment(s *Splitter, ids []string) map[string]string {
	m := map[string]string{}
	for _, id := range ids {
		m[id] = s.Part(id)
	}
	return m
}

func TestSplitterIsReproducible(t *testing.T) {
	parts, _ := ParseSplit("train=0.8,dev=0.1,test=0.1")
	all := ids(1000)
	a, err := NewSplitter(parts, 42, all)
	if err != nil {
		t.Fatal(err)
	}
	rev := slices.Clone(all)
	slices.Reverse(rev)
	rev = append(rev, all[:10]...) // repeats are ignored
	b, _ := NewSplitter(parts, 42, rev)
	c, _ := NewSplitter(parts, 43, all)
	ma, mb, mc := assignment(a, all), assignment(b, all), assignment(c, all)
	differ := 0
	for _, id := range all {
		if ma[id] != mb[id] {
			t.Fatalf("%s: %s in one order, %s in another", id, ma[id], mb[id])
		}
		if ma[id] != mc[id] {
			differ++
		}
	}
	if differ < 100 {
		t.Errorf("seeds 42 and 43 differ on %d of 1000 documents only", differ)
	}
	if got := a.Part("unknown"); got != "" {
		t.Errorf("Part(unknown) = %q", got)
	}
	// The assignment is pinned, so that a Go upgrade that changed it would be noticed.
	small, _ := NewSplitter(parts, 42, ids(10))
	var got []string
	for _, id := range ids(10) {
		got = append(got, small.Part(id))
	}
	want := []string{"train", "train", "train", "train", "train", "train", "train", "train", "test", "dev"}
	if !slices.Equal(got, want) {
		t.Errorf("seed 42, 10 documents: %v, want %v", got, want)
	}
}

func TestSplitterRatios(t *testing.T) {
	parts, _ := ParseSplit("train=0.8,dev=0.1,test=0.1")
	all := ids(10000)
	s, _ := NewSplitter(parts, 7, all)
	count := map[string]int{}
	for _, id := range all {
		count[s.Part(id)]++
	}
	for _, p := range parts {
		if want := p.Ratio * 10000; math.Abs(float64(count[p.Name])-want) > 1 {
			t.Errorf("%s: %d documents, want %v", p.Name, count[p.Name], want)
		}
	}
	// Every document lands in a part, also when the ratios round awkwardly.
	odd, _ := ParseSplit("a=0.333,b=0.333,c=0.334")
	s, _ = NewSplitter(odd, 1, ids(7))
	for _, id := range ids(7) {
		if s.Part(id) == "" {
			t.Errorf("%s has no part", id)
		}
	}
}

func TestStratifiedSplitter(t *testing.T) {
	parts, _ := ParseSplit("train=0.7,dev=0.15,test=0.15")
	all := ids(10000)
	labels := []string{"FAVOR", "AGAINST", "NEUTRAL", "NONE"}
	key := func(id string) string {
		var n int
		fmt.Sscanf(id, "doc-%d", &n)
		// Unbalanced groups: 50%, 30%, 15%, 5%.
		switch r := n % 20; {
		case r < 10:
			return labels[0]
		case r < 16:
			return labels[1]
		case r < 19:
			return labels[2]
		}
		return labels[3]
	}
	s, err := NewStratifiedSplitter(parts, 3, all, key)
	if err != nil {
		t.Fatal(err)
	}
	group, count := map[string]int{}, map[[2]string]int{}
	for _, id := range all {
		group[key(id)]++
		count[[2]string{key(id), s.Part(id)}]++
	}
	for _, l := range labels {
		for _, p := range parts {
			want := p.Ratio * float64(group[l])
			if got := count[[2]string{l, p.Name}]; math.Abs(float64(got)-want) > 1 {
				t.Errorf("%s in %s: %d documents, want %v", l, p.Name, got, want)
			}
		}
	}
	shuffled := slices.Clone(all)
	slices.Reverse(shuffled)
	s2, _ := NewStratifiedSplitter(parts, 3, shuffled, key)
	for _, id := range all {
		if s.Part(id) != s2.Part(id) {
			t.Fatalf("%s: the order of ids changed its part", id)
		}
	}
	if _, err := NewStratifiedSplitter([]Part{{"a", 0.5}}, 1, all, key); !errors.Is(err, ErrBadSplit) {
		t.Errorf("ratios summing to 0.5 accepted: %v", err)
	}
}
