package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// onKey handles the keys that the focused widget (the article, the list) did not use, and the
// keys typed when nothing has the focus. It reports whether it handled the key.
func (w *Window) onKey(ev *fyne.KeyEvent) bool {
	if w.dialogOpen() {
		return ev.Name == fyne.KeyEscape && w.dismissDialog()
	}
	switch ev.Name {
	case fyne.KeyDown, fyne.KeyPageDown:
		w.move(1)
	case fyne.KeyUp, fyne.KeyPageUp:
		w.move(-1)
	case fyne.KeyDelete, fyne.KeyBackspace:
		w.deleteSelected()
	case fyne.KeyF1:
		w.showHelp()
	default:
		return false
	}
	return true
}

// onRune handles the keys that type characters: the label hotkeys, the stance keys and the
// document keys, with the keys in their place on an Arabic keyboard. The entity hotkeys come
// first; stance hotkeys that another key takes have no key (see stanceHotkeys).
func (w *Window) onRune(r rune) {
	if w.dialogOpen() {
		return
	}
	if l, ok := w.keys[normalizeDigit(r)]; ok {
		w.applyLabel(l)
		return
	}
	if w.stanceKey(r) || w.documentKey(r) {
		return
	}
	if l, ok := w.stanceKeys[r]; ok {
		w.chooseStance(w.target, l)
	} else if l, ok := w.evidenceKeys[r]; ok {
		w.markEvidence(l)
	}
}

// documentKey handles the keys of the document open and of the list, and reports whether r
// was one of them.
func (w *Window) documentKey(r rune) bool {
	switch unicode.ToLower(r) {
	case 'j', 'ت':
		w.move(1)
	case 'k', 'ن':
		w.move(-1)
	case 'd', 'ي':
		w.doneNext()
	case 's', 'س':
		w.skip()
	case '!':
		w.askFlag()
	case '?', '؟':
		w.showHelp()
	default:
		return false
	}
	return true
}

// updateItem fills row o with document i of the list, or marks it loading.
func (w *Window) updateItem(i widget.ListItemID, o fyne.CanvasObject) {
	s, ok := w.docs.cached(i)
	o.(*row).set(s, ok)
}

// onSelected shows the document selected in the list.
func (w *Window) onSelected(i widget.ListItemID) {
	if w.silent || (i == w.current && w.inList) {
		return
	}
	w.current, w.inList = i, true
	w.load(i)
}

// selectSilently selects item i of the list without loading it: the document is shown already.
func (w *Window) selectSilently(i int) {
	w.silent = true
	defer func() { w.silent = false }()
	w.list.Select(i)
}

// move opens the document d places after (before, when negative) the one open, and reports
// whether there was one.
func (w *Window) move(d int) bool {
	if w.count == 0 {
		return false
	}
	var i int
	switch {
	case w.current < 0:
		i = 0
	case w.inList:
		i = w.current + d
	case d > 0:
		i = w.current + d - 1 // the document after the one open sits where it would be
	default:
		i = w.current + d
	}
	if i < 0 || i >= w.count || w.inList && i == w.current {
		return false
	}
	w.list.Select(i)
	return true
}

// load reads document i of the list, its spans and its state, and shows them, unless another
// load was asked for since.
func (w *Window) load(i int) {
	seq := w.loads.Add(1)
	docs, st, name := w.docs, w.cfg.Store, w.cfg.Annotator
	w.do(func(ctx context.Context) func() {
		if w.loads.Load() != seq {
			return nil
		}
		s, err := docs.get(ctx, i)
		var o opened
		if err == nil {
			o, err = readDocument(ctx, st, s.ID, name)
		}
		return func() {
			if w.loads.Load() != seq {
				return
			}
			if err != nil {
				w.shown = seq
				w.showError(fmt.Errorf("open document %d: %w", i+1, err))
				return
			}
			w.show(o)
		}
	})
}

// open shows the document with the given id, and selects it in the list when the list holds
// it. Undo and redo use it to go where the change was.
func (w *Window) open(id string, then func()) {
	seq := w.loads.Add(1)
	docs, st, name := w.docs, w.cfg.Store, w.cfg.Annotator
	w.do(func(ctx context.Context) func() {
		o, err := readDocument(ctx, st, id, name)
		var at int
		var in bool
		if err == nil {
			at, in, err = docs.indexOf(ctx, o.doc.Order)
		}
		return func() {
			if err != nil {
				if w.loads.Load() == seq {
					w.shown = seq
				}
				w.showError(fmt.Errorf("open the document: %w", err))
				return
			}
			if w.loads.Load() == seq && docs == w.docs {
				w.place(at, in)
				w.show(o)
			}
			if then != nil {
				then()
			}
		}
	})
}

