package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/prefs"
)

// TestPreferencesApplyAtOnceAndStay: each preference changes the window at once and is in the
// preferences file for the next start.
func TestPreferencesApplyAtOnceAndStay(t *testing.T) {
	t.Cleanup(func() { locale.SetDigits(locale.Western) })
	w, shown := openWindow(t)
	w.win.Resize(fyne.NewSize(1400, 900))
	start(t, w, shown)

	size := w.view.article.TextSize()
	menuItem(t, w, "Larger text").Action()
	if got := w.view.article.TextSize(); got != size+textStep {
		t.Errorf("Larger text: %v, was %v", got, size)
	}
	menuItem(t, w, "Smaller text").Action()
	if got := w.view.article.TextSize(); got != size {
		t.Errorf("Smaller text: %v, want %v", got, size)
	}
	plus := &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	w.win.Canvas().(fyne.Shortcutable).TypedShortcut(plus) // Ctrl++ on keyboards where + is Shift+=
	if got := w.view.article.TextSize(); got != size+textStep {
		t.Errorf("Ctrl++: %v, want %v", got, size+textStep)
	}
	menuItem(t, w, "Smaller text").Action()

	p := w.Prefs()
	p.Theme, p.LineSpacing, p.HideStance, p.Digits = prefs.ThemeDark, 1.5, true, locale.ArabicIndic
	w.settings.set(p)
	w.q.Wait()
	if c := w.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight); c != theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark) {
		t.Errorf("the dark theme draws the background %v", c)
	}
	if w.view.article.LineSpacing() != 1.5 {
		t.Errorf("line spacing %v", w.view.article.LineSpacing())
	}
	if w.panes.stance.Visible() {
		t.Error("the stance panel hidden by the preferences still shows")
	}
	if got := shownOrder(rowsOf(w.list.Rows)[0]); got != "١" {
		t.Errorf("the first row's number reads %q in Arabic-Indic digits", got)
	}
	if got := w.status.Info.Text; !strings.HasSuffix(got, "  ·  ١ document") {
		t.Errorf("the status bar counts %q", got)
	}
	kept, err := prefs.Load()
	if err != nil || kept != w.Prefs() || kept.TextSize != size {
		t.Errorf("the file keeps %+v (%v), the window %+v", kept, err, w.Prefs())
	}
}

// TestLanguageChangesLive: choosing Arabic in the preferences makes the window's panels and
// menus again in Arabic, mirrored, with the document open still open.
func TestLanguageChangesLive(t *testing.T) {
	t.Cleanup(func() { locale.Set(locale.English) })
	w, shown := openWindow(t, threeDocs...)
	w.win.Resize(fyne.NewSize(1400, 900))
	start(t, w, shown)
	press(w, "j")
	open := next(t, shown)
	p := w.Prefs()
	p.Language = locale.Arabic
	w.settings.set(p)
	w.q.Wait()
	if d := next(t, shown); d.ID != open.ID {
		t.Errorf("after the change the window shows %q, not %q", d.Title, open.Title)
	}
	if got := w.win.MainMenu().Items[0].Label; got != "ملف" {
		t.Errorf("the first menu is %q", got)
	}
	if list, text := centerX(w.list.Object()), centerX(w.view.body); list < text {
		t.Errorf("in Arabic the list is at %v, left of the article at %v", list, text)
	}
	if i, in := w.list.Current(); i != 1 || !in {
		t.Errorf("the list shows document %d (in it %v)", i, in)
	}
}

// TestLargerTextSaysWhenNotKept: when the preferences file cannot be written (a folder
// stands in its place), Ctrl+= still changes the text but the status bar says that it was not
// kept, rather than the new size over that warning.
func TestLargerTextSaysWhenNotKept(t *testing.T) {
	w, shown := openWindow(t)
	w.win.Resize(fyne.NewSize(1400, 900))
	start(t, w, shown)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path, _ := prefs.Path()
	if err := os.MkdirAll(path, 0o700); err != nil {
		t.Fatal(err)
	}
	size := w.view.article.TextSize()
	menuItem(t, w, "Larger text").Action()
	if got := w.view.article.TextSize(); got != size+textStep {
		t.Errorf("Larger text: %v, was %v", got, size)
	}
	if got := w.status.Message.Text; !strings.Contains(got, "could not be kept") {
		t.Errorf("the status bar says %q", got)
	}
}
