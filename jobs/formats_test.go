package jobs

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestFormatNamesIgnoreCase: a format named in capitals is the same format everywhere: a
// folder imported as "TXT" or "CoNLL" is searched for that format's files only, and an export
// as "HF" writes the label list beside its file.
func TestFormatNamesIgnoreCase(t *testing.T) {
	for _, format := range []string{"TXT", " txt", "Txt"} {
		_, st := project(t)
		dir := t.TempDir()
		must(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("المقال\nنصه."), 0o644))
		must(t, os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not an article"), 0o644))
		tally, err := Import(context.Background(), st, []string{dir}, ImportOptions{Format: format, Annotator: "amal"})
		if err != nil || tally.Files != 1 || tally.Added != 1 {
			t.Errorf("import of a folder as %q: %d files read, %d added, %v; want a.txt alone", format, tally.Files, tally.Added, err)
		}
	}
	out := filepath.Join(t.TempDir(), "train.jsonl")
	for _, format := range []string{"hf", "HF", " Hf "} {
		want := []string{out, filepath.Join(filepath.Dir(out), "train.labels.json")}
		if got := outputNames(ExportOptions{Format: format, Out: out}); !slices.Equal(got, want) {
			t.Errorf("an export as %q writes %q, want %q", format, got, want)
		}
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
