package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// editor is the document open and the annotator's work on it: its spans, status and stances,
// and the actions that change them (labels, evidence, stances, the final status, undo). It
// draws what an action does at once, through the panels, and writes it behind (Window.save).
type editor struct {
	w       *Window
	doc     labels.Document
	spans   []labels.Span // the annotator's spans of doc, ordered as the store orders them
	state   labels.DocState
	stances map[string]string // the annotator's stance labels for doc, by target id
	sug     suggested         // the suggestions pending on doc
	shownAt time.Time         // when doc was shown, for the time spent on it

	loads       atomic.Uint64 // counts the document loads asked for; only the latest is shown
	shown       uint64        // the load shown last; while a later one runs, keys wait for it
	finishing   bool          // a final status is being saved; the next document opens after it
	keepMessage bool          // the status bar's message stays when the next document is shown
}

func newEditor(w *Window) *editor { return &editor{w: w} }

// close closes the document open, if any: another project is open.
func (e *editor) close() {
	e.doc, e.spans, e.state, e.stances, e.sug = labels.Document{}, nil, labels.DocState{}, nil, suggested{}
	e.w.view.setDocument(labels.Document{})
	e.w.view.showHeader(e.doc, "")
}

// opened is a document read with the annotator's work on it.
type opened struct {
	doc     labels.Document
	spans   []labels.Span
	state   labels.DocState
	stances map[string]string   // stance labels by target id
	damaged *store.DamagedError // the annotator's spans that cannot be read, if so
	sgs     []labels.Suggestion // the suggestions pending for the annotator
}

// storeReader is what readDocument reads from (a store.Project).
type storeReader interface {
	Document(ctx context.Context, id string) (labels.Document, error)
	Spans(ctx context.Context, docID, annotator string) ([]labels.Span, error)
	State(ctx context.Context, docID, annotator string) (labels.DocState, error)
	DocStances(ctx context.Context, docID, annotator string) ([]labels.DocStance, error)
	PendingSuggestions(ctx context.Context, docID, annotator string) ([]labels.Suggestion, error)
}

// readDocument reads document id with the annotator's spans, state, document stances and
// pending suggestions. A
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
	var sgs []labels.Suggestion
	if annotator != "" && damaged == nil {
		if sgs, err = st.PendingSuggestions(ctx, id, annotator); err != nil {
			return opened{}, err
		}
	}
	return opened{doc, spans, state, stances, damaged, sgs}, nil
}

// load reads document i of the list, its spans and its state, and shows them, unless another
// load was asked for since.
func (e *editor) load(i int) {
	w := e.w
	seq := e.loads.Add(1)
	docs, st, name := w.list.Pager(), w.cfg.Store, w.cfg.Annotator
	w.q.Do(func(ctx context.Context) func() {
		if e.loads.Load() != seq {
			return nil
		}
		s, err := docs.Get(ctx, i)
		var o opened
		if err == nil {
			o, err = readDocument(ctx, st, s.ID, name)
		}
		return func() {
			if e.loads.Load() != seq {
				return
			}
			if err != nil {
				e.shown = seq
				w.showError(fmt.Errorf("%s: %w", lang.X("doc.open_n_failed", "open document {{.N}}", msg.M{"N": msg.Thousands(i + 1)}), err))
				return
			}
			e.show(o)
		}
	})
}

// open shows the document with the given id, and selects it in the list when the list holds
// it. Undo and redo use it to go where the change was.
func (e *editor) open(id string, then func()) {
	w := e.w
	seq := e.loads.Add(1)
	docs, st, name := w.list.Pager(), w.cfg.Store, w.cfg.Annotator
	w.q.Do(func(ctx context.Context) func() {
		o, err := readDocument(ctx, st, id, name)
		var at int
		var in bool
		if err == nil {
			at, in, err = docs.IndexOf(ctx, o.doc.Order)
		}
		return func() {
			if err != nil {
				if e.loads.Load() == seq {
					e.shown = seq
				}
				w.showError(fmt.Errorf("%s: %w", lang.X("doc.open_failed", "open the document"), err))
				return
			}
			if e.loads.Load() == seq && docs == w.list.Pager() {
				w.list.Place(at, in)
				e.show(o)
			}
			if then != nil {
				then()
			}
		}
	})
}

