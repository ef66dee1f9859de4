package locale_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/locale"
)

// fyneKeys are the words Fyne 2.7.1 looks up itself (its dialogs' buttons, the file dialog,
// the text fields' menu, the Quit item it adds to the first menu), which base.ar.json
// translates so that Fyne's own widgets speak Arabic too.
var fyneKeys = []string{"Advanced", "Cancel", "Confirm", "Copy", "Create Folder", "Cut", "Enter filename",
	"Error", "Favourites", "File", "Folder", "New Folder", "No", "OK", "Open", "Paste", "Quit", "Redo", "Save",
	"Select all", "Show Hidden Files", "Undo", "Yes", "file.name", "file.parent"}

// use is one lookup of a key in the program's code.
type use struct {
	key, fallback string
	plural        bool
	at            string
}

// lookups finds every lookup of a translation in the Go files of dirs (tests left out): the
// calls of lang.X and lang.XN, and of msg.Count and msg.CountWith, which call lang.XN. Their
// key and English text must be string constants, so that every key can be checked; any other
// function of lang (L, N, which take the English text for a key) is reported as bad.
func lookups(t *testing.T, dirs ...string) (uses []use, bad []string) {
	t.Helper()
	fset := token.NewFileSet()
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				pkg, ok := sel.X.(*ast.Ident)
				if !ok {
					return true
				}
				name := pkg.Name + "." + sel.Sel.Name
				at := fset.Position(call.Pos()).String()
				switch name {
				case "lang.X", "lang.XN", "msg.Count", "msg.CountWith":
				case "lang.L", "lang.N", "lang.Localize", "lang.LocalizePlural", "lang.LocalizeKey", "lang.LocalizePluralKey":
					bad = append(bad, at+": "+name+" (use lang.X with a key)")
					return true
				default:
					return true
				}
				if filepath.Base(filepath.Dir(path)) == "msg" && name == "lang.XN" {
					return true // Count itself
				}
				key, ok1 := constString(call.Args[0])
				fallback, ok2 := constString(call.Args[1])
				if !ok1 || !ok2 {
					bad = append(bad, at+": "+name+" without a constant key and English text")
					return true
				}
				uses = append(uses, use{key, fallback, name != "lang.X", at})
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return uses, bad
}

// constString returns the value of a string literal, or of literals joined by +.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(e.X)
		b, ok2 := constString(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// translations reads the embedded translation file of l: key → text, or plural form → text.
func translations(t *testing.T, l locale.Language) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(locale.Translations()[l], &m); err != nil {
		t.Fatalf("base.%s.json: %v", l, err)
	}
	return m
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// names returns the template names s uses: {{.N}} → N.
func names(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestEveryKeyIsTranslated: every string the window looks up has a translation in
// base.en.json (the English of the code, word for word) and base.ar.json (every Arabic plural
// form for counts), the translations use no data the code does not give, and no lookup
// bypasses the keys.
func TestEveryKeyIsTranslated(t *testing.T) {
	uses, bad := lookups(t, "..", "../../cmd/tawsim")
	for _, b := range bad {
		t.Errorf("%s", b)
	}
	if len(uses) < 300 {
		t.Fatalf("found %d lookups; the scan missed the code", len(uses))
	}
	en, ar := translations(t, locale.English), translations(t, locale.Arabic)
	seen := map[string]use{}
	for _, u := range uses {
		if o, ok := seen[u.key]; ok && o.fallback != u.fallback {
			t.Errorf("%s: key %q has another English text at %s", u.at, u.key, o.at)
		}
		seen[u.key] = u
		if slices.Contains(fyneKeys, u.key) {
			if u.key != u.fallback {
				t.Errorf("%s: Fyne's key %q with the text %q", u.at, u.key, u.fallback)
			}
			if _, ok := ar[u.key]; !ok {
				t.Errorf("%s: Fyne's %q has no Arabic", u.at, u.key)
			}
			continue
		}
		checkEnglish(t, u, en[u.key])
		checkArabic(t, u, ar[u.key])
	}
	for _, k := range fyneKeys {
		if _, ok := ar[k]; !ok {
			t.Errorf("Fyne's own %q has no Arabic: its dialogs would show it in English", k)
		}
	}
	for _, file := range []struct {
		lang locale.Language
		m    map[string]any
	}{{locale.English, en}, {locale.Arabic, ar}} {
		for k := range file.m {
			if _, used := seen[k]; !used && !slices.Contains(fyneKeys, k) && !fyneDay(k) {
				t.Errorf("base.%s.json: %q is used nowhere", file.lang, k)
			}
		}
	}
}

// fyneDay reports whether k names a day of the week, which Fyne's date widgets look up.
func fyneDay(k string) bool {
	day := strings.TrimSuffix(k, ".short")
	return slices.Contains([]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}, day)
}

// checkEnglish holds the English translation of u to the code's text.
func checkEnglish(t *testing.T, u use, v any) {
	t.Helper()
	switch v := v.(type) {
	case nil:
		t.Errorf("%s: %q has no English translation", u.at, u.key)
	case string:
		if u.plural {
			t.Errorf("%s: %q counts, and needs the plural forms one and other in English", u.at, u.key)
		} else if v != u.fallback {
			t.Errorf("%s: %q reads %q in the code, %q in base.en.json", u.at, u.key, u.fallback, v)
		}
	case map[string]any:
		if !u.plural {
			t.Errorf("%s: %q does not count, but has plural forms in English", u.at, u.key)
		}
		if v["other"] != u.fallback || v["one"] == nil {
			t.Errorf("%s: %q reads %q in the code; in English its forms are %v", u.at, u.key, u.fallback, v)
		}
	}
}

// checkArabic holds the Arabic translation of u: there, every plural form of a count, and no
// data the code does not give.
func checkArabic(t *testing.T, u use, v any) {
	t.Helper()
	given := names(u.fallback)
	check := func(s, form string) {
		if strings.TrimSpace(s) == "" {
			t.Errorf("%s: %q is empty in Arabic (%s)", u.at, u.key, form)
		}
		for _, n := range names(s) {
			if !slices.Contains(given, n) && !(u.plural && n == "N") {
				t.Errorf("%s: %q uses {{.%s}} in Arabic, which the code does not give", u.at, u.key, n)
			}
		}
	}
	switch v := v.(type) {
	case nil:
		t.Errorf("%s: %q has no Arabic translation", u.at, u.key)
	case string:
		if u.plural {
			t.Errorf("%s: %q counts, and needs Arabic's six plural forms", u.at, u.key)
		}
		check(v, "")
	case map[string]any:
		for _, form := range []string{"zero", "one", "two", "few", "many", "other"} {
			s, _ := v[form].(string)
			check(s, form)
		}
	}
}

// TestTranslationsLoad: both files are what Fyne's lang reads (go-i18n's JSON), and a key is
// looked up in the language set.
func TestTranslationsLoad(t *testing.T) {
	defer locale.Set(locale.English)
	for l, want := range map[locale.Language]string{locale.Arabic: "ملف", locale.English: "File"} {
		locale.Set(l)
		if got := lookup("menu.file"); got != want {
			t.Errorf("%s: menu.file is %q, want %q", l, got, want)
		}
	}
	if _, err := os.Stat("translations/base.ar.json"); err != nil {
		t.Error(err)
	}
}

// lookup returns the translation of key, "" when there is none.
func lookup(key string) string { return lang.X(key, "") }
