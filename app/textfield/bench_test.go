package textfield

import (
	"testing"

	"fyne.io/fyne/v2"
)

// BenchmarkTypeIntoNote types a letter into a note of 120 code points of Arabic, Latin words,
// numbers and brackets and deletes it again: two changes, each laid out and drawn anew.
func BenchmarkTypeIntoNote(b *testing.B) {
	f, _ := typed(b, "قال الرئيس (Joe Biden) إن 3.5% من الناخبين في ولاية Ohio صوتوا يوم 2024-11-05. النص مقطوع (cut) 12 والباقي", 400)
	press(f, fyne.KeyHome, false)
	for range 30 {
		press(f, fyne.KeyLeft, false)
	}
	b.ResetTimer()
	for b.Loop() {
		f.TypedRune('ب')
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
}
