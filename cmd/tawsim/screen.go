package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// fitScreen makes win, once the driver has made it, no larger than the screen it is on: a
// window of 1,280×800 on a 1,024×600 screen, or at FYNE_SCALE=2 on a 2,560×1,440 one, ran
// past the screen's edges, and without a window manager to move it (Xvfb, a kiosk) the start
// of every right-to-left line stood beyond the right edge. Fyne tells nothing of the screen,
// so its size comes from GLFW, on the main goroutine where Fyne runs GLFW.
func fitScreen(a fyne.App, win fyne.Window) {
	a.Lifecycle().SetOnStarted(func() {
		fyne.Do(func() { // queued after the window is made, when its scale is known
			m := glfw.GetPrimaryMonitor()
			if m == nil {
				return
			}
			mode := m.GetVideoMode()
			scale := win.Canvas().Scale()
			if mode == nil || scale <= 0 {
				return
			}
			screen := fyne.NewSize(float32(mode.Width)/scale, float32(mode.Height)/scale)
			want := win.Canvas().Size()
			if fit := fitted(want, screen); fit != want {
				win.Resize(fit)
				win.CenterOnScreen()
			}
		})
	})
}

// fitted returns size, made no larger than screen less room for a title bar and a panel.
func fitted(size, screen fyne.Size) fyne.Size {
	room := fyne.NewSize(screen.Width, screen.Height-60)
	return fyne.NewSize(min(size.Width, room.Width), min(size.Height, room.Height))
}
