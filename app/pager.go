package app

import (
	"context"
	"fmt"
	"sync"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// pageSize is the number of summaries fetched at a time.
const pageSize = 200

// maxPages bounds the pages kept in memory (12,800 summaries); the least recently used go first.
const maxPages = 64

// pager is the document list's window on the project: it holds the pages of summaries the list
// has shown lately, fetches the others from the store when asked for them, and never the whole
// corpus. It is safe for use by several goroutines.
type pager struct {
	st        *store.Store
	annotator string
	// loaded is called, on the fetching goroutine, when a page that cached asked for arrives
	// (or fails to).
	loaded func(err error)

	mu      sync.Mutex
	pages   map[int][]labels.Summary
	used    map[int]uint64 // when each page was last read, for eviction
	tick    uint64
	loading map[int]bool
}

func newPager(st *store.Store, annotator string, loaded func(error)) *pager {
	return &pager{
		st: st, annotator: annotator, loaded: loaded,
		pages: map[int][]labels.Summary{}, used: map[int]uint64{}, loading: map[int]bool{},
	}
}

// cached returns summary i when its page is in memory. When it is not, it starts fetching the
// page in the background and returns false; p.loaded is called when it arrives.
func (p *pager) cached(i int) (labels.Summary, bool) {
	k := i / pageSize
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.lookup(i); ok {
		return s, true
	}
	if _, ok := p.pages[k]; ok {
		return labels.Summary{}, false // the page is shorter than the list thinks: no refetching
	}
	if !p.loading[k] {
		p.loading[k] = true
		go func() {
			_, err := p.fetch(context.Background(), k)
			p.mu.Lock()
			delete(p.loading, k)
			p.mu.Unlock()
			if p.loaded != nil {
				p.loaded(err)
			}
		}()
	}
	return labels.Summary{}, false
}

// get returns summary i, fetching its page when it is not in memory. It blocks: call it off the
// UI goroutine.
func (p *pager) get(ctx context.Context, i int) (labels.Summary, error) {
	p.mu.Lock()
	s, ok := p.lookup(i)
	p.mu.Unlock()
	if ok {
		return s, nil
	}
	page, err := p.fetch(ctx, i/pageSize)
	if err != nil {
		return labels.Summary{}, err
	}
	if j := i % pageSize; j < len(page) {
		return page[j], nil
	}
	return labels.Summary{}, fmt.Errorf("document %d: %w", i+1, store.ErrNotFound)
}

// lookup returns summary i from memory. p.mu is held.
func (p *pager) lookup(i int) (labels.Summary, bool) {
	k := i / pageSize
	page, ok := p.pages[k]
	if !ok || i%pageSize >= len(page) {
		return labels.Summary{}, false
	}
	p.tick++
	p.used[k] = p.tick
	return page[i%pageSize], true
}

// fetch reads page k (the summaries [k*pageSize, (k+1)*pageSize) of the list) from the store and
// keeps it. Pages are keyset-paged on import order: page k starts after the last document of page
// k-1, or ends before the first of page k+1, when one of them is in memory; else after order
// k*pageSize, since import orders run 1..N without gaps (documents are never deleted).
func (p *pager) fetch(ctx context.Context, k int) ([]labels.Summary, error) {
	q := store.Page{Limit: pageSize, Annotator: p.annotator}
	p.mu.Lock()
	if prev := p.pages[k-1]; len(prev) == pageSize {
		q.After = prev[len(prev)-1].Order
	} else if next := p.pages[k+1]; len(next) > 0 && k > 0 {
		q.Before = next[0].Order
	} else {
		q.After = int64(k) * pageSize
	}
	p.mu.Unlock()

	page, err := p.st.Documents(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("document list, page %d: %w", k+1, err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pages[k] = page
	p.tick++
	p.used[k] = p.tick
	for len(p.pages) > maxPages {
		oldest, at := -1, ^uint64(0)
		for j, t := range p.used {
			if t < at && j != k {
				oldest, at = j, t
			}
		}
		delete(p.pages, oldest)
		delete(p.used, oldest)
	}
	return page, nil
}
