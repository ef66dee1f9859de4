// Package search is the search box above the document list: a field where the annotator types
// a word or a phrase (Arabic or Latin, shown in bidi order), a Filters button that opens a
// small form of filters (label, annotator, status, target, stance, exact words), and a line
// that says how many documents were found. It turns what is typed and chosen into a
// store.Query, searches when the typing stops (Delay), drops the answer of a query that a
// newer one superseded, and hands the window what to show. It owns its widgets; the window
// gives it the schema's names (SetOptions) and shows the hits in the document list.
package search

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/textfield"
	"github.com/tawsim/tawsim/arabic"
	"github.com/tawsim/tawsim/store"
)

// Box is the search box.
type Box struct {
	// Search runs q off the UI goroutine and returns what to show of its hits, run on the UI
	// goroutine unless a newer query came since.
	Search func(ctx context.Context, q store.Query) (show func(), err error)
	// OnClear is called when the box is cleared (Escape, or nothing left to search for): the
	// list shows every document again.
	OnClear func()
	// OnEnter is called by Enter or ↓ in the field: the window opens the first hit.
	OnEnter func()
	// OnDone is called by Escape in an empty field: the focus goes back to the article.
	OnDone func()
	// OnError is called with an error of the latest search that the box cannot say itself.
	OnError func(error)

	field   *boxField
	filter  *widget.Button
	info    mirror.Texter     // what was found, or what the filters are
	said    string            // what info shows
	names   map[string]string // a label's name shown, by its code
	form    *filterForm
	object  fyne.CanvasObject
	filters Filters
	who     string // the annotator whose statuses the hits show
	asked   bool   // a search was asked for since the box was last cleared
	refused bool   // the latest search failed (no words in it): Enter has no hit to open
	s       schedule
}

// boxField is the box's text field: Escape clears it, Enter and ↓ open the first hit.
type boxField struct {
	textfield.Field
	b *Box
}

// TypedKey handles Escape, Enter and ↓, and gives the other keys to the field.
func (f *boxField) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		f.b.escape()
	case fyne.KeyReturn, fyne.KeyEnter:
		f.b.enter()
	case fyne.KeyDown:
		if f.b.OnEnter != nil && f.b.Active() && !f.b.refused {
			f.b.OnEnter()
		}
	default:
		f.Field.TypedKey(ev)
	}
}

// New returns an empty box whose searches run beside the window's other work.
func New(run Runner) *Box {
	b := &Box{info: mirror.Label("")}
	b.s = schedule{run: run, after: afterFunc, search: b.runSearch, failed: b.failed}
	b.field = &boxField{b: b}
	b.field.ExtendBaseWidget(b.field)
	b.field.SetPlaceHolder(lang.X("search.placeholder", "Search the documents (Ctrl+F)"))
	b.field.OnChanged = func(string) { b.changed(false) }
	b.filter = widget.NewButtonWithIcon(lang.X("search.filters", "Filters"), theme.MenuDropDownIcon(), b.openFilters)
	b.filter.IconPlacement = widget.ButtonIconTrailingText
	b.form = newFilterForm(b)
	mirror.Faint(b.info)
	b.info.Hide()
	b.object = container.NewVBox(mirror.Border(nil, nil, nil, b.filter, b.field), b.info)
	return b
}

// Object returns what the window lays out.
func (b *Box) Object() fyne.CanvasObject { return b.object }

// Field returns the text field (the window focuses it on Ctrl+F).
func (b *Box) Field() fyne.Focusable { return b.field }

// Text returns what is typed in the box.
func (b *Box) Text() string { return b.field.Text }

// SetText types text into the box, which searches it after Delay.
func (b *Box) SetText(text string) { b.field.SetText(text) }

// SetAnnotator makes the statuses that hits show annotator's, searching again when a search
// shows.
func (b *Box) SetAnnotator(annotator string) {
	if annotator == b.who {
		return
	}
	b.who = annotator
	if b.Active() {
		b.changed(true)
	}
}

// Filters returns the filters chosen.
func (b *Box) Filters() Filters { return b.filters }

// SetFilters chooses filters f and searches at once.
func (b *Box) SetFilters(f Filters) {
	b.filters = f
	b.form.show(f)
	b.filterChanged()
}

