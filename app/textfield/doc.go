// Package textfield is a one-line text field for Arabic mixed with Latin words and numbers:
// what Fyne's widget.Entry does for the annotator's name, a flag's note or a target's name,
// but showing the text in the order the Unicode bidirectional algorithm (arabic/bidi) gives
// it, with its letters joined, its brackets mirrored, and the caret and the selection where
// the text is.
//
// Direction. The field's paragraph direction is that of its first strong character outside
// isolates (rules P2 and P3 of UAX #9): a text that starts with an Arabic letter reads right
// to left and is aligned right; one that starts with a Latin letter reads left to right and is
// aligned left. An empty field, or one of digits and punctuation alone, reads right to left
// (the corpus is Arabic): the caret of an empty field is at its right end. The placeholder
// takes its own direction the same way.
//
// The caret stands between two grapheme clusters (UAX #29), never inside one; the selection
// is always one range of the text, [Selection), which in mixed text may be highlighted as
// several pieces of the line. Keys:
//
//   - ← and → move the caret one cluster left or right on the screen, whatever the direction
//     of the text there, as browsers do: pressed repeatedly, an arrow sweeps the line from one
//     end to the other. Where the levels of two neighbours differ, one place on the screen is
//     two places in the text; the caret keeps the one it came to. A selection collapses to
//     its end on the arrow's side.
//   - Shift+← and Shift+→ move the moving end of the selection one cluster in reading order:
//     the arrow that points where the paragraph reads to (← in right-to-left text) forward,
//     the other back, as in the article. The selection grows and shrinks a cluster at a time
//     and stays one range of the text, where a visual move would make it jump across the
//     runs of the other direction (Firefox's default does the same: visual moves, logical
//     selection).
//   - Ctrl+← and Ctrl+→ move by words in reading order: the arrow that points where the text
//     reads to (← in right-to-left text) goes to the end of the next word, the other to the
//     start of the previous word.
//   - Home and End (and ↑ ↓) go to the start and end of the text: the right and left end of
//     right-to-left text. Shift extends the selection.
//   - Backspace deletes the selection, or the last code point before the caret (a haraka, an
//     accent), or the whole cluster when it is an emoji sequence; Delete deletes the selection
//     or the cluster after the caret. With Ctrl they delete a word.
//   - Enter calls OnSubmitted; Escape is left to the caller.
//   - Ctrl+C, Ctrl+X, Ctrl+V and Ctrl+A copy, cut, paste and select all with the clipboard
//     of the shortcut, or else the application's. Pasted line breaks and tabs become spaces.
//
// A click puts the caret at the nearest cluster edge, a drag selects, Shift+click extends the
// selection, a double click selects a word; the right button shows Cut, Copy, Paste and
// Select all. A text wider than the field scrolls to keep the caret in view. The caret is
// steady: it does not blink.
//
// Drawing. Each visual run of right-to-left letters (with the spaces between them) is one
// canvas.Text holding its characters in logical order, which Fyne's text renderer shapes,
// joins and lays out right to left; left-to-right runs are one canvas.Text each; a neutral
// at an odd level (a bracket) is a canvas.Text of its own, mirrored. Caret and selection
// places inside a run come from shaping its string the way Fyne does (HarfBuzz through
// go-text), so contextual forms and ligatures are measured as drawn.
package textfield
