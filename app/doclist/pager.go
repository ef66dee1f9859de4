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
// is "", or those with suggestions by score (NewScorePager), or the hits of a search
// (NewSearchPager); source.go reads each. It is safe for use by several goroutines.
type Pager struct {
	st        store.Project
	annotator string
	status    labels.Status // the filter; "" lists every document
	// score, when set, lists the documents with suggestions by their lowest score instead
	// (store.DocumentsByScore): its Source says whose suggestions count.
	score *store.ScorePage
	// search, when set, lists the hits it reads instead, in import order.
	search SearchFunc
	size   int  // the summaries of a page: PageSize, or SearchPageSize for a search
	known  int  // the summaries known to be in the list (a search's, as read)
	ended  bool // the list's last page has been read
	// loaded is called, on the fetching goroutine, when a page that cached asked for arrives
	// (or fails to).
	loaded func(err error)
	// Go, when set, runs a fetch in the background (by default, a goroutine of its own).
	Go func(func())

	fetching sync.Mutex // one fetch at a time, so that a seek is not done twice

	mu      sync.Mutex
	pages   map[int][]store.ScoredSummary // Score is 0 in a list in import order
	used    map[int]uint64                // when each page was last read, for eviction
	tick    uint64
	loading map[int]bool
	epoch   uint64 // changes when pages are forgotten; a fetch begun before is not kept
}

// NewPager returns a pager over the documents of st with status (all for "") for annotator;
// loaded, when not nil, is called when a page that Cached asked for arrives.
func NewPager(st store.Project, annotator string, status labels.Status, loaded func(error)) *Pager {
	return &Pager{
		st: st, annotator: annotator, status: status, loaded: loaded, size: PageSize,
		pages: map[int][]store.ScoredSummary{}, used: map[int]uint64{}, loading: map[int]bool{},
	}
}

// Cached returns summary i when its page is in memory. When it is not, it starts fetching the
// page in the background and returns false; loaded is called when it arrives.
func (p *Pager) Cached(i int) (labels.Summary, bool) {
	k := i / p.size
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.lookup(i); ok {
		return s.Summary, true
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
		return s.Summary, nil
	}
	if i < 0 {
		return labels.Summary{}, fmt.Errorf("document %d: %w", i+1, store.ErrNotFound)
	}
	page, err := p.Fetch(ctx, i/p.size)
	if err != nil {
		return labels.Summary{}, err
	}
	if j := i % p.size; j < len(page) {
		return page[j].Summary, nil
	}
	return labels.Summary{}, fmt.Errorf("document %d: %w", i+1, store.ErrNotFound)
}

// lookup returns summary i from memory. p.mu is held.
func (p *Pager) lookup(i int) (store.ScoredSummary, bool) {
	k := i / p.size
	page, ok := p.pages[k]
	if i < 0 || !ok || i%p.size >= len(page) {
		return store.ScoredSummary{}, false
	}
	p.tick++
	p.used[k] = p.tick
	return page[i%p.size], true
}

// query is the store's page query for this list, without its keys.
func (p *Pager) query(limit int) store.Page {
	return store.Page{Limit: limit, Annotator: p.annotator, Status: p.status}
}

// Fetch reads page k (the summaries [k*size, (k+1)*size) of the list) from the store and
// keeps it. Pages are keyset-paged on import order (on the lowest score and import order in a
// list by score): page k starts after the last document of page k-1, or ends before the first
// of page k+1, when one of them is in memory (in import order). Without such a neighbour, the
// unfiltered list starts page k after order k*PageSize (import orders run 1..N without gaps:
// documents are never deleted); a filtered list, or one by score, has gaps, so seek walks to
// the key that page k starts after. A search is read forward only: after page k-1, or by a
// seek.
func (p *Pager) Fetch(ctx context.Context, k int) ([]store.ScoredSummary, error) {
	p.fetching.Lock()
	defer p.fetching.Unlock()
	p.mu.Lock()
	page, ok := p.pages[k]
	p.mu.Unlock()
	if ok {
		return page, nil
	}

	var after key
	var before int64
	p.mu.Lock()
	prev, next, epoch := p.pages[k-1], p.pages[k+1], p.epoch
	p.mu.Unlock()
	switch {
	case k == 0:
	case len(prev) == p.size:
		after = keyOf(prev[len(prev)-1])
	case len(next) > 0 && p.score == nil && p.search == nil:
		before = next[0].Order
	case p.status == "" && p.score == nil && p.search == nil:
		after.order = int64(k) * PageSize
	default:
		var err error
		after, err = p.seek(ctx, k*p.size)
		if err != nil {
			return nil, fmt.Errorf("document list, page %d: %w", k+1, err)
		}
		if after.order == math.MaxInt64 {
			page = []store.ScoredSummary{} // the list ends before page k
		}
	}
	if page == nil {
		var err error
		if page, err = p.read(ctx, after, before, p.size); err != nil {
			return nil, fmt.Errorf("document list, page %d: %w", k+1, err)
		}
	}
	p.keep(k, page, epoch)
	return page, nil
}

