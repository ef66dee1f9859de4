package statusbar

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/internal/uitest"
	"github.com/tawsim/tawsim/app/msg"
)

// TestMessageQuotesWithTheBidiLabel: the words between isolate marks are drawn with the
// article's label, the rest as text, and Text reads the message without the marks.
func TestMessageQuotesWithTheBidiLabel(t *testing.T) {
	test.NewTempApp(t)
	b := New(func(fn func()) { fn() })
	w := test.NewWindow(b.Object())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 60))
	b.Say("Labeled %s ORG.", msg.Quote("الخبر رقم 12"))
	if b.Message.Text != `Labeled "الخبر رقم 12" ORG.` {
		t.Errorf("the message reads %q", b.Message.Text)
	}
	var quoted []string
	for _, o := range uitest.Objects(b.Message) {
		if l, ok := o.(*article.Label); ok {
			quoted = append(quoted, l.Text())
		}
	}
	if len(quoted) != 1 || quoted[0] != "الخبر رقم 12" {
		t.Errorf("the bidi labels show %q", quoted)
	}
}

// TestLongMessageIsCut: a message wider than the bar is cut with an ellipsis at its edge, and
// the bar asks for no more width than an ellipsis.
func TestLongMessageIsCut(t *testing.T) {
	test.NewTempApp(t)
	b := New(func(fn func()) { fn() })
	w := test.NewWindow(b.Message)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 60))
	long := strings.Repeat("press 1-4 to label it, e to mark it as evidence; ", 6)
	for _, m := range []string{long, msg.Quote("الجيش الوطني الليبي") + long, long + msg.Quote("الجيش الوطني الليبي")} {
		b.Warn("%s", m)
		if min := b.Message.MinSize().Width; min > 40 {
			t.Errorf("the message asks for %v of width", min)
		}
		ellipsis := false
		for _, o := range uitest.Objects(b.Message) {
			if o.Position().X+o.Size().Width > 400 {
				t.Errorf("%T ends at %v, past the edge", o, o.Position().X+o.Size().Width)
			}
			if txt, ok := o.(*canvas.Text); ok && strings.HasSuffix(txt.Text, msg.Ellipsis) {
				ellipsis = true
			}
		}
		if !ellipsis {
			t.Errorf("%.30q… is not cut with an ellipsis", m)
		}
	}
}

// TestSaveMarker: the marker says Saving… while a write is out, Saved with the time once
// every write is answered, and why it waits while the project is busy.
func TestSaveMarker(t *testing.T) {
	test.NewTempApp(t)
	b := New(func(fn func()) { fn() })
	b.Sent()
	b.Sent()
	if b.Saved.Text != "Saving…" {
		t.Errorf("with writes out the marker says %q", b.Saved.Text)
	}
	b.Waiting(true)
	if !strings.Contains(b.Saved.Text, "another program is writing") {
		t.Errorf("with the project busy the marker says %q", b.Saved.Text)
	}
	b.Answered(true)
	b.ShowSaved()
	if !strings.Contains(b.Saved.Text, "another program") {
		t.Errorf("with a write still out the marker says %q", b.Saved.Text)
	}
	b.Answered(true)
	b.ShowSaved()
	if !strings.HasPrefix(b.Saved.Text, "Saved ✓ ") {
		t.Errorf("with every write answered the marker says %q", b.Saved.Text)
	}
	b.Waiting(false)
	if !strings.HasPrefix(b.Saved.Text, "Saved ✓ ") {
		t.Errorf("with nothing out, waiting changed the marker to %q", b.Saved.Text)
	}
	b.SetProject("/tmp/news.tawsim", 12345)
	if b.Info.Text != "/tmp/news.tawsim  ·  12,345 documents" {
		t.Errorf("the project reads %q", b.Info.Text)
	}
}

// TestSaveMarkerOffline: writes that wait for a server that went away say so until they are
// in, the marker's timer notwithstanding.
func TestSaveMarkerOffline(t *testing.T) {
	test.NewTempApp(t)
	b := New(func(fn func()) { fn() })
	b.Sent()
	b.Offline()
	b.Waiting(false) // the timer of a slow save
	if !strings.Contains(b.Saved.Text, "server cannot be reached") {
		t.Errorf("with the server away the marker says %q", b.Saved.Text)
	}
	b.Answered(true)
	b.ShowSaved()
	if !strings.HasPrefix(b.Saved.Text, "Saved ✓ ") {
		t.Errorf("once the write is in the marker says %q", b.Saved.Text)
	}
	b.Sent()
	b.Waiting(false)
	if b.Saved.Text != "Not saved yet…" {
		t.Errorf("a slow save after the server came back says %q", b.Saved.Text)
	}
}
