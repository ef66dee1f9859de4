package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestServerURLThatCannotBeRead: Open server project refuses, in the annotator's words and
// before anything is opened, a URL that cannot be read (a % not followed by two hexadecimal
// digits, an unclosed [); the error the server's driver gave for it named the URL twice, in
// English, in the middle of an Arabic message.
func TestServerURLThatCannotBeRead(t *testing.T) {
	w, shown := openWindow(t)
	w.win.Resize(fyne.NewSize(1024, 600))
	start(t, w, shown)
	w.askServerProject()
	url, ok := w.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("the focus is on %T, not the URL field", w.win.Canvas().Focused())
	}
	for _, bad := range []string{"postgres://%zz@news.example/tawsim", "postgres://amal@[::1:5432/tawsim", "file.tawsim"} {
		url.SetText(bad)
		if err := url.Validate(); err == nil || !strings.Contains(err.Error(), "postgres://") {
			t.Errorf("%s: the field says %v", bad, err)
		}
	}
	for _, good := range []string{"postgres://amal@news.example/tawsim", " postgresql://amal:p%40ss@[::1]:5432/tawsim?sslmode=require "} {
		url.SetText(good)
		if err := url.Validate(); err != nil {
			t.Errorf("%s: refused, %v", good, err)
		}
	}
}
