package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/doclist"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/arabic/bidi"
	"github.com/tawsim/tawsim/labels"
)

// docView is the document open: the article, scrolled, or in its place what to do when the
// list is empty, and the line above it with the document's title and status and the buttons
// that finish with it.
type docView struct {
	article  *article.Article
	scroll   *container.Scroll
	empty    *widget.Label
	emptyRTL *article.Text   // shows what empty says in a right-to-left window
	emptyBox *fyne.Container // holds empty, as wide as the article, in the middle of its height
	title    *article.Label
	badge    *doclist.Badge

	header fyne.CanvasObject // the title, the status and the buttons
	rule   fyne.CanvasObject // below the header
	body   fyne.CanvasObject // the article or the empty message
}

// newDocView makes the view; its buttons call done, skip and flag.
func newDocView(done, skip, flag func()) *docView {
	v := &docView{article: article.New(), empty: widget.NewLabel(""), title: article.NewLabel(""), badge: doclist.NewBadge()}
	v.scroll = container.NewVScroll(v.article)
	v.empty.Alignment = fyne.TextAlignCenter
	v.empty.Wrapping = fyne.TextWrapWord
	v.empty.Hide()
	var shown fyne.CanvasObject = v.empty
	if locale.RTL() {
		v.emptyRTL = article.NewText("", bidi.RightToLeft)
		v.emptyRTL.Hide()
		shown = v.emptyRTL
	}
	v.emptyBox = container.NewVBox(layout.NewSpacer(), shown, layout.NewSpacer())
	// a wrapping label gets the article's width: in a centering container it was laid out at
	// its narrowest, a letter a line, and made the window wider
	v.body = container.NewStack(v.scroll, v.emptyBox)
	v.title.Truncation = fyne.TextTruncateEllipsis
	v.badge.Hide()
	doneButton := widget.NewButton(lang.X("doc.done", "Done, next"), done)
	doneButton.Importance = widget.HighImportance
	buttons := mirror.Row(doneButton, widget.NewButton(lang.X("doc.skip", "Skip"), skip), widget.NewButton(lang.X("doc.flag", "Flag…"), flag), v.badge)
	v.header = mirror.Border(nil, nil, buttons, nil, v.title)
	v.rule = widget.NewSeparator()
	return v
}

// setDocument shows doc in the article, scrolled to its top.
func (v *docView) setDocument(doc labels.Document) {
	v.article.SetDocument(doc)
	v.scroll.ScrollToTop()
}

// showHeader shows the title and status of doc, nothing when no document is open.
func (v *docView) showHeader(doc labels.Document, status labels.Status) {
	if doc.ID == "" {
		v.title.SetText("")
		v.badge.Set("")
		return
	}
	v.title.SetText(doc.Title)
	v.badge.Set(status)
}

// showEmpty shows text in place of the article, or the article when text is "".
func (v *docView) showEmpty(text string) {
	if text == "" {
		v.empty.Hide()
		if v.emptyRTL != nil {
			v.emptyRTL.Hide()
		}
		v.scroll.Show()
		return
	}
	v.empty.SetText(text)
	if v.emptyRTL != nil {
		v.emptyRTL.SetText(msg.IsolateLatin(text))
		v.emptyRTL.Show()
	}
	v.scroll.Hide()
	v.empty.Show()
	v.emptyBox.Refresh() // lays the label out again: it was hidden
}

// scrollToRange scrolls the article so that the code points [start, end) are on screen, a third
// of the way down, unless they are on screen already.
func (v *docView) scrollToRange(start, end int) {
	pos, size := v.article.RangeRect(start, end)
	if size.Height == 0 {
		return
	}
	off, view := v.scroll.Offset.Y, v.scroll.Size().Height
	if pos.Y >= off && pos.Y+size.Height <= off+view {
		return
	}
	v.scroll.ScrollToOffset(fyne.NewPos(0, max(0, pos.Y-view/3)))
}