// show puts a document in the article, with its spans, scrolled to its top, and its stances
// in the stance panel.
func (e *editor) show(o opened) {
	w := e.w
	same := o.doc.ID == e.doc.ID
	e.shown = e.loads.Load()
	e.doc, e.spans, e.state, e.stances = o.doc, o.spans, o.state, o.stances
	e.sug.set(o.doc, o.sgs)
	if !same {
		e.shownAt = time.Now()
		w.view.setDocument(o.doc)
		w.find.markHits()
		if !e.keepMessage {
			w.status.Say("")
		}
	}
	e.keepMessage = false
	if d := o.damaged; d != nil {
		w.status.Warn("%s", lang.X("doc.damaged", "Document {{.Title}} is damaged: the spans by {{.Name}} cannot be read ({{.Err}}). Its text is shown without them; "+
			"the other documents are not affected.", msg.M{"Title": msg.Quote(cmp.Or(o.doc.Title, o.doc.ExternalID, o.doc.ID)),
			"Name": msg.Quote(d.Annotator), "Err": msg.Name(d.Err.Error())}))
	}
	e.showSpans()
	w.view.showHeader(e.doc, e.state.Status)
	w.showEmpty()
	w.review.shown()
	if w.OnShown != nil {
		w.OnShown(o.doc)
	}
}

// showSpans draws the spans of the document open in the article with the suggestions that
// fit beside them, and its stances and evidence in the stance panel.
func (e *editor) showSpans() {
	e.w.view.article.SetSpans(e.spans, e.w.schema)
	e.showSuggestions()
	e.w.stance.Show(e.doc.ID != "", e.stances, e.spans)
	e.w.review.refresh()
}

// ready reports whether there is a document to annotate (shown, and no other one being opened)
// and a name to write it under; when there is no name yet, it asks for one.
func (e *editor) ready() bool {
	if e.doc.ID == "" || e.shown != e.loads.Load() {
		return false
	}
	if e.w.cfg.Annotator == "" {
		e.w.askName(true)
		return false
	}
	return true
}

// spent returns the seconds spent on the document open: those recorded, and those since it was
// shown (at most half an hour, for a window left open).
func (e *editor) spent() int64 {
	d := min(time.Since(e.shownAt), 30*time.Minute)
	return e.state.Seconds + int64(d/time.Second)
}

// saveTouching writes one change of the annotator's work on the document open behind the
// screen, which shows it already, after setting the document in progress when the annotator
// had not touched it yet (so that a first undo undoes the write, and a second one the
// status). write returns what to show once it is saved (nil for nothing), run on the UI
// goroutine; failed takes the change shown back when the write fails.
func (e *editor) saveTouching(write func(ctx context.Context) (func(), error), failed func(), refused func(error) bool) {
	w := e.w
	st, touch, order := w.cfg.Store, e.touch(), e.doc.Order
	w.save(func(ctx context.Context) (func(), error) {
		if touch != nil {
			if err := retriedErr(w, func() error { return st.SetState(ctx, *touch) }); err != nil {
				return nil, err
			}
		}
		shown, err := write(ctx)
		return func() {
			if touch != nil {
				e.stateSaved(*touch, order, labels.StatusTodo, nil)
			}
			if shown != nil {
				shown()
			}
		}, err
	}, failed, refused)
}

// touch returns the state that marks the document open in progress, when the annotator labels
// it for the first time; nil when it is past to do already.
func (e *editor) touch() *labels.DocState {
	if e.state.Status != labels.StatusTodo && e.state.Status != "" {
		return nil
	}
	st := e.state
	st.DocID, st.Annotator, st.Status = e.doc.ID, e.w.cfg.Annotator, labels.StatusInProgress
	return &st
}

// stateSaved shows a state just committed (st, whose status was old, for document number
// order): in the header when it is the document open, in the list, and in the progress bar.
// then runs once the list is in order.
func (e *editor) stateSaved(st labels.DocState, order int64, old labels.Status, then func()) {
	if st.DocID == e.doc.ID {
		e.state = st
		e.w.view.showHeader(e.doc, e.state.Status)
	}
	e.w.list.StatusChanged(st.DocID, order, old, st.Status, then)
}

// takeBack changes the spans shown of document doc back after a write failed, when it is the
// document open.
func (e *editor) takeBack(doc string, change func([]labels.Span) []labels.Span) {
	if e.doc.ID != doc {
		return
	}
	e.spans = change(e.spans)
	e.showSpans()
}

// spanIndex returns the index of the span with the given id in e.spans, or -1.
func (e *editor) spanIndex(id string) int {
	return slices.IndexFunc(e.spans, func(s labels.Span) bool { return s.ID == id })
}