// Query returns the query of what is typed and chosen; its For is the annotator's.
func (b *Box) Query() store.Query { return b.filters.Query(b.field.Text, b.who) }

// Active reports whether the box holds something to search for: words or a filter.
func (b *Box) Active() bool {
	return strings.TrimSpace(b.field.Text) != "" || b.filters.Count() > 0
}

// Phrase returns the words of the query, as the article marks them: none without text.
func (b *Box) Phrase() arabic.Phrase { return arabic.NewPhrase(b.field.Text, b.filters.Exact) }

// Took returns the time from the start of the latest search shown to its rows set.
func (b *Box) Took() time.Duration { return b.s.took }

// Pending reports whether a search waits for the typing to stop or runs.
func (b *Box) Pending() bool { return b.s.pending() }

// Clear empties the field and the filters: the list shows every document again.
func (b *Box) Clear() {
	b.filters = Filters{}
	b.form.show(b.filters)
	b.field.SetText("") // calls changed, unless it was empty
	b.changed(true)
}

// changed searches what the box holds after a key (after Delay), or at once.
func (b *Box) changed(now bool) {
	b.showFilterButton()
	if !b.Active() {
		if b.asked {
			b.asked = false
			b.s.clear()
			b.info.Hide()
			if b.OnClear != nil {
				b.OnClear()
			}
		}
		return
	}
	b.asked, b.refused = true, false
	if now {
		b.s.now(b.Query())
	} else {
		b.s.typed(b.Query())
	}
}

// filterChanged searches at once with the filters chosen.
func (b *Box) filterChanged() { b.changed(true) }

// enter searches at once, or opens the first hit when the search shown is the box's; after a
// search that failed (only punctuation typed) it does nothing, the list not being its hits.
func (b *Box) enter() {
	if !b.Active() {
		return
	}
	if b.s.pending() {
		b.changed(true)
		return
	}
	if b.OnEnter != nil && !b.refused {
		b.OnEnter()
	}
}

// escape clears the box; in an empty box it hands the focus back.
func (b *Box) escape() {
	if b.Active() {
		b.Clear()
		return
	}
	if b.OnDone != nil {
		b.OnDone()
	}
}

// runSearch is the schedule's search, off the UI goroutine.
func (b *Box) runSearch(ctx context.Context, q store.Query) (func(), error) {
	if b.Search == nil {
		return nil, nil
	}
	return b.Search(ctx, q)
}

// failed says why the latest query found nothing it could show.
func (b *Box) failed(q store.Query, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	b.refused = true
	if errors.Is(err, store.ErrNoWords) {
		b.say(lang.X("search.no_words", "Nothing to search for: type a word"))
		return
	}
	b.say(lang.X("search.failed", "The search failed"))
	if b.OnError != nil {
		b.OnError(err)
	}
}

// ShowCount says how many documents were found: n, or at least n when more may follow.
func (b *Box) ShowCount(n int, more bool) {
	var found string
	switch {
	case n == 0:
		found = lang.X("search.none", "No document found")
	case more:
		found = msg.Count("search.found_more", "{{.N}}+ documents", n)
	default:
		found = msg.Count("search.found", "{{.N}} documents", n)
	}
	if f := b.filters.Summary(b.names); f != "" {
		found += " · " + f
	}
	b.say(found)
}

// say shows text below the field.
func (b *Box) say(text string) {
	b.said = text
	b.info.SetText(text)
	b.info.Show()
}

// Info returns what the line below the field says: what was found, and the filters.
func (b *Box) Info() string { return b.said }

// showFilterButton names the filters on their button: "Filters (2)" when two are chosen, the
// button highlighted. A right-to-left window says the number in the line below the field
// alone, since Fyne's button would draw the bracketed digits before the Arabic word.
func (b *Box) showFilterButton() {
	text := lang.X("search.filters", "Filters")
	if !locale.RTL() {
		text = b.filters.Button(text)
	}
	b.filter.SetText(text)
	b.filter.Importance = widget.MediumImportance
	if b.filters.Count() > 0 {
		b.filter.Importance = widget.HighImportance
	}
	b.filter.Refresh()
}
