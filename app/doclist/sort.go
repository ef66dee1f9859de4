package doclist

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// The list can be sorted by the lowest score of each document's suggestions, the documents a
// model (or any source) is least sure of first, so that an annotator checks those first. It
// then lists the documents that have suggestions, whatever their status, a page at a time
// from the index the store keeps (store.DocumentsByScore); the status filter waits.

// The sort choices: import order, the lowest score of any source, and of each source.
func sortImport() string { return lang.X("list.sort.import", "In order") }
func sortLowest() string { return lang.X("list.sort.lowest", "Least sure") }

// sortOf returns the choice of the lowest score of source's suggestions.
func sortOf(source string) string {
	return lang.X("list.sort.of", "Least sure: {{.Source}}", msg.M{"Source": source})
}

// sortOptions returns the sort choices for the sources of the project's suggestions.
func sortOptions(sources []string) []string {
	opts := []string{sortImport(), sortLowest()}
	for _, s := range sources {
		opts = append(opts, sortOf(s))
	}
	return opts
}

// sortOption returns the choice of a sort: import order when byScore is false, else by the
// lowest score of source ("" for any).
func sortOption(byScore bool, source string) string {
	switch {
	case !byScore:
		return sortImport()
	case source == "":
		return sortLowest()
	}
	return sortOf(source)
}

// onSort lists the documents in the order chosen.
func (l *List) onSort(opt string) {
	byScore, source := opt != sortImport(), ""
	if byScore && opt != sortLowest() {
		for _, s := range l.sources {
			if opt == sortOf(s) {
				source = s
			}
		}
	}
	if l.docs == nil || byScore == l.byScore && source == l.scoreSource {
		return
	}
	l.SetSort(byScore, source)
}

// SetSort lists the documents with suggestions by the lowest score of source's ("" for any),
// when byScore is set, else every document in import order (of the status filtered).
func (l *List) SetSort(byScore bool, source string) {
	l.byScore, l.scoreSource = byScore, source
	if l.Sort.Selected != sortOption(byScore, source) {
		l.Sort.SetSelected(sortOption(byScore, source))
	}
	l.enableChoices()
	if byScore {
		l.SetFilter("", nil)
		return
	}
	l.SetFilter(l.filter, nil)
}

// SortedByScore reports whether the list is sorted by score, and by whose.
func (l *List) SortedByScore() (bool, string) { return l.byScore, l.scoreSource }

// pagerFor returns a pager of the list as it is sorted, of status in import order.
func (l *List) pagerFor(status labels.Status) *Pager {
	if !l.byScore {
		return l.NewPager(l.st, l.annotator, status)
	}
	var p *Pager
	p = NewScorePager(l.st, l.annotator, l.scoreSource, func(err error) { l.pageLoaded(p, err) })
	p.Go = l.run.Go
	return p
}

// lengthOf counts the documents of the list as it is sorted, of status in import order.
func (l *List) lengthOf(ctx context.Context, st store.Project, name string, status labels.Status, byScore bool, source string) (int, error) {
	if byScore {
		return st.CountDocumentsByScore(ctx, source)
	}
	return listLength(ctx, st, name, status)
}

// showSources follows the suggestions of the project in the statistics s: the sort choices,
// and when what was suggested changed (a run, here or in another program) OnSources and the
// list sorted by score read again.
func (l *List) showSources(s store.Stats) {
	var sources []string
	total := 0
	for src, c := range s.Suggestions {
		if c.Suggested > 0 {
			sources = append(sources, src)
			total += c.Suggested
		}
	}
	slices.Sort(sources)
	changed := total != l.suggested
	l.suggested = total
	if !slices.Equal(sources, l.sources) {
		l.sources = sources
		l.Sort.Options = sortOptions(sources)
		l.Sort.Refresh()
		l.showSort(len(sources) > 0)
		if l.byScore && l.scoreSource != "" && !slices.Contains(sources, l.scoreSource) {
			l.SetSort(len(sources) > 0, "")
			changed = false
		}
	}
	if changed && l.OnSources != nil {
		l.OnSources(sources)
	}
	if changed && l.byScore {
		l.SetFilter("", nil)
	}
}

// showSort shows the choice of order (there are suggestions) or hides it.
func (l *List) showSort(on bool) {
	for _, o := range []fyne.CanvasObject{l.Sort, l.sortRow} {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	l.sortRow.Refresh()
}
