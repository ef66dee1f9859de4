package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/labels"
)

// reviewing opens the team project for the curator "gold" with Review mode on, at the first
// document.
func reviewing(t *testing.T) *fixture {
	t.Helper()
	f := openFixture(t, teamProject(t), "gold")
	start(t, f.w, f.shown)
	menuItem(t, f.w, "Review mode").Action()
	f.w.q.Wait()
	if !f.w.review.on {
		t.Fatalf("review is off: %s", f.w.status.Message.Text)
	}
	return f
}

// goldSpans reads the curator's spans of the document open from the project file.
func goldSpans(t *testing.T, w *Window) []string {
	t.Helper()
	return spanSet(fileSpans(t, w.cfg.Path, w.ed.doc.ID, "gold"))
}

// TestReviewTakesWhatEveryoneMade: turning review on puts what every annotator made on the
// document open into the gold at once, draws each annotator's spans on a lane, and numbers
// the annotators in the panel and the menu's check.
func TestReviewTakesWhatEveryoneMade(t *testing.T) {
	f := reviewing(t)
	w := f.w
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري"}) {
		t.Errorf("the gold after opening: %q, want what all three made", got)
	}
	if st := fileState(t, w.cfg.Path, w.ed.doc.ID, "gold"); st.Status != labels.StatusInProgress {
		t.Errorf("the gold's status is %q, want in progress (differences are left)", st.Status)
	}
	if rows := rowsOf(w.list.Rows); shownStatus(rows[0]) != "in progress" {
		t.Errorf("the list shows %q", shownStatus(rows[0]))
	}
	if w.view.article.LaneCount() != 3 || !menuItem(t, w, "Review mode").Checked || !w.review.box.Visible() {
		t.Errorf("lanes %d, menu checked %v, panel shown %v", w.view.article.LaneCount(), menuItem(t, w, "Review mode").Checked, w.review.box.Visible())
	}
	if s := w.review.view.Summary(); !strings.HasPrefix(s, "3 annotators worked on this document. 4 spans of theirs not in the gold") {
		t.Errorf("the panel says %q", s)
	}
	lines := w.review.view.Lines()
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "1 amal done · 3 spans") || !strings.HasPrefix(lines[2], "3 chadi done") {
		t.Errorf("the panel's rows: %q", lines)
	}
	// undone step by step, the gold goes; a reopen does not take it in again
	menuItem(t, w, "Undo").Action()
	menuItem(t, w, "Undo").Action()
	w.q.Wait()
	if got := goldSpans(t, w); len(got) != 0 {
		t.Errorf("after two undos the gold holds %q", got)
	}
	w.list.Move(1)
	w.list.Move(-1)
	w.q.Wait()
	if got := goldSpans(t, w); len(got) != 0 {
		t.Errorf("opened again, the gold holds %q", got)
	}
	menuItem(t, w, "Take what every annotator made").Action()
	w.q.Wait()
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري"}) {
		t.Errorf("Ctrl+U took %q", got)
	}
	menuItem(t, w, "Review mode").Action()
	if w.review.on || w.view.article.LaneCount() != 0 || w.review.box.Visible() {
		t.Errorf("review off: lanes %d, panel shown %v", w.view.article.LaneCount(), w.review.box.Visible())
	}
}

