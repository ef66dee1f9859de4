// Package statusbar is the bar below Tawsim's window: a message at the start (what a key did,
// or why it was refused), the save marker and the project at the end (the left, in a
// right-to-left window). It owns its widgets and their state; the window tells it what to
// say, what it sent to the project and what the project answered.
package statusbar

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
)

// SlowSave is how long a write may take before the marker says that it is not saved yet.
const SlowSave = time.Second

// Bar is the status bar.
type Bar struct {
	Message *Message // what a key did, or why it was refused
	Saved   *Note    // the save marker: "Saving…", "Saved ✓ 14:02:31", "Not saved yet…"
	Info    *Note    // the project and its size
	Task    *Note    // work in the background: "Indexing for search: 12,000 of 100,000 documents"

	ui      func(func()) // runs a function on the UI goroutine and waits for it
	pending []time.Time  // when each write sent and not yet answered was sent, in order
	last    time.Time    // when the last write was committed
	away    bool         // the writes out wait for a server that cannot be reached (Offline)
	object  fyne.CanvasObject
}

// New returns an empty bar. ui runs a function on the UI goroutine (the marker's timer calls
// it from a goroutine of its own).
func New(ui func(func())) *Bar {
	b := &Bar{Message: NewMessage(), Saved: NewNote(), Info: NewNote(), Task: NewNote(), ui: ui}
	b.Task.Importance = widget.LowImportance
	b.Task.Hide()
	b.object = container.NewVBox(widget.NewSeparator(),
		mirror.Border(nil, nil, nil, mirror.Row(b.Task, b.Saved, widget.NewSeparator(), b.Info), b.Message))
	return b
}

// Object returns what the window lays out.
func (b *Bar) Object() fyne.CanvasObject { return b.object }

// Say shows a message.
func (b *Bar) Say(format string, args ...any) {
	b.Message.Importance = widget.MediumImportance
	b.Message.SetText(fmt.Sprintf(format, args...))
}

// Warn shows a refusal, in the colour of errors.
func (b *Bar) Warn(format string, args ...any) {
	b.Message.Importance = widget.DangerImportance
	b.Message.SetText(fmt.Sprintf(format, args...))
}

// SetProject shows the project's file and its size: "news.tawsim  ·  1,204 documents".
func (b *Bar) SetProject(path string, documents int) {
	count := msg.Count("status.documents", "{{.N}} documents", documents)
	b.Info.SetText(msg.Name(path) + "  ·  " + count) // a path starts with a slash, which would stand apart
}

// SetTask shows what runs in the background beside the save marker, nothing when text is "".
func (b *Bar) SetTask(text string) {
	b.Task.SetText(text)
	if text == "" {
		b.Task.Hide()
	} else {
		b.Task.Show()
	}
}

// Sent marks a write as sent: "Saving…", and "Not saved yet…" should it take longer than
// SlowSave.
func (b *Bar) Sent() {
	b.pending = append(b.pending, time.Now())
	b.Saved.Importance = widget.MediumImportance
	b.Saved.SetText(lang.X("status.saving", "Saving…"))
	time.AfterFunc(SlowSave, func() {
		b.ui(func() {
			if len(b.pending) > 0 && time.Since(b.pending[0]) >= SlowSave {
				b.Waiting(false)
			}
		})
	})
}

// Answered marks the oldest write sent (the queue answers them in order) as answered:
// committed, or not.
func (b *Bar) Answered(committed bool) {
	if len(b.pending) > 0 {
		b.pending = b.pending[1:]
	}
	if committed {
		b.last = time.Now()
	}
}

// ShowSaved shows the save marker once every write sent is answered: "Saved ✓ 14:02:31", the
// time of the last write committed.
func (b *Bar) ShowSaved() {
	if len(b.pending) > 0 {
		return
	}
	b.away = false
	b.Saved.Importance = widget.SuccessImportance
	if b.last.IsZero() {
		b.Saved.SetText("")
		return
	}
	b.Saved.SetText(lang.X("status.saved", "Saved ✓ {{.Time}}", msg.M{"Time": msg.Digits(b.last.Format("15:04:05"))}))
}

// Offline says that the actions shown are not saved yet because the project's server cannot
// be reached: they wait, in order, and are written when it is back.
func (b *Bar) Offline() {
	if len(b.pending) == 0 {
		return
	}
	b.away = true
	b.Saved.Importance = widget.DangerImportance
	b.Saved.SetText(lang.X("status.offline", "Not saved yet: the server cannot be reached; your actions wait here and will be written when it is back…"))
}

// Waiting says that the actions shown are not saved yet, while writes wait for the project:
// busy when another program was seen holding it.
func (b *Bar) Waiting(busy bool) {
	if len(b.pending) == 0 {
		return
	}
	if !busy && b.away {
		return // the marker says why already: the server is away
	}
	b.away = false
	b.Saved.Importance = widget.WarningImportance
	if busy {
		b.Saved.SetText(lang.X("status.busy", "Not saved yet: another program is writing to the project; trying again…"))
		return
	}
	b.Saved.SetText(lang.X("status.waiting", "Not saved yet…"))
}
