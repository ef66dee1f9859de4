package assets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme is Fyne's default theme with Noto Sans Arabic as the first text font. Fyne looks a
// glyph up in the theme's font first and then in its own bundled font, so Arabic comes from
// the embedded font and Latin letters still come from Fyne's Noto Sans.
//
// Its colours are the default theme's light or dark ones, as the system asks (Fyne follows
// the desktop's setting), or always the one variant the annotator chose.
type Theme struct {
	base    fyne.Theme
	variant fyne.ThemeVariant
	forced  bool
}

// NewTheme returns the theme, on top of Fyne's default light/dark theme.
func NewTheme() *Theme { return &Theme{base: theme.DefaultTheme()} }

// NewThemeVariant returns the theme in variant v (theme.VariantLight or theme.VariantDark)
// whatever the system asks.
func NewThemeVariant(v fyne.ThemeVariant) *Theme {
	return &Theme{base: theme.DefaultTheme(), variant: v, forced: true}
}

// Color returns the default theme's colour, of the variant chosen when there is one.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	return t.base.Color(n, v)
}

// Font returns Noto Sans Arabic for regular, bold and italic text (Fyne adds its own font of the
// same style after it), and the default fonts for monospace and symbols.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace, s.Symbol:
		return t.base.Font(s)
	case s.Bold:
		return ArabicBold
	default:
		return ArabicRegular
	}
}

// Icon returns the default theme's icon.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns the default theme's size.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }
