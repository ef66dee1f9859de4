package agreement

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
)

// ErrDuplicate is wrapped by the error for a document that holds an annotator's work twice,
// or two stances of one annotator toward one target.
var ErrDuplicate = errors.New("given twice")

// Options choose what a Counter measures.
type Options struct {
	// Annotators, when not empty, are the only annotators that count, and each of them is
	// reported even without a document. Empty means everyone met.
	Annotators []string
	// Targets are the stance targets to report first, in this order, with their names;
	// targets met in the documents and missing here follow, by id, named by their id.
	Targets []labels.Target
	// StanceLabels are the categories every target may take (the schema's stance labels).
	// Gwet's AC1 depends on their number; labels met and missing here are added.
	StanceLabels []string
	// KeepDocuments keeps each document's figures for Documents (some hundred bytes a
	// document); without it the Counter's memory does not grow with the documents.
	KeepDocuments bool
}

// Counter sums agreement over documents given one at a time. The zero value is not usable;
// call NewCounter.
type Counter struct {
	opts       Options
	only       *index // nil: everyone counts
	annotators index
	labels     index // entity labels
	spanPairs  grid[spanPair]
	targetIDs  index
	targets    []*targetStats // by the number of their id in targetIDs
	documents  []DocumentAgreement

	// scratch space reused from one document to the next
	members []member
	prep    []prepared
	ratings []rating
	used    []bool
	counts  []int
	pairs   []docPair
}

// member is one annotator's work on the document being added.
type member struct {
	work      *Annotation
	annotator int
}

// NewCounter returns a Counter with nothing added.
func NewCounter(o Options) *Counter {
	c := &Counter{opts: o}
	if len(o.Annotators) > 0 {
		c.only = &index{}
		for _, name := range o.Annotators {
			c.only.of(name)
			c.annotators.of(name)
		}
	}
	for _, t := range o.Targets {
		c.target(t.ID, t.Name, true)
	}
	return c
}

// AddDocument adds one document's annotations. A document with two annotations by one
// annotator, or two stances of one annotator toward one target, is refused with ErrDuplicate
// and leaves the Counter as it was.
func (c *Counter) AddDocument(doc DocumentAnnotations) error {
	if err := c.collect(doc); err != nil {
		return err
	}
	ms := c.members
	for len(c.prep) < len(ms) {
		c.prep = append(c.prep, prepared{})
	}
	for i, m := range ms {
		c.prep[i].fill(m.work.Entities, c.labels.of)
	}
	c.pairs = c.pairs[:0]
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			p := c.spanPairs.at(ms[i].annotator, ms[j].annotator)
			c.pairs = append(c.pairs, p.add(&c.prep[i], &c.prep[j], &c.used))
		}
	}
	split := c.addStances()
	if c.opts.KeepDocuments {
		c.documents = append(c.documents, c.document(doc.DocID, split))
	}
	return nil
}

// collect checks doc and sets c.members to the annotations that count, ordered by annotator
// name.
func (c *Counter) collect(doc DocumentAnnotations) error {
	c.members = c.members[:0]
	for i := range doc.Work {
		w := &doc.Work[i]
		if w.Annotator == "" || (c.only != nil && !c.only.has(w.Annotator)) {
			continue
		}
		for _, m := range c.members {
			if m.work.Annotator == w.Annotator {
				return fmt.Errorf("document %s: %w: the work of annotator %q", doc.DocID, ErrDuplicate, w.Annotator)
			}
		}
		if t, twice := twoStances(w.Stances); twice {
			return fmt.Errorf("document %s: %w: the stance of annotator %q toward target %q", doc.DocID, ErrDuplicate, w.Annotator, t)
		}
		c.members = append(c.members, member{work: w})
	}
	slices.SortFunc(c.members, func(x, y member) int { return strings.Compare(x.work.Annotator, y.work.Annotator) })
	for i := range c.members {
		c.members[i].annotator = c.annotators.of(c.members[i].work.Annotator)
	}
	return nil
}

// twoStances returns a target that ss labels twice.
func twoStances(ss []Stance) (string, bool) {
	for i, s := range ss {
		if s.Label == "" {
			continue
		}
		for _, o := range ss[:i] {
			if o.Label != "" && o.Target == s.Target {
				return s.Target, true
			}
		}
	}
	return "", false
}

// addStances adds the document stances of c.members and returns the number of targets
// whose ratings disagree.
func (c *Counter) addStances() int {
	c.ratings = c.ratings[:0]
	for rank, m := range c.members {
		for _, s := range m.work.Stances {
			if s.Label == "" {
				continue
			}
			ti := c.target(s.Target, "", false)
			cat := c.targets[ti].categories.of(s.Label)
			c.ratings = append(c.ratings, rating{target: ti, rank: rank, annotator: m.annotator, category: cat})
		}
	}
	slices.SortFunc(c.ratings, func(x, y rating) int {
		if x.target != y.target {
			return x.target - y.target
		}
		return x.rank - y.rank
	})
	split := 0
	for rs := c.ratings; len(rs) > 0; {
		n := 1
		for n < len(rs) && rs[n].target == rs[0].target {
			n++
		}
		if c.targets[rs[0].target].addDocument(rs[:n], &c.counts) {
			split++
		}
		rs = rs[n:]
	}
	return split
}

// target returns the number of the target with this id, adding it when new: given says it
// comes from Options.Targets, with its name.
func (c *Counter) target(id, name string, given bool) int {
	i := c.targetIDs.of(id)
	if i == len(c.targets) {
		if name == "" {
			name = id
		}
		t := newTargetStats(id, name, given)
		for _, l := range c.opts.StanceLabels {
			t.categories.of(l)
		}
		c.targets = append(c.targets, t)
	}
	return i
}
