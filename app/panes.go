package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/tawsim/tawsim/app/mirror"
)

// narrowBelow is the width under which the window puts the document list and the stance panel
// in one column, one of them shown at a time: at 1,024 pixels (a small laptop) the article
// keeps two thirds of the width.
const narrowBelow = 1100

// panes is the window's body: the document list at the start edge (the right, in Arabic), the
// article with its header in the middle, the stance panel at the end, side by side in
// splits the annotator can drag. Narrower than narrowBelow, or than the three need, the list
// and the stance panel share one column with two buttons above it that choose which one shows
// (the stance panel is a tab then). A panel the preferences hide is left out.
type panes struct {
	widget.BaseWidget
	list, text, stance fyne.CanvasObject

	hideList, hideStance bool
	showStance           bool // narrow: the shared column shows the stance panel

	root    fyne.CanvasObject
	narrow  bool
	built   bool
	outer   *container.Split // the list | the rest
	inner   *container.Split // the article | the stance panel
	side    *container.Split // narrow: the shared column | the article
	tabList *widget.Button
	tabStan *widget.Button
}

// newPanes lays list, text and stance out.
func newPanes(list, text, stance fyne.CanvasObject) *panes {
	p := &panes{list: list, text: text, stance: stance}
	p.tabList = widget.NewButton(lang.X("panes.documents", "Documents"), func() { p.choose(false) })
	p.tabStan = widget.NewButton(lang.X("panes.stance", "Stance"), func() { p.choose(true) })
	p.ExtendBaseWidget(p)
	return p
}

// setHidden hides the list, the stance panel, both or neither.
func (p *panes) setHidden(list, stance bool) {
	p.hideList, p.hideStance = list, stance
	p.built = false
	p.Refresh()
}

// Narrow reports whether the list and the stance panel share a column.
func (p *panes) Narrow() bool { return p.narrow }

// choose shows the stance panel (stance set) or the list in the shared column.
func (p *panes) choose(stance bool) {
	p.showStance = stance
	p.built = false
	p.Refresh()
}

// ShowStance makes the stance panel visible: in the shared column when the window is narrow.
func (p *panes) ShowStance() {
	if p.narrow && !p.showStance && !p.hideStance {
		p.choose(true)
	}
}

// build makes the tree of splits for the mode: narrow or not.
func (p *panes) build(narrow bool) {
	p.narrow, p.built = narrow, true
	list, stance := p.list, p.stance
	for _, o := range []struct {
		obj    fyne.CanvasObject
		hidden bool
	}{{p.list, p.hideList}, {p.stance, p.hideStance}} {
		if o.hidden {
			o.obj.Hide()
		} else {
			o.obj.Show()
		}
	}
	if p.hideList {
		list = nil
	}
	if p.hideStance {
		stance = nil
	}
	switch {
	case narrow && list != nil && stance != nil:
		p.tabList.Importance, p.tabStan.Importance = widget.HighImportance, widget.MediumImportance
		list.Show()
		stance.Hide()
		if p.showStance {
			p.tabList.Importance, p.tabStan.Importance = widget.MediumImportance, widget.HighImportance
			list.Hide()
			stance.Show()
		}
		p.tabList.Refresh()
		p.tabStan.Refresh()
		tabs := mirror.Grid(2, p.tabList, p.tabStan)
		col := container.NewBorder(tabs, nil, nil, nil, container.NewStack(list, stance))
		p.side = keepOffset(p.side, mirror.Split(col, p.text, 0.3))
		p.root = p.side
		return
	case narrow:
		for _, o := range []fyne.CanvasObject{list, stance} {
			if o != nil {
				p.side = keepOffset(p.side, mirror.Split(o, p.text, 0.3))
				p.root = p.side
				return
			}
		}
		p.root = p.text
		return
	}
	rest := p.text
	if stance != nil {
		p.inner = keepOffset(p.inner, mirror.Split(p.text, stance, 0.7))
		rest = p.inner
	}
	if list == nil {
		p.root = rest
		return
	}
	p.outer = keepOffset(p.outer, mirror.Split(list, rest, 0.24))
	p.root = p.outer
}

// keepOffset returns s, with the share of the width the annotator gave old's start when there
// was an old split.
func keepOffset(old, s *container.Split) *container.Split {
	if old != nil {
		s.Offset = old.Offset
	}
	return s
}

// wideMin is the width the three panes need side by side.
func (p *panes) wideMin() float32 {
	w := p.text.MinSize().Width
	if !p.hideList {
		w += p.list.MinSize().Width + 8
	}
	if !p.hideStance {
		w += p.stance.MinSize().Width + 8
	}
	return w
}

// CreateRenderer lays the panes out. It is called by Fyne.
func (p *panes) CreateRenderer() fyne.WidgetRenderer { return &panesRenderer{p: p} }

// panesRenderer rebuilds the tree of splits when the width crosses narrowBelow or the panels
// shown change.
type panesRenderer struct{ p *panes }

func (r *panesRenderer) Destroy() {}

func (r *panesRenderer) Objects() []fyne.CanvasObject {
	if r.p.root == nil {
		r.p.build(false)
	}
	return []fyne.CanvasObject{r.p.root}
}

// MinSize is that of the narrow layout, which the window can always take.
func (r *panesRenderer) MinSize() fyne.Size {
	p := r.p
	side := fyne.Size{}
	for _, o := range []struct {
		obj    fyne.CanvasObject
		hidden bool
	}{{p.list, p.hideList}, {p.stance, p.hideStance}} {
		if !o.hidden {
			side = side.Max(o.obj.MinSize())
		}
	}
	text := p.text.MinSize()
	w := text.Width
	if side.Width > 0 {
		w += side.Width + 8
		side.Height += p.tabList.MinSize().Height
	}
	return fyne.NewSize(w, max(text.Height, side.Height))
}

func (r *panesRenderer) Layout(size fyne.Size) {
	p := r.p
	narrow := size.Width < narrowBelow || size.Width < p.wideMin()
	if !p.built || narrow != p.narrow || p.root == nil {
		p.build(narrow)
		canvas.Refresh(p)
	}
	p.root.Resize(size)
	p.root.Move(fyne.NewPos(0, 0))
}

func (r *panesRenderer) Refresh() {
	r.Layout(r.p.Size())
}