// TestReviewAcceptRejectUndo: a digit takes that annotator's span under the selection (or
// relabels the gold span there), Delete takes a gold span out, Ctrl+Z puts it back, Enter
// takes the majority's; with nothing selected the digits and Enter take a stance; D marks
// the document curated and opens the next, whose common spans are in the gold at once.
func TestReviewAcceptRejectUndo(t *testing.T) {
	f := reviewing(t)
	w := f.w
	first := w.ed.doc.ID
	selectPhrase(t, w, "الجيش الوطني الليبي")
	if l := w.review.view.Lines(); !strings.Contains(l[1], "ORG "+`"`+"\u2068الجيش الوطني\u2069"+`"`) {
		t.Errorf("badr's row under the selection: %q", l[1])
	}
	press(w, "2")
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري", "ORG الجيش الوطني"}) {
		t.Fatalf("2 took %q", got)
	}
	pressKey(w, fyne.KeyDelete)
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري"}) {
		t.Fatalf("Delete left %q", got)
	}
	menuItem(t, w, "Undo").Action()
	w.q.Wait()
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري", "ORG الجيش الوطني"}) {
		t.Fatalf("Ctrl+Z after Delete: %q", got)
	}
	menuItem(t, w, "Undo").Action()
	w.q.Wait()
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري"}) {
		t.Fatalf("a second Ctrl+Z: %q", got)
	}
	selectPhrase(t, w, "الجيش الوطني الليبي")
	pressKey(w, fyne.KeyReturn)
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري", "ORG الجيش الوطني الليبي"}) {
		t.Fatalf("Enter took %q", got)
	}
	// طرابلس: chadi's ORG, then amal's LOC in its place
	selectPhrase(t, w, "طرابلس")
	press(w, "3")
	press(w, "١") // amal, on an Arabic keyboard
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري", "ORG الجيش الوطني الليبي", "LOC طرابلس"}) {
		t.Fatalf("3 then 1 on طرابلس: %q", got)
	}
	// the stance toward the Libyan National Army: chadi's, then the majority's
	pressKey(w, fyne.KeyEscape)
	press(w, "3")
	if got := fileStances(t, w.cfg.Path, first, "gold"); got["lna"] != "AGAINST" {
		t.Fatalf("3 with nothing selected set %v", got)
	}
	pressKey(w, fyne.KeyReturn)
	if got := fileStances(t, w.cfg.Path, first, "gold"); got["lna"] != "FAVOR" {
		t.Fatalf("Enter with nothing selected set %v", got)
	}
	// a label key is Alt and its digit in review
	selectPhrase(t, w, "دخل")
	w.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.Key4, Modifier: fyne.KeyModifierAlt})
	w.q.Wait()
	if got := goldSpans(t, w); !slices.Contains(got, "MISC دخل") {
		t.Fatalf("Alt+4 labeled %q", got)
	}
	press(w, "d")
	if st := fileState(t, w.cfg.Path, first, "gold"); st.Status != labels.StatusCurated {
		t.Errorf("d marked the document %q", st.Status)
	}
	w.q.Wait()
	if w.ed.doc.ID == first || current(w) != 1 {
		t.Fatalf("d opened %q at %d, want the next document", w.ed.doc.Title, current(w))
	}
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري"}) {
		t.Errorf("the second document's gold: %q", got)
	}
	// ] goes to the first difference
	press(w, "]")
	if sel, ok := w.view.article.Selection(); !ok || sel.Start != 13 || sel.End != 19 {
		t.Errorf("] selected %v, %v; want مصراتة [13,19)", sel, ok)
	}
	press(w, "2")
	if got := goldSpans(t, w); !slices.Equal(got, []string{"PERS المسماري", "ORG مصراتة"}) {
		t.Errorf("2 on مصراتة took %q", got)
	}
}

// TestReviewFitsASmallScreen: Review mode's panel, with three annotators' rows, leaves the
// window within 1,024×600 with its menu bar and title bar, in both languages.
func TestReviewFitsASmallScreen(t *testing.T) {
	for _, l := range []locale.Language{locale.English, locale.Arabic} {
		t.Run(string(l), func(t *testing.T) {
			inLanguage(t, l)
			f := openFixture(t, teamProject(t), "gold")
			start(t, f.w, f.shown)
			f.w.review.toggle()
			f.w.q.Wait()
			if !f.w.review.on {
				t.Fatalf("review is off: %s", f.w.status.Message.Text)
			}
			f.w.win.Resize(fyne.NewSize(1000, 500))
			f.w.panes.choose(true)
			if min := f.w.win.Content().MinSize(); min.Width > 1024 || min.Height > 500 {
				t.Errorf("the window in Review mode needs %v", min)
			}
		})
	}
}
