package doclist

import (
	"context"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// What a pager reads: the documents of a status in import order (NewPager), those with
// suggestions by their lowest score (NewScorePager), or the hits of a search in import order
// (NewSearchPager). The paging (pager.go) is the same for the three: pages keyed on where the
// page before ended, a seek to a page without a neighbour in memory.

// NewScorePager returns a pager over the documents of st that have suggestions of source
// ("" for any), the lowest scored first, with the statuses of annotator; loaded is as
// NewPager's.
func NewScorePager(st store.Project, annotator, source string, loaded func(error)) *Pager {
	p := NewPager(st, annotator, "", loaded)
	p.score = &store.ScorePage{Source: source}
	return p
}

// key is where a page starts or ends: a document's import order, and its lowest score in a
// list by score.
type key struct {
	order int64
	score float64
}

// keyOf returns the key of s.
func keyOf(s store.ScoredSummary) key { return key{s.Order, s.Score} }

// read reads up to limit summaries of the list after the key after (from the start when its
// order is 0), or before the order before (when not 0; in import order, not a search, only).
func (p *Pager) read(ctx context.Context, after key, before int64, limit int) ([]store.ScoredSummary, error) {
	if p.search != nil {
		hits, err := p.search(ctx, after.order, limit)
		return scored(hits), err
	}
	if p.score != nil {
		q := *p.score
		q.AfterScore, q.AfterOrder, q.Limit, q.Annotator = after.score, after.order, limit, p.annotator
		return p.st.DocumentsByScore(ctx, q)
	}
	q := p.query(limit)
	q.After, q.Before = after.order, before
	docs, err := p.st.Documents(ctx, q)
	return scored(docs), err
}

// scored returns docs as the summaries of a list in import order (of score 0).
func scored(docs []labels.Summary) []store.ScoredSummary {
	out := make([]store.ScoredSummary, len(docs))
	for i, d := range docs {
		out[i].Summary = d
	}
	return out
}

// SearchFunc reads the hits of a search that come after the document of import order after
// (0: from the first), at most limit of them, in import order; fewer than limit are the last.
type SearchFunc func(ctx context.Context, after int64, limit int) ([]labels.Summary, error)

// SearchPageSize is the number of hits fetched at a time: a page of a search costs more than
// a page of documents, and the first one is waited for.
const SearchPageSize = 100

// NewSearchPager returns a pager over the hits that search reads; loaded is as for NewPager.
// Its length is not known before its last page is read (Known).
func NewSearchPager(search SearchFunc, loaded func(error)) *Pager {
	p := NewPager(nil, "", "", loaded)
	p.search, p.size = search, SearchPageSize
	return p
}

// Known returns the number of summaries known to be in the list, and whether that is all of
// them (its last page has been read). A list of documents by status is known by its counts
// instead.
func (p *Pager) Known() (int, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.known, p.ended
}
