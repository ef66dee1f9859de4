// Package cenv, imported for its side effect, keeps Fyne quiet about the C locale: under
// LANG=C.UTF-8 (or POSIX with a codeset, or the same in $LC_ALL or $LC_MESSAGES), which
// servers and containers use, Fyne's lang package takes "C" for a language when it loads and
// logs "Error parsing user locale C". For that locale this package sets $LANGUAGE to en, which
// is what C means, unless $LANGUAGE is set already.
//
// It must run before Fyne's lang package initializes. Go initializes the packages of a
// program in the order of their import paths, each as soon as the packages it imports are
// (the Go specification, "Package initialization"): this one imports only os and strings,
// which lang's own imports need first, and its path sorts before golang.org/x/text/language,
// which lang imports, so it runs first. cmd/tawsim imports it; a test there checks that the
// line is gone.
package cenv

import (
	"os"
	"strings"
)

func init() {
	loc := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = os.Getenv(v); loc != "" {
			break
		}
	}
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	if strings.HasPrefix(loc, "C.") || strings.HasPrefix(loc, "POSIX.") {
		os.Setenv("LANGUAGE", "en")
	}
}
