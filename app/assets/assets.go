// Package assets holds what the GUI embeds: Noto Sans Arabic, Noto Sans Hebrew and Noto Color
// Emoji (SIL Open Font License 1.1, see LICENSE-OFL.txt beside the font files) and the theme
// that puts the Arabic font before Fyne's bundled font, so that a machine without Arabic system
// fonts still shows Arabic, joined and shaped, and the article shows emoji whatever fonts the
// machine has.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed NotoSansArabic-Regular.ttf
var arabicRegular []byte

//go:embed NotoSansArabic-Bold.ttf
var arabicBold []byte

//go:embed NotoSansHebrew-Regular.ttf
var hebrewRegular []byte

//go:embed NotoColorEmoji.ttf
var emoji []byte

//go:embed LICENSE-OFL.txt
var fontLicense string

// ArabicRegular is Noto Sans Arabic Regular. It covers the Arabic script (letters, harakat,
// Arabic-Indic digits, presentation forms), ASCII digits, a little punctuation and the zero
// width joiners, but not Latin letters.
var ArabicRegular fyne.Resource = fyne.NewStaticResource("NotoSansArabic-Regular.ttf", arabicRegular)

// ArabicBold is Noto Sans Arabic Bold, with the coverage of ArabicRegular.
var ArabicBold fyne.Resource = fyne.NewStaticResource("NotoSansArabic-Bold.ttf", arabicBold)

// HebrewRegular is Noto Sans Hebrew Regular, for Hebrew quoted in an article.
var HebrewRegular fyne.Resource = fyne.NewStaticResource("NotoSansHebrew-Regular.ttf", hebrewRegular)

// Emoji is Noto Color Emoji 2.042 (Unicode's emoji up to version 15.0, skin tones, ZWJ
// sequences, keycaps and flags, each one glyph), a font of colour bitmaps that Fyne's text
// renderer draws. It adds 11 MB to the program.
var Emoji fyne.Resource = fyne.NewStaticResource("NotoColorEmoji.ttf", emoji)

// FontLicense returns the licence of the embedded fonts (the SIL Open Font License 1.1), which
// must travel with them.
func FontLicense() string { return fontLicense }

//go:embed icon.png
var icon []byte

// Icon is Tawsim's icon, the letter ت above a label tag: a copy of the module's Icon.png (which
// FyneApp.toml names for packaging), for the window when the program is built with go build.
var Icon fyne.Resource = fyne.NewStaticResource("Icon.png", icon)
