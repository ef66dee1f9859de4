package stancepanel

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/article"
	"github.com/tawsim/tawsim/app/mirror"
	"github.com/tawsim/tawsim/app/palette"
	"github.com/tawsim/tawsim/labels"
)

// EvidenceRow is one evidence span in the stance panel: a bar of its label's colour at the
// start edge, its words, its label in that colour and a button that removes it at the end. A
// click selects it in the article.
type EvidenceRow struct {
	widget.BaseWidget
	span     labels.Span
	name     string // its label's name in the window
	color    color.NRGBA
	onTap    func()
	onRemove func()
	bg       *canvas.Rectangle
}

// newEvidenceRow returns the row of evidence span sp.
func (p *Panel) newEvidenceRow(sp labels.Span) *EvidenceRow {
	r := &EvidenceRow{span: sp, bg: &canvas.Rectangle{CornerRadius: 4}, name: sp.Label}
	r.color = palette.Color("")
	if l, ok := p.schema.Stance(sp.Label); ok {
		r.color = palette.Color(l.Color)
		r.name = palette.Name(l)
	}
	r.onTap = func() {
		if p.OnSelectEvidence != nil {
			p.OnSelectEvidence(sp)
		}
	}
	r.onRemove = func() {
		if p.OnRemoveEvidence != nil {
			p.OnRemoveEvidence(sp)
		}
	}
	r.ExtendBaseWidget(r)
	return r
}

// Span returns the evidence span the row shows.
func (r *EvidenceRow) Span() labels.Span { return r.span }

// CreateRenderer lays the row out. It is called by Fyne.
func (r *EvidenceRow) CreateRenderer() fyne.WidgetRenderer {
	bar := canvas.NewRectangle(r.color)
	bar.SetMinSize(fyne.NewSize(4, 0))
	name := canvas.NewText(r.name, r.color)
	name.TextStyle.Bold = true
	name.TextSize = theme.CaptionTextSize()
	text := article.NewLabel(r.span.Text)
	text.Truncation = fyne.TextTruncateEllipsis
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), r.onRemove)
	remove.Importance = widget.LowImportance
	end := mirror.Row(container.NewCenter(name), remove)
	return widget.NewSimpleRenderer(container.NewStack(r.bg, mirror.Border(nil, nil, bar, end, text)))
}

// Tapped selects the evidence in the article.
func (r *EvidenceRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// Cursor shows a pointing hand over the row.
func (r *EvidenceRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn highlights the row.
func (r *EvidenceRow) MouseIn(*desktop.MouseEvent) {
	r.bg.FillColor = theme.Color(theme.ColorNameHover)
	r.bg.Refresh()
}

// MouseMoved does nothing; the row is highlighted as a whole.
func (r *EvidenceRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (r *EvidenceRow) MouseOut() {
	r.bg.FillColor = color.Transparent
	r.bg.Refresh()
}
