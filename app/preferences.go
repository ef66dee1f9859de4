package app

import (
	"context"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/assets"
	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/prefs"
)

// textStep is how much Ctrl+= and Ctrl+- change the article's text size.
const textStep = 2

// newTheme returns Tawsim's theme in the colours t asks for.
func newTheme(t prefs.Theme) fyne.Theme {
	switch t {
	case prefs.ThemeLight:
		return assets.NewThemeVariant(theme.VariantLight)
	case prefs.ThemeDark:
		return assets.NewThemeVariant(theme.VariantDark)
	}
	return assets.NewTheme()
}

// Prefs returns the preferences the window applies.
func (w *Window) Prefs() prefs.Prefs { return w.cfg.Prefs }

// settings applies the preferences to the window, keeps them, and shows the Preferences
// dialog.
type settings struct{ w *Window }

// applyText gives the article the text size and line spacing of the preferences.
func (s *settings) applyText() {
	w := s.w
	w.view.article.SetTextSize(w.cfg.Prefs.TextSize)
	w.view.article.SetLineSpacing(w.cfg.Prefs.Spacing())
}

// set applies p at once and keeps it for the next start: the theme, the article's text,
// the panels shown, the digits of counts, and the language (the window's panels are made
// again in it, the document open staying open). It reports whether p was kept: when not, the
// status bar says so.
func (s *settings) set(p prefs.Prefs) (kept bool) {
	w := s.w
	old := w.cfg.Prefs
	w.cfg.Prefs = p
	err := prefs.Save(p)
	if err != nil {
		w.status.Warn("%s", lang.X("prefs.not_kept", "The preferences could not be kept for the next start: {{.Err}}", msg.M{"Err": err}))
	}
	if p.Theme != old.Theme {
		w.app.Settings().SetTheme(newTheme(p.Theme))
	}
	s.applyText()
	if p.HideList != old.HideList || p.HideStance != old.HideStance {
		w.panes.setHidden(p.HideList, p.HideStance)
	}
	if p.Digits != old.Digits {
		locale.SetDigits(p.Digits)
		w.list.Rows.Refresh()
		w.list.RefreshStats()
		w.status.SetProject(w.cfg.Path, w.list.Total())
		w.status.ShowSaved()
	}
	if p.Language != old.Language && locale.Current() != languageOf(p.Language) {
		locale.Set(p.Language)
		w.rebuild()
	}
	return err == nil
}

// languageOf returns the language l names, the system's for locale.System.
func languageOf(l locale.Language) locale.Language {
	if l == locale.System {
		return locale.FromSystem()
	}
	return l
}

// rebuild makes the window's panels again, in the language now set, over the project open,
// and opens the document that was open, in Review mode when it was on. The Agreement window
// closes, to be made again in the new language.
func (w *Window) rebuild() {
	st, path, name, open := w.cfg.Store, w.cfg.Path, w.cfg.Annotator, w.ed.doc.ID
	reviewing := w.review.on
	if w.agreement != nil { // made again in the new language when it is asked for
		w.agreement.win.Close()
		w.agreement = nil
	}
	w.list = doclist.New(w.q)
	w.buildPanels()
	w.win.SetTitle(lang.X("window.name", "Tawsim"))
	w.q.Do(func(ctx context.Context) func() {
		p, err := w.readProject(ctx, st, name)
		return func() {
			if err != nil {
				w.showError(err)
				return
			}
			w.adopt(st, path, p)
			if open != "" {
				w.ed.open(open, nil)
			}
			if reviewing {
				w.review.begin(nil)
			}
		}
	})
}

// step makes the article's text textStep larger (d > 0) or smaller (d < 0), within
// prefs.MinTextSize and prefs.MaxTextSize, and keeps the size. The new size is said unless
// it could not be kept, which the status bar then says instead.
func (s *settings) step(d int) {
	w := s.w
	p := w.cfg.Prefs
	size := float64(w.view.article.TextSize()) + float64(d*textStep)
	p.TextSize = float32(math.Max(prefs.MinTextSize, math.Min(prefs.MaxTextSize, math.Round(size))))
	if !s.set(p) {
		return
	}
	w.status.Say("%s", lang.X("prefs.text_size_now", "Text size {{.Size}}.", msg.M{"Size": msg.Thousands(int(p.TextSize))}))
}

// toggle shows or hides the document list (list set) or the stance panel.
func (s *settings) toggle(list bool) {
	w := s.w
	p := w.cfg.Prefs
	if list {
		p.HideList = !p.HideList
	} else {
		p.HideStance = !p.HideStance
	}
	s.set(p)
}

