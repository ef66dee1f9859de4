package jobs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
	"github.com/tawsim/tawsim/suggest"
)

// ErrUnknownLabels is wrapped by the error about sources whose labels the schema lacks.
var ErrUnknownLabels = errors.New("labels not in the project's schema")

// Source is one source of a run of suggestions, once read.
type Source struct {
	Name    string // the file's name, "patterns:" and the file's name, or "propagation"
	Entries int    // the texts (and token patterns) it suggests labels for
}

// sources are the counts and token patterns of a run's sources, and once tallied their
// entries.
type sources struct {
	list     []Source
	counts   [][]suggest.Count // of each source of list
	patterns []suggest.TokenPattern
	entries  []suggest.Entry
}

// GazetteerSource and PatternsSource name the source of a gazetteer file and a patterns file:
// the file's name, and "patterns:" with it.
func GazetteerSource(path string) string { return filepath.Base(path) }

func PatternsSource(path string) string { return "patterns:" + filepath.Base(path) }

// readSources reads the files of o and, with o.Propagate, counts what annotators labeled.
// Two files of one name are refused: their suggestions would share a source.
func readSources(ctx context.Context, st store.Project, o SuggestOptions) (sources, error) {
	var src sources
	for _, path := range o.Gazetteers {
		counts, err := readSource(path, suggest.ReadGazetteer)
		if err != nil {
			return src, err
		}
		if err := src.add(GazetteerSource(path), counts, nil); err != nil {
			return src, err
		}
	}
	for _, path := range o.Patterns {
		p, err := readSource(path, suggest.ReadPatterns)
		if err != nil {
			return src, err
		}
		if err := src.add(PatternsSource(path), p.Phrases, p.Tokens); err != nil {
			return src, err
		}
	}
	if o.Propagate {
		counts, err := labeled(ctx, st)
		if err != nil {
			return src, err
		}
		if err := src.add(labels.SourcePropagation, counts, nil); err != nil {
			return src, err
		}
	}
	return src, nil
}

// readSource opens path and reads it with read.
func readSource[T any](path string, read func(r io.Reader, name string) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	return read(f, path)
}

// add takes the counts and token patterns of the source named name.
func (s *sources) add(name string, counts []suggest.Count, tokens []suggest.TokenPattern) error {
	if slices.ContainsFunc(s.list, func(o Source) bool { return o.Name == name }) {
		return fmt.Errorf("two sources are named %q: give the files different names", name)
	}
	for i := range tokens {
		tokens[i].Source = name
	}
	s.list = append(s.list, Source{Name: name, Entries: len(tokens)})
	s.counts = append(s.counts, counts)
	s.patterns = append(s.patterns, tokens...)
	return nil
}

// tally scores the counts of each source (suggest.Tally) into entries.
func (s *sources) tally() error {
	for i, counts := range s.counts {
		entries, err := suggest.Tally(counts, s.list[i].Name)
		if err != nil {
			return fmt.Errorf("%s: %w", s.list[i].Name, err)
		}
		s.list[i].Entries += len(entries)
		s.entries = append(s.entries, entries...)
	}
	return nil
}

// labeled counts the entity spans of every annotator by text and label.
func labeled(ctx context.Context, st store.Project) ([]suggest.Count, error) {
	type key struct{ text, label string }
	n := map[key]int{}
	err := st.EachSpanSet(ctx, func(spans []labels.Span) error {
		for _, c := range suggest.CountSpans(spans) {
			n[key{c.Text, c.Label}] += c.N
		}
		return nil
	})
	counts := make([]suggest.Count, 0, len(n))
	for k, v := range n {
		counts = append(counts, suggest.Count{Text: k.text, Label: k.label, N: v})
	}
	slices.SortFunc(counts, func(a, b suggest.Count) int {
		return strings.Compare(a.Text+"\x00"+a.Label, b.Text+"\x00"+b.Label)
	})
	return counts, err
}

// schemaLabels brings the labels of the counts and patterns to the schema's spelling
// (without regard to case), and adds those it lacks to the schema when addLabels is set;
// else it refuses them, listed. It returns the labels added.
func (s *sources) schemaLabels(ctx context.Context, st store.Project, annotator string, addLabels bool) ([]string, error) {
	sc, err := st.Schema(ctx)
	if err != nil {
		return nil, err
	}
	var missing []string
	spell := func(label *string) {
		if l, ok := sc.EntityFold(*label); ok {
			*label = l.Name
		} else if !slices.Contains(missing, *label) {
			missing = append(missing, *label)
		}
	}
	for _, counts := range s.counts {
		for i := range counts {
			spell(&counts[i].Label)
		}
	}
	for i := range s.patterns {
		spell(&s.patterns[i].Label)
	}
	if len(missing) == 0 {
		return nil, nil
	}
	slices.Sort(missing)
	if !addLabels {
		return nil, fmt.Errorf("%w: %s (add them to the schema, or run with --add-labels)", ErrUnknownLabels, strings.Join(missing, ", "))
	}
	return missing, st.AddEntityLabels(ctx, annotator, missing)
}
