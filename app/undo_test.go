package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

func TestUndoRedo(t *testing.T) {
	f := openFixture(t, newProject(t), "tester")
	w := f.w
	doc := start(t, w, f.shown)
	selectPhrase(t, w, army)
	press(w, "2") // in progress, then ORG
	selectPhrase(t, w, "طرابلس")
	press(w, "3") // LOC
	misc, _ := w.palette.Key('4')
	w.ed.relabel(w.ed.spans[0], misc) // طرابلس, the first span of the text, becomes MISC
	w.q.Wait()

	check := func(step string, wantStatus labels.Status, want ...string) {
		t.Helper()
		var got []string
		for _, sp := range fileSpans(t, f.path, doc.ID, "tester") {
			got = append(got, sp.Label+" "+sp.Text)
		}
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("%s: the file holds %q, want %q", step, got, want)
		}
		if st := fileState(t, f.path, doc.ID, "tester"); st.Status != wantStatus {
			t.Errorf("%s: status %q, want %q", step, st.Status, wantStatus)
		}
		if len(w.view.article.Spans()) != len(want) {
			t.Errorf("%s: the article draws %d spans, want %d", step, len(w.view.article.Spans()), len(want))
		}
	}
	inProgress := labels.StatusInProgress
	check("labeled", inProgress, "MISC طرابلس", "ORG "+army)

	menuItem(t, w, "Undo").Action()
	w.q.Wait()
	check("undo the relabel", inProgress, "LOC طرابلس", "ORG "+army)
	if !strings.HasPrefix(w.status.Message.Text, `Undone: changing "طرابلس" from LOC to MISC`) {
		t.Errorf("status bar %q", w.status.Message.Text)
	}
	w.ed.undo()
	w.q.Wait()
	check("undo the LOC", inProgress, "ORG "+army)
	w.ed.redo()
	w.q.Wait()
	check("redo the LOC", inProgress, "LOC طرابلس", "ORG "+army)
	w.ed.undo()
	w.ed.undo()
	w.q.Wait()
	check("undo twice more", inProgress)
	w.ed.undo()
	w.q.Wait()
	check("undo the status", labels.StatusTodo)
	if w.view.badge.Text() != "to do" {
		t.Errorf("the header shows %q after undoing the status", w.view.badge.Text())
	}
	w.ed.undo()
	w.q.Wait()
	if w.status.Message.Text != "Nothing to undo." {
		t.Errorf("status bar %q with nothing to undo", w.status.Message.Text)
	}
	w.ed.redo()
	w.ed.redo()
	w.q.Wait()
	check("redo twice", inProgress, "ORG "+army)

	// after a restart, undo goes on where it was
	f.reopen("tester")
	w = f.w
	start(t, w, f.shown)
	w.ed.redo()
	w.q.Wait()
	check("redo after a restart", inProgress, "LOC طرابلس", "ORG "+army)
	w.ed.undo()
	w.ed.undo()
	w.q.Wait()
	check("undo after a restart", inProgress)
}

func TestUndoGoesToTheDocument(t *testing.T) {
	w, shown := openWindow(t,
		labels.Document{Title: "الثاني", Text: "الثاني\nنص المقال الثاني."},
	)
	doc := start(t, w, shown)
	selectPhrase(t, w, army)
	press(w, "2")
	press(w, "j")
	if d := next(t, shown); d.Title != "الثاني" {
		t.Fatalf("j opened %q", d.Title)
	}
	w.ed.undo()
	w.q.Wait()
	if d := next(t, shown); d.ID != doc.ID {
		t.Fatalf("undo opened %q, want the document it changed", d.Title)
	}
	if w.ed.doc.ID != doc.ID || current(w) != 0 || !inList(w) {
		t.Errorf("after undo the window shows %q at %d (in list %v)", w.ed.doc.Title, current(w), inList(w))
	}
	if n := len(fileSpans(t, w.cfg.Path, doc.ID, "tester")); n != 0 || len(w.view.article.Spans()) != 0 {
		t.Errorf("undo left %d spans in the file, %d drawn", n, len(w.view.article.Spans()))
	}
}

// lostAnswers is a project whose server commits each undo or redo and then goes away before
// answering, the first time each is sent (store.ErrUnavailable, as on a restart).
type lostAnswers struct {
	store.Project
	sent int
}

func (p *lostAnswers) UndoStep(ctx context.Context, annotator string, seq int64, redo bool) (labels.Event, error) {
	ev, err := p.Project.UndoStep(ctx, annotator, seq, redo)
	if p.sent++; p.sent%2 == 1 && err == nil {
		return labels.Event{}, fmt.Errorf("commit: %w", store.ErrUnavailable)
	}
	return ev, err
}

// TestUndoSentAgainIsAppliedOnce: the window sends an undo (a redo) again when the answer to
// the first was lost on its way back; the annotator's work is as after one step, and the
// status bar says what was undone.
func TestUndoSentAgainIsAppliedOnce(t *testing.T) {
	w, shown := openWindow(t)
	doc := start(t, w, shown)
	selectPhrase(t, w, army)
	press(w, "2")
	selectPhrase(t, w, "طرابلس")
	press(w, "3")
	w.q.Wait()
	lossy := &lostAnswers{Project: w.cfg.Store}
	w.cfg.Store = lossy
	labelsOf := func() string {
		var got []string
		for _, sp := range fileSpans(t, w.cfg.Path, doc.ID, "tester") {
			got = append(got, sp.Label)
		}
		return strings.Join(got, " ")
	}

	w.ed.undo()
	w.q.Wait()
	if got := labelsOf(); got != "ORG" || lossy.sent != 2 {
		t.Errorf("after one undo sent %d times the file holds %q, want ORG", lossy.sent, got)
	}
	if !strings.HasPrefix(w.status.Message.Text, `Undone: adding LOC "طرابلس"`) {
		t.Errorf("status bar %q", w.status.Message.Text)
	}
	w.ed.redo()
	w.q.Wait()
	if got := labelsOf(); got != "LOC ORG" || lossy.sent != 4 {
		t.Errorf("after one redo sent twice the file holds %q, want LOC ORG", got)
	}
}