// show opens the Preferences dialog: every change applies at once and is kept.
func (s *settings) show() {
	w := s.w
	p := w.cfg.Prefs
	var d *dialog.CustomDialog

	langs := []string{lang.X("prefs.lang.system", "As the system"), "العربية", "English"}
	language := widget.NewSelect(langs, nil)
	language.SetSelectedIndex(map[locale.Language]int{locale.System: 0, locale.Arabic: 1, locale.English: 2}[p.Language])
	language.OnChanged = func(string) {
		q := w.cfg.Prefs
		q.Language = []locale.Language{locale.System, locale.Arabic, locale.English}[language.SelectedIndex()]
		if q.Language == w.cfg.Prefs.Language {
			return
		}
		d.Hide()
		s.set(q)
		s.show() // in the new language
	}

	size := widget.NewSlider(prefs.MinTextSize, prefs.MaxTextSize)
	size.Step = 1
	size.Value = float64(w.view.article.TextSize())
	sizeText := mirror.Label(msg.Thousands(int(size.Value)))
	size.OnChanged = func(v float64) {
		q := w.cfg.Prefs
		q.TextSize = float32(v)
		sizeText.SetText(msg.Thousands(int(v)))
		s.set(q)
	}

	spacings := []float32{1, 1.25, 1.5, 1.75, 2}
	var spacingNames []string
	for _, s := range spacings {
		spacingNames = append(spacingNames, msg.Digits(strconv.FormatFloat(float64(s), 'f', -1, 32)))
	}
	spacing := widget.NewSelect(spacingNames, nil)
	for i, s := range spacings {
		if s == p.Spacing() {
			spacing.SetSelectedIndex(i)
		}
	}
	spacing.OnChanged = func(string) {
		q := w.cfg.Prefs
		q.LineSpacing = spacings[spacing.SelectedIndex()]
		s.set(q)
	}

	themes := []prefs.Theme{prefs.ThemeSystem, prefs.ThemeLight, prefs.ThemeDark}
	colours := widget.NewSelect([]string{lang.X("prefs.theme.system", "As the system"),
		lang.X("prefs.theme.light", "Light"), lang.X("prefs.theme.dark", "Dark")}, nil)
	for i, t := range themes {
		if t == p.Theme {
			colours.SetSelectedIndex(i)
		}
	}
	colours.OnChanged = func(string) {
		q := w.cfg.Prefs
		q.Theme = themes[colours.SelectedIndex()]
		s.set(q)
	}

	list := widget.NewCheck(lang.X("prefs.show_list", "The document list"), nil)
	list.SetChecked(!p.HideList)
	stance := widget.NewCheck(lang.X("prefs.show_stance", "The stance panel"), nil)
	stance.SetChecked(!p.HideStance)
	panels := func(bool) {
		q := w.cfg.Prefs
		q.HideList, q.HideStance = !list.Checked, !stance.Checked
		s.set(q)
	}
	list.OnChanged, stance.OnChanged = panels, panels

	digits := widget.NewSelect([]string{"0123456789", "٠١٢٣٤٥٦٧٨٩"}, nil)
	if p.Digits == locale.ArabicIndic {
		digits.SetSelectedIndex(1)
	} else {
		digits.SetSelectedIndex(0)
	}
	digits.OnChanged = func(string) {
		q := w.cfg.Prefs
		q.Digits = []locale.Digits{locale.Western, locale.ArabicIndic}[digits.SelectedIndex()]
		s.set(q)
	}
	for _, s := range []*widget.Select{language, spacing, colours, digits} {
		s.Alignment = mirror.Align(false)
	}

	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("prefs.language", "Language"), language),
		widget.NewFormItem(lang.X("prefs.text_size", "Article text size"), mirror.Border(nil, nil, nil, sizeText, size)),
		widget.NewFormItem(lang.X("prefs.spacing", "Line spacing"), spacing),
		widget.NewFormItem(lang.X("prefs.theme", "Colours"), colours),
		widget.NewFormItem(lang.X("prefs.panels", "Panels shown"), mirror.Row(mirror.CheckRow(list), mirror.CheckRow(stance))),
		widget.NewFormItem(lang.X("prefs.digits", "Digits of counts"), digits),
	}
	items[0].HintText = lang.X("prefs.language_hint", "As the system: Arabic when the system's language is Arabic (LANG=ar_…), English otherwise.")
	items[1].HintText = lang.X("prefs.text_size_hint", "Also Ctrl+= and Ctrl+- in the window.")
	items[5].HintText = lang.X("prefs.digits_hint", "For counts and numbers in the window; the documents' text is never changed.")
	grid, _ := formGrid(items, func() {})
	d = w.dialogs.newDialog(lang.X("prefs.title", "Preferences"), grid, w.dialogs.closeButton())
	d.Resize(w.dialogs.size(600))
	w.dialogs.show(d)
}
