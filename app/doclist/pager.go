package doclist

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// PageSize is the number of summaries fetched at a time.
const PageSize = 200

// maxPages bounds the pages kept in memory (12,800 summaries); the least recently used go first.
const maxPages = 64

// skipChunk is how many summaries a seek reads at a time when it walks a filtered list to a
// page that has no neighbour in memory.
const skipChunk = 10_000

// Pager is the document list's window on the project: it holds the pages of summaries the list
// has shown lately, fetches the others from the store when asked for them, and never the whole
// corpus. It lists the documents of one status (for its annotator), or all of them when status
// is "", or the hits of a search (NewSearchPager). It is safe for use by several goroutines.
type Pager struct {
	st        *store.Store
	annotator string
	status    labels.Status // the filter; "" lists every document
	search    SearchFunc    // the search listed, nil for documents by status
	size      int           // the summaries of a page
	known     int           // the summaries known to be in the list (a search's, as read)
	ended     bool          // the list's last page has been read
	// loaded is called, on the fetching goroutine, when a page that cached asked for arrives
	// (or fails to).
	loaded func(err error)
	// Go, when set, runs a fetch in the background (by default, a goroutine of its own).
	Go func(func())

	fetching sync.Mutex // one fetch at a time, so that a seek is not done twice

	mu      sync.Mutex
	pages   map[int][]labels.Summary
	used    map[int]uint64 // when each page was last read, for eviction
	tick    uint64
	loading map[int]bool
	epoch   uint64 // changes when pages are forgotten; a fetch begun before is not kept
}

// NewPager returns a pager over the documents of st with status (all for "") for annotator;
// loaded, when not nil, is called when a page that Cached asked for arrives.
func NewPager(st *store.Store, annotator string, status labels.Status, loaded func(error)) *Pager {
	return &Pager{
		st: st, annotator: annotator, status: status, loaded: loaded, size: PageSize,
		pages: map[int][]labels.Summary{}, used: map[int]uint64{}, loading: map[int]bool{},
	}
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

// read reads a page of the list: a search's hits after q.After, or the store's documents.
func (p *Pager) read(ctx context.Context, q store.Page) ([]labels.Summary, error) {
	if p.search != nil {
		return p.search(ctx, q.After, q.Limit)
	}
	return p.st.Documents(ctx, q)
}

// Cached returns summary i when its page is in memory. When it is not, it starts fetching the
// page in the background and returns false; loaded is called when it arrives.
func (p *Pager) Cached(i int) (labels.Summary, bool) {
	k := i / p.size
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
		fetch := func() {
			_, err := p.Fetch(context.Background(), k)
			p.mu.Lock()
			delete(p.loading, k)
			p.mu.Unlock()
			if p.loaded != nil {
				p.loaded(err)
			}
		}
		if p.Go != nil {
			p.Go(fetch)
		} else {
			go fetch()
		}
	}
	return labels.Summary{}, false
}

// Get returns summary i, fetching its page when it is not in memory. It blocks: call it off the
// UI goroutine.
func (p *Pager) Get(ctx context.Context, i int) (labels.Summary, error) {
	p.mu.Lock()
	s, ok := p.lookup(i)
	p.mu.Unlock()
	if ok {
		return s, nil
	}
	if i < 0 {
		return labels.Summary{}, fmt.Errorf("document %d: %w", i+1, store.ErrNotFound)
	}
	page, err := p.Fetch(ctx, i/p.size)
	if err != nil {
		return labels.Summary{}, err
	}
	if j := i % p.size; j < len(page) {
		return page[j], nil
	}
	return labels.Summary{}, fmt.Errorf("document %d: %w", i+1, store.ErrNotFound)
}

// lookup returns summary i from memory. p.mu is held.
func (p *Pager) lookup(i int) (labels.Summary, bool) {
	k := i / p.size
	page, ok := p.pages[k]
	if i < 0 || !ok || i%p.size >= len(page) {
		return labels.Summary{}, false
	}
	p.tick++
	p.used[k] = p.tick
	return page[i%p.size], true
}

// query is the store's page query for this list, without its keys.
func (p *Pager) query(limit int) store.Page {
	return store.Page{Limit: limit, Annotator: p.annotator, Status: p.status}
}

// Fetch reads page k (the summaries [k*size, (k+1)*size) of the list, size being PageSize,
// or SearchPageSize for a search) from the store and
// keeps it. Pages are keyset-paged on import order: page k starts after the last document of page
// k-1, or ends before the first of page k+1, when one of them is in memory. Without such a
// neighbour, the unfiltered list starts page k after order k*PageSize (import orders run 1..N
// without gaps: documents are never deleted); a filtered list has gaps, so seek walks to the
// order that page k starts after. A search is read forward only: after page k-1, or by a seek.
func (p *Pager) Fetch(ctx context.Context, k int) ([]labels.Summary, error) {
	p.fetching.Lock()
	defer p.fetching.Unlock()
	p.mu.Lock()
	page, ok := p.pages[k]
	p.mu.Unlock()
	if ok {
		return page, nil
	}

	q := p.query(p.size)
	p.mu.Lock()
	prev, next, epoch := p.pages[k-1], p.pages[k+1], p.epoch
	p.mu.Unlock()
	switch {
	case k == 0:
	case len(prev) == p.size:
		q.After = prev[len(prev)-1].Order
	case len(next) > 0 && p.search == nil:
		q.Before = next[0].Order
	case p.status == "" && p.search == nil:
		q.After = int64(k) * PageSize
	default:
		after, err := p.seek(ctx, k*p.size)
		if err != nil {
			return nil, fmt.Errorf("document list, page %d: %w", k+1, err)
		}
		if after == math.MaxInt64 {
			page = []labels.Summary{} // the list ends before page k
		}
		q.After = after
	}
	if page == nil {
		var err error
		if page, err = p.read(ctx, q); err != nil {
			return nil, fmt.Errorf("document list, page %d: %w", k+1, err)
		}
	}
	p.keep(k, page, epoch)
	return page, nil
}

// keep stores page k, read in epoch, evicting the least recently used pages beyond maxPages.
func (p *Pager) keep(k int, page []labels.Summary, epoch uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if epoch != p.epoch {
		return
	}
	p.pages[k] = page
	p.tick++
	p.used[k] = p.tick
	p.known = max(p.known, k*p.size+len(page))
	if len(page) < p.size {
		p.ended = true
	}
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
}

// seek returns the order of item i-1 of the list, the key that item i comes after (0 for item
// 0), or math.MaxInt64 when the list has fewer than i items. It starts from the nearest item
// below i that memory holds and reads the summaries between in chunks of skipChunk.
func (p *Pager) seek(ctx context.Context, i int) (int64, error) {
	if i <= 0 {
		return 0, nil
	}
	at, order := p.anchorBelow(i) // item at has order
	for at < i-1 {
		n := min(i-1-at, skipChunk)
		q := p.query(n)
		q.After = order
		chunk, err := p.read(ctx, q)
		if err != nil {
			return 0, err
		}
		if len(chunk) == 0 {
			return math.MaxInt64, nil
		}
		at += len(chunk)
		order = chunk[len(chunk)-1].Order
		if len(chunk) < n {
			return math.MaxInt64, nil
		}
	}
	return order, nil
}

// anchorBelow returns the highest item index below i whose order memory holds, with that order;
// -1 and 0 when there is none (the start of the list).
func (p *Pager) anchorBelow(i int) (int, int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	at, order := -1, int64(0)
	for k, page := range p.pages {
		for j := len(page) - 1; j >= 0; j-- {
			if idx := k*p.size + j; idx < i {
				if idx > at {
					at, order = idx, page[j].Order
				}
				break
			}
		}
	}
	return at, order
}

// IndexOf returns the index in the list of the document with the given import order, and
// whether it is in the list at all; when it is not, the index is where it would be (the index
// of the first document after it). It blocks: call it off the UI goroutine.
func (p *Pager) IndexOf(ctx context.Context, order int64) (int, bool, error) {
	if p.status == "" && p.search == nil {
		return int(order - 1), true, nil
	}
	p.mu.Lock()
	// the item in memory with that order, else the highest item in memory before it
	at, o := -1, int64(0)
	for k, page := range p.pages {
		for j, s := range page {
			idx := k*p.size + j
			if s.Order == order {
				p.mu.Unlock()
				return idx, true, nil
			}
			if s.Order < order && idx > at {
				at, o = idx, s.Order
			}
		}
	}
	p.mu.Unlock()
	for {
		q := p.query(skipChunk)
		q.After = o
		chunk, err := p.read(ctx, q)
		if err != nil {
			return 0, false, fmt.Errorf("document list: %w", err)
		}
		for j, s := range chunk {
			if s.Order >= order {
				return at + 1 + j, s.Order == order, nil
			}
		}
		if len(chunk) < skipChunk {
			return at + 1 + len(chunk), false, nil
		}
		at += len(chunk)
		o = chunk[len(chunk)-1].Order
	}
}

// SetStatus changes the status of document id in the pages in memory, and returns its index in
// the list, or -1 when no page in memory holds it.
func (p *Pager) SetStatus(id string, st labels.Status) int {
	i := p.indexOfID(id)
	if i >= 0 {
		p.mu.Lock()
		p.pages[i/p.size][i%p.size].Status = st
		p.mu.Unlock()
	}
	return i
}

// InvalidateFrom forgets the pages that hold or follow the document with import order order,
// after it came into or left the list: their items have moved. The pages before it stay, as
// the keys to read the others from.
func (p *Pager) InvalidateFrom(order int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.epoch++
	for k, page := range p.pages {
		if len(page) < p.size || page[len(page)-1].Order >= order {
			delete(p.pages, k)
			delete(p.used, k)
		}
	}
}

// Pages returns the number of pages in memory.
func (p *Pager) Pages() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.pages)
}

// Status returns the status the pager lists, "" for every document.
func (p *Pager) Status() labels.Status { return p.status }
