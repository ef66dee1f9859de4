// Package assets holds what the GUI embeds: Noto Sans Arabic (SIL Open Font License 1.1, see
// LICENSE-OFL.txt beside the font files) and the theme that puts it before Fyne's bundled font,
// so that a machine without Arabic system fonts still shows Arabic, joined and shaped.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed NotoSansArabic-Regular.ttf
var arabicRegular []byte

//go:embed NotoSansArabic-Bold.ttf
var arabicBold []byte

//go:embed LICENSE-OFL.txt
var fontLicense string

// ArabicRegular is Noto Sans Arabic Regular. It covers the Arabic script (letters, harakat,
// Arabic-Indic digits, presentation forms), ASCII digits, a little punctuation and the zero
// width joiners, but not Latin letters.
var ArabicRegular fyne.Resource = fyne.NewStaticResource("NotoSansArabic-Regular.ttf", arabicRegular)

// ArabicBold is Noto Sans Arabic Bold, with the coverage of ArabicRegular.
var ArabicBold fyne.Resource = fyne.NewStaticResource("NotoSansArabic-Bold.ttf", arabicBold)

// FontLicense returns the licence of the embedded fonts (the SIL Open Font License 1.1), which
// must travel with them.
func FontLicense() string { return fontLicense }

//go:embed icon.png
var icon []byte

// Icon is Tawsim's icon, the letter ت above a label tag: a copy of the module's Icon.png (which
// FyneApp.toml names for packaging), for the window when the program is built with go build.
var Icon fyne.Resource = fyne.NewStaticResource("Icon.png", icon)