// place records where in the list the document open sits, selecting it there, or showing
// where it would be when the list does not hold it.
func (w *Window) place(at int, in bool) {
	w.current, w.inList = at, in
	if in {
		w.selectSilently(at)
		return
	}
	w.list.UnselectAll()
	if at < w.count {
		w.list.ScrollTo(at)
	}
}

// opened is a document read with the annotator's work on it.
type opened struct {
	doc     labels.Document
	spans   []labels.Span
	state   labels.DocState
	stances map[string]string   // stance labels by target id
	damaged *store.DamagedError // the annotator's spans that cannot be read, if so
}

// readDocument reads document id with the annotator's spans, state and document stances. A
// document whose spans cannot be read (a row another program wrote) comes without them and
// says why in damaged.
func readDocument(ctx context.Context, st storeReader, id, annotator string) (opened, error) {
	doc, err := st.Document(ctx, id)
	if err != nil {
		return opened{}, err
	}
	spans, err := st.Spans(ctx, id, annotator)
	var damaged *store.DamagedError
	if errors.As(err, &damaged) {
		err = nil
	}
	if err != nil {
		return opened{}, err
	}
	state, err := st.State(ctx, id, annotator)
	if err != nil {
		return opened{}, err
	}
	list, err := st.DocStances(ctx, id, annotator)
	if err != nil {
		return opened{}, err
	}
	stances := make(map[string]string, len(list))
	for _, ds := range list {
		stances[ds.Target] = ds.Label
	}
	return opened{doc, spans, state, stances, damaged}, nil
}

// storeReader is what readDocument reads from (a *store.Store).
type storeReader interface {
	Document(ctx context.Context, id string) (labels.Document, error)
	Spans(ctx context.Context, docID, annotator string) ([]labels.Span, error)
	State(ctx context.Context, docID, annotator string) (labels.DocState, error)
	DocStances(ctx context.Context, docID, annotator string) ([]labels.DocStance, error)
}

// show puts a document in the article, with its spans, scrolled to its top, and its stances
// in the stance panel.
func (w *Window) show(o opened) {
	same := o.doc.ID == w.doc.ID
	w.shown = w.loads.Load()
	w.doc, w.spans, w.state, w.stances = o.doc, o.spans, o.state, o.stances
	if !same {
		w.shownAt = time.Now()
		w.article.SetDocument(o.doc)
		w.scroll.ScrollToTop()
		if !w.keepMessage {
			w.say("")
		}
	}
	w.keepMessage = false
	if d := o.damaged; d != nil {
		w.warn("Document %s is damaged: the spans by %q cannot be read (%v). Its text is shown without them; "+
			"the other documents are not affected.", quote(cmp.Or(o.doc.Title, o.doc.ExternalID, o.doc.ID)), d.Annotator, d.Err)
	}
	w.showSpans()
	w.showDocHeader()
	w.showEmpty()
	if w.OnShown != nil {
		w.OnShown(o.doc)
	}
}

// docHeader makes the line above the palette: the document's title and status, and the
// buttons that finish with it.
func (w *Window) docHeader() fyne.CanvasObject {
	w.title = article.NewLabel("")
	w.title.Truncation = fyne.TextTruncateEllipsis
	w.docStatus = newStatusBadge()
	w.docStatus.Hide()
	done := widget.NewButton("Done, next", w.doneNext)
	done.Importance = widget.HighImportance
	skip := widget.NewButton("Skip", w.skip)
	flag := widget.NewButton("Flag…", w.askFlag)
	return container.NewBorder(nil, nil, container.NewHBox(done, skip, flag, w.docStatus), nil, w.title)
}

// showDocHeader shows the title and status of the document open.
func (w *Window) showDocHeader() {
	if w.doc.ID == "" {
		w.title.SetText("")
		w.docStatus.set("")
		return
	}
	w.title.SetText(w.doc.Title)
	w.docStatus.set(w.state.Status)
}

// spent returns the seconds spent on the document open: those recorded, and those since it was
// shown (at most half an hour, for a window left open).
func (w *Window) spent() int64 {
	d := min(time.Since(w.shownAt), 30*time.Minute)
	return w.state.Seconds + int64(d/time.Second)
}

// ready reports whether there is a document to annotate (shown, and no other one being opened)
// and a name to write it under; when there is no name yet, it asks for one.
func (w *Window) ready() bool {
	if w.doc.ID == "" || w.shown != w.loads.Load() {
		return false
	}
	if w.cfg.Annotator == "" {
		w.askName(true)
		return false
	}
	return true
}

// normalizeDigit turns Arabic-Indic and Persian digits into ASCII ones, so that the label keys
// work on an Arabic keyboard too.
func normalizeDigit(r rune) rune {
	switch {
	case r >= '٠' && r <= '٩':
		return '0' + r - '٠'
	case r >= '۰' && r <= '۹':
		return '0' + r - '۰'
	}
	return r
}
