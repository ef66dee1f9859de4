package app

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/textfield"
	"github.com/tawsim/tawsim/labels"
)

// inLanguage runs the rest of the test with the window's language l, English again after it.
func inLanguage(t testing.TB, l locale.Language) {
	t.Helper()
	locale.Set(l)
	t.Cleanup(func() { locale.Set(locale.English) })
}

// shownTexts returns the texts that o and the objects below it show, as an annotator reads
// them: the words of Fyne's text objects, and the whole text of the article's labels and of
// mirror.Words (whose pieces are drawn one by one). The article itself (the document's text)
// and the text fields (what the annotator typed) are left out, and hidden objects.
func shownTexts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	switch o := o.(type) {
	case *article.Article, *textfield.Field, *dialogEntry:
		return nil
	case *article.Label:
		return []string{o.Text()}
	case *article.Text:
		return []string{o.Text()}
	case *mirror.Words:
		return []string{o.Text()}
	case *canvas.Text:
		return []string{o.Text}
	case *fyne.Container:
		var out []string
		for _, c := range o.Objects {
			out = append(out, shownTexts(c)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, c := range test.WidgetRenderer(o).Objects() {
			out = append(out, shownTexts(c)...)
		}
		return out
	}
	return nil
}

// latinWord finds the words in Latin letters of a text (with the dots and slashes of a file
// name, or the apostrophe of a name, in them).
var latinWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_.'/-]*`)

// allowedLatin are the words in Latin letters an Arabic window may show: key names, the
// names of formats and of the tools and corpora they come from, of measures (F1, AC1), the
// name of the language English.
var allowedLatin = strings.Fields(`Ctrl Shift Alt Delete Backspace Enter Esc Home End Page Up Down F1
	F3 English LANG ar_ txt jsonl doccano doccano-stance spacy spacy-doc hf conll csv stance stance-claims
	CoNLL BIO JSONL spaCy Prodigy Hugging Face Doc JSON spans.sc SpanCategorizer ents ANERcorp labelstudio AC1 tester
	postgres pgpass PGPASSWORD`)

// foreignWords returns the words in Latin letters of texts that an Arabic window should not
// show: neither in allowedLatin nor data (the names of the project's labels and targets, and
// names, the annotators'), nor a file name (a word with a dot or a slash), nor a single letter
// (a key).
func foreignWords(texts []string, sc labels.Schema, names ...string) []string {
	data := append(slices.Clone(allowedLatin), names...)
	for _, l := range append(slices.Clone(sc.Entities), sc.StanceLabels...) {
		data = append(data, l.Name)
	}
	for _, tg := range sc.Targets {
		data = append(data, tg.ID)
		data = append(data, strings.Fields(tg.Name)...)
	}
	var out []string
	for _, s := range texts {
		for _, w := range latinWord.FindAllString(s, -1) {
			w = strings.TrimRight(w, ".-")
			if len(w) <= 1 || strings.ContainsAny(w, "./") || slices.Contains(data, w) {
				continue
			}
			out = append(out, w+" (in "+s+")")
		}
	}
	return out
}

// outOfOrder reports whether Fyne, which knows nothing of bidi, would draw s out of order in
// a right-to-left window: it draws the runs of a text in the order of its characters, so an
// Arabic text with brackets, digits or Latin letters in it reads out of order (the article's
// labels and mirror.Words order them themselves).
func outOfOrder(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) &&
		(strings.ContainsAny(s, "()[]{}0123456789") || latinWord.MatchString(s))
}

// fyneTexts returns the texts below o that Fyne's own widgets draw (canvas.Text, which every
// label, button, check and select of Fyne's ends in), leaving out those of the article's
// labels and of mirror.Words, which draw their pieces in the order bidi gives them, and
// hidden objects.
func fyneTexts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	switch o := o.(type) {
	case *article.Article, *textfield.Field, *dialogEntry, *article.Label, *article.Text, *mirror.Words:
		return nil
	case *canvas.Text:
		return []string{o.Text}
	case *fyne.Container:
		var out []string
		for _, c := range o.Objects {
			out = append(out, fyneTexts(c)...)
		}
		return out
	case fyne.Widget:
		var out []string
		for _, c := range test.WidgetRenderer(o).Objects() {
			out = append(out, fyneTexts(c)...)
		}
		return out
	}
	return nil
}

