// Package locale is the language of Tawsim's window: Arabic or English, chosen from the
// system's locale or the annotator's preference, the direction the window runs in (right to
// left in Arabic), and the digits its counts are written with. The words themselves are
// Fyne's lang package's: every string the window shows is looked up with lang.X (or msg.Count)
// by a key, in the translations embedded here (translations/base.ar.json, base.en.json),
// which also translate Fyne's own words (OK, Cancel, the file dialogs' buttons).
//
// Fyne picks the language of lang from the environment ($LC_ALL, $LC_MESSAGES, $LANG, then
// $LANGUAGE) when its package loads and whenever translations are added, among the languages
// it has translations for. Set forces the language chosen: it adds the translations with
// that language in the environment, then puts the environment back as it was.
package locale

import (
	"embed"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Language is a language of the window.
type Language string

// The window's languages, and System for the one the system's locale names.
const (
	System  Language = ""
	Arabic  Language = "ar"
	English Language = "en"
)

// Digits is how the window writes numbers: counts, numbers of documents, times.
type Digits string

// The digits a count can be written with. The text of a document is never changed.
const (
	Western     Digits = ""   // 0123456789
	ArabicIndic Digits = "ar" // ٠١٢٣٤٥٦٧٨٩
)

//go:embed translations
var translations embed.FS

var (
	mu     sync.Mutex
	cur    = English
	digits = Western
)

// localeVars are the variables Fyne (through go-locale) reads the user's languages from.
var localeVars = []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"}

// FromSystem returns the language the environment asks for: Arabic when the first language
// of the locale ($LC_ALL, else $LC_MESSAGES, else $LANG, or the list in $LANGUAGE) that the
// window has is Arabic, English otherwise (the C and POSIX locales included).
func FromSystem() Language {
	loc := ""
	for _, v := range localeVars[:3] {
		if loc = os.Getenv(v); loc != "" {
			break
		}
	}
	base := func(s string) string {
		s, _, _ = strings.Cut(s, ".")
		s, _, _ = strings.Cut(s, "@")
		s, _, _ = strings.Cut(s, "_")
		s, _, _ = strings.Cut(s, "-")
		return strings.ToLower(s)
	}
	if b := base(loc); b == "c" || b == "posix" {
		return English
	}
	list := loc
	if l := os.Getenv("LANGUAGE"); l != "" {
		list = l
	}
	for _, l := range strings.Split(list, ":") {
		switch Language(base(l)) {
		case Arabic:
			return Arabic
		case English:
			return English
		}
	}
	return English
}

// Set makes l the window's language (System: FromSystem's), for the strings looked up from
// now on; widgets made before keep their words.
func Set(l Language) {
	if l != Arabic && l != English {
		l = FromSystem()
	}
	mu.Lock()
	defer mu.Unlock()
	saved := map[string]*string{}
	for _, v := range localeVars {
		if s, ok := os.LookupEnv(v); ok {
			saved[v] = &s
		} else {
			saved[v] = nil
		}
	}
	os.Setenv("LC_ALL", string(l))
	os.Setenv("LANGUAGE", string(l))
	err := lang.AddTranslationsFS(translations, "translations")
	for v, s := range saved {
		if s == nil {
			os.Unsetenv(v)
		} else {
			os.Setenv(v, *s)
		}
	}
	if err != nil {
		fyne.LogError("load the window's translations", err)
	}
	cur = l
}

// Current returns the window's language.
func Current() Language {
	mu.Lock()
	defer mu.Unlock()
	return cur
}

// RTL reports whether the window runs right to left (in Arabic): its panels, rows and
// dialogs mirrored.
func RTL() bool { return Current() == Arabic }

// SetDigits makes d the digits counts are written with.
func SetDigits(d Digits) {
	mu.Lock()
	defer mu.Unlock()
	if d != ArabicIndic {
		d = Western
	}
	digits = d
}

// CurrentDigits returns the digits counts are written with.
func CurrentDigits() Digits {
	mu.Lock()
	defer mu.Unlock()
	return digits
}

// Translations returns the embedded translation files by language: the bytes of
// translations/base.LANG.json.
func Translations() map[Language][]byte {
	out := map[Language][]byte{}
	for _, l := range []Language{Arabic, English} {
		if b, err := translations.ReadFile("translations/base." + string(l) + ".json"); err == nil {
			out[l] = b
		}
	}
	return out
}