// keep stores page k, read in epoch, evicting the least recently used pages beyond maxPages.
func (p *Pager) keep(k int, page []store.ScoredSummary, epoch uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if epoch != p.epoch {
		return
	}
	p.pages[k] = page
	p.tick++
	p.used[k] = p.tick
	if len(page) > 0 {
		p.known = max(p.known, k*p.size+len(page))
	}
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

// seek returns the key of item i-1 of the list, the key that item i comes after (order 0 for
// item 0), or order math.MaxInt64 when the list has fewer than i items. It starts from the
// nearest item below i that memory holds and reads the summaries between in chunks of
// skipChunk.
func (p *Pager) seek(ctx context.Context, i int) (key, error) {
	if i <= 0 {
		return key{}, nil
	}
	at, k := p.anchorBelow(i) // item at has key k
	for at < i-1 {
		n := min(i-1-at, skipChunk)
		chunk, err := p.read(ctx, k, 0, n)
		if err != nil {
			return key{}, err
		}
		if len(chunk) == 0 {
			return key{order: math.MaxInt64}, nil
		}
		at += len(chunk)
		k = keyOf(chunk[len(chunk)-1])
		if len(chunk) < n {
			return key{order: math.MaxInt64}, nil
		}
	}
	return k, nil
}

// anchorBelow returns the highest item index below i whose key memory holds, with that key;
// -1 and the zero key when there is none (the start of the list).
func (p *Pager) anchorBelow(i int) (int, key) {
	p.mu.Lock()
	defer p.mu.Unlock()
	at, k := -1, key{}
	for n, page := range p.pages {
		for j := len(page) - 1; j >= 0; j-- {
			if idx := n*p.size + j; idx < i {
				if idx > at {
					at, k = idx, keyOf(page[j])
				}
				break
			}
		}
	}
	return at, k
}

// IndexOf returns the index in the list of the document with the given import order, and
// whether it is in the list at all; when it is not, the index is where it would be (the index
// of the first document after it; the end of a list by score). It blocks: call it off the UI
// goroutine.
func (p *Pager) IndexOf(ctx context.Context, order int64) (int, bool, error) {
	if p.status == "" && p.score == nil && p.search == nil {
		return int(order - 1), true, nil
	}
	p.mu.Lock()
	// the item in memory with that order, else the highest item in memory before it (in
	// import order; a list by score is walked from its start)
	at, k := -1, key{}
	for n, page := range p.pages {
		for j, s := range page {
			idx := n*p.size + j
			if s.Order == order {
				p.mu.Unlock()
				return idx, true, nil
			}
			if p.score == nil && s.Order < order && idx > at {
				at, k = idx, keyOf(s)
			}
		}
	}
	p.mu.Unlock()
	for {
		chunk, err := p.read(ctx, k, 0, skipChunk)
		if err != nil {
			return 0, false, fmt.Errorf("document list: %w", err)
		}
		for j, s := range chunk {
			if s.Order == order || p.score == nil && s.Order > order {
				return at + 1 + j, s.Order == order, nil
			}
		}
		if len(chunk) < skipChunk {
			return at + 1 + len(chunk), false, nil
		}
		at += len(chunk)
		k = keyOf(chunk[len(chunk)-1])
	}
}

// SetStatus changes the status of document id in the pages in memory, and returns its index in
// the list, or -1 when no page in memory holds it.
func (p *Pager) SetStatus(id string, st labels.Status) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	i := p.indexOfID(id)
	if i >= 0 {
		p.pages[i/p.size][i%p.size].Status = st
	}
	return i
}

// indexOfID returns the index in the list of document id when a page in memory holds it, else
// -1. p.mu is held.
func (p *Pager) indexOfID(id string) int {
	for k, page := range p.pages {
		for j := range page {
			if page[j].ID == id {
				return k*p.size + j
			}
		}
	}
	return -1
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
