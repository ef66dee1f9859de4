// Package named finds things by the names people type for them: whatever the case and the
// white space around the name. The corpus and export formats are looked up this way.
package named

import (
	"fmt"
	"slices"
	"strings"
)

// List is a list of things, each with a name in lower case.
type List[T any] struct {
	items   []T
	name    func(T) string
	unknown error
}

// NewList returns the list of items, named by name; the error of Lookup for a name that no
// item has wraps unknown.
func NewList[T any](items []T, name func(T) string, unknown error) List[T] {
	return List[T]{items: items, name: name, unknown: unknown}
}

// Lookup returns the item named key, once trimmed and lower-cased, or an error wrapping the
// list's unknown error that names the items.
func (l List[T]) Lookup(key string) (T, error) {
	want := strings.ToLower(strings.TrimSpace(key))
	for _, x := range l.items {
		if l.name(x) == want {
			return x, nil
		}
	}
	var zero T
	return zero, fmt.Errorf("%w %q (want one of %s)", l.unknown, key, strings.Join(l.Names(), ", "))
}

// Names returns the names of the items, in the list's order.
func (l List[T]) Names() []string {
	out := make([]string, len(l.items))
	for i, x := range l.items {
		out[i] = l.name(x)
	}
	return out
}

// All returns the items, in a slice of the caller's.
func (l List[T]) All() []T { return slices.Clone(l.items) }