// checkOrder fails the test when Fyne would draw a text below o out of order (outOfOrder).
func checkOrder(t *testing.T, what string, o fyne.CanvasObject) {
	t.Helper()
	for _, s := range fyneTexts(o) {
		if outOfOrder(s) {
			t.Errorf("%s: Fyne draws %q out of order", what, s)
		}
	}
}

// menuTexts returns the labels of the window's menus and of their items.
func menuTexts(w *Window) []string {
	var out []string
	for _, m := range w.win.MainMenu().Items {
		out = append(out, m.Label)
		for _, it := range m.Items {
			out = append(out, it.Label)
		}
	}
	return out
}

// TestArabicWindowShowsNoEnglish opens the window in Arabic, labels a word, and opens every
// dialog of the window in turn: no word in Latin letters may show but a key, a file, a
// format, a label's code or a target's name. A string of the window that does not go through
// lang (or a key without an Arabic translation, which falls back to the English) fails it.
func TestArabicWindowShowsNoEnglish(t *testing.T) {
	inLanguage(t, locale.Arabic)
	w, shown := openWindow(t, threeDocs...)
	w.win.Resize(fyne.NewSize(1400, 900))
	start(t, w, shown)
	selectPhrase(t, w, "طرابلس")
	press(w, "1")
	check := func(what string, texts []string) {
		t.Helper()
		if len(texts) == 0 {
			t.Errorf("%s: nothing shown", what)
		}
		for _, f := range foreignWords(texts, w.schema) {
			t.Errorf("%s shows %s", what, f)
		}
	}
	check("the window", shownTexts(w.win.Content()))
	checkOrder(t, "the window", w.win.Content())
	check("the menus", menuTexts(w))
	for _, m := range menuTexts(w) {
		if outOfOrder(m) {
			t.Errorf("the menu item %q mixes Arabic with what Fyne's menus would put out of order", m)
		}
	}
	w.panes.choose(true)
	w.win.Resize(fyne.NewSize(1000, 600)) // narrow: the list and the stance panel in one column
	check("the narrow window", shownTexts(w.win.Content()))
	checkOrder(t, "the narrow window", w.win.Content())
	w.win.Resize(fyne.NewSize(1400, 900))
	for _, d := range []struct {
		name string
		open func()
	}{
		{"Preferences", w.settings.show},
		{"Import", w.imports.show},
		{"Export", w.exports.show},
		{"Help", w.showHelp},
		{"Targets", w.showTargets},
		{"Flag", w.ed.askFlag},
		{"New project", w.askNewProject},
		{"the name", func() { w.askName(false) }},
		{"an error", func() { w.showError(labels.ErrNoAnnotator) }},
	} {
		d.open()
		w.q.Wait()
		top := w.win.Canvas().Overlays().Top()
		if top == nil {
			t.Errorf("%s: no dialog", d.name)
			continue
		}
		texts := shownTexts(top)
		if d.name == "an error" { // the error's own words come from the store, in English
			texts = slices.DeleteFunc(texts, func(s string) bool { return strings.EqualFold(s, labels.ErrNoAnnotator.Error()) })
		}
		check("the "+d.name+" dialog", texts)
		checkOrder(t, "the "+d.name+" dialog", top)
		w.win.Canvas().Overlays().Remove(top)
		w.nameDialog = nil
	}
}

// TestForeignWordsAreFound: the check of TestArabicWindowShowsNoEnglish finds an English
// word, and lets keys, files, formats and the schema's names pass.
func TestForeignWordsAreFound(t *testing.T) {
	sc := labels.Schema{Entities: []labels.Label{{Name: "PERS"}}, Targets: []labels.Target{{Name: "Libyan National Army"}}}
	ok := []string{"اضغط Ctrl+Z أو Shift+F A N X", "test.tawsim · مستند واحد", "PERS شخص", "Libyan National Army", "jsonl", "t: التالي"}
	if f := foreignWords(ok, sc); len(f) > 0 {
		t.Errorf("flagged %q", f)
	}
	if f := foreignWords([]string{"عرض Show"}, sc); len(f) != 1 {
		t.Errorf("an English word in Arabic: flagged %q", f)
	}
	if got := shownTexts(widget.NewLabel("Show")); len(got) != 1 || got[0] != "Show" {
		t.Errorf("a label shows %q", got)
	}
}
