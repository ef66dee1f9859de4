package suggest

import (
	"errors"
	"fmt"
)

// Error is a problem with one line of a source file.
type Error struct {
	File string
	Line int // 1-based
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// ErrUnsupported is wrapped by the error about a token attribute of a pattern that Tawsim
// cannot honour (POS, OP, IS_PUNCT...).
var ErrUnsupported = errors.New("not supported")

// MaxErrors is how many bad lines a reader lists; it counts the rest.
const MaxErrors = 20

// lineErrors gathers the errors of the lines of one file.
type lineErrors struct {
	file string
	errs []error
	more int
}

func (l *lineErrors) add(line int, err error) {
	if len(l.errs) < MaxErrors {
		l.errs = append(l.errs, &Error{File: l.file, Line: line, Err: err})
	} else {
		l.more++
	}
}

// err returns nil when no line was bad, else the errors joined (errors.As finds the first
// *Error).
func (l *lineErrors) err() error {
	if l.more > 0 {
		return errors.Join(append(l.errs, fmt.Errorf("%s: %d more bad lines", l.file, l.more))...)
	}
	return errors.Join(l.errs...)
}
