package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/jobs"
)

// TestNestingChoice: the Export dialog's choice for nested spans gives conll one level only
// when asked, hf always one level, spacy-doc the level of its ents, and the other formats
// every span, as tawsimctl's --flat and --level do.
func TestNestingChoice(t *testing.T) {
	w, shown := openWindow(t)
	start(t, w, shown)
	c := newNestingChoice()
	for _, k := range []struct {
		format      string
		flat, inner bool
		want        export.Options
		enabled     bool // the level may be chosen
	}{
		{format: "conll", want: export.Options{}},
		{format: "conll", flat: true, want: export.Options{Flat: true}, enabled: true},
		{format: "conll", flat: true, inner: true, want: export.Options{Flat: true, Level: export.LevelInner}, enabled: true},
		{format: "hf", inner: true, want: export.Options{Level: export.LevelInner}, enabled: true},
		{format: "spacy-doc", inner: true, want: export.Options{Level: export.LevelInner}, enabled: true},
		{format: "jsonl", inner: true, want: export.Options{}},
	} {
		c.setFormat(k.format)
		if k.flat {
			c.flat.SetChecked(true)
		}
		c.level.SetSelected(c.levels[export.LevelOuter])
		if k.inner {
			c.level.SetSelected(c.levels[export.LevelInner])
		}
		var got export.Options
		c.options(&got)
		if got.Flat != k.want.Flat || got.Level != k.want.Level || c.level.Disabled() == k.enabled {
			t.Errorf("%s flat %v inner %v: options %+v, level enabled %v", k.format, k.flat, k.inner, got, !c.level.Disabled())
		}
		if k.format == "hf" && (!c.flat.Checked || !c.flat.Disabled()) {
			t.Error("hf: one level only is not checked and fixed")
		}
	}
}

// TestExportSaysWhatItLeftOut: a flat export of a project with three levels of nesting
// writes one level and says how many spans of the others it left out; a format that keeps
// every span says nothing of the kind.
func TestExportSaysWhatItLeftOut(t *testing.T) {
	f := openFixture(t, newWojoodProject(t), "tester")
	w := f.w
	start(t, w, f.shown)
	dir := t.TempDir()
	for _, c := range []struct {
		o    jobs.ExportOptions
		says string
		tags string // the tags written, of the union's four words
	}{
		{jobs.ExportOptions{Format: "conll", Writer: export.Options{Flat: true}},
			"Left out 2 entity spans of other levels of nesting: conll writes the outermost spans only", "B-ORG I-ORG I-ORG I-ORG"},
		{jobs.ExportOptions{Format: "conll", Writer: export.Options{Flat: true, Level: export.LevelInner}},
			"Left out 2 entity spans of other levels of nesting: conll writes the innermost spans only", "O O O B-GPE"},
		{jobs.ExportOptions{Format: "hf", Writer: export.Options{Level: export.LevelInner}},
			"Left out 2 entity spans of other levels of nesting: hf writes the innermost spans only", ""},
		{jobs.ExportOptions{Format: "conll"}, "", "B-ORG I-ORG I-ORG B-ORG I-ORG I-ORG B-GPE"},
	} {
		c.o.Out = filepath.Join(dir, c.o.Format+c.o.Writer.Level.String()+".out")
		c.o.Force = true
		w.exports.asking(c.o)
		w.q.Wait()
		s := overlayText(w)
		if !strings.Contains(s, "Wrote 1 record") || (c.says == "") != !strings.Contains(s, "Left out") || !strings.Contains(s, c.says) {
			t.Errorf("%s flat %v %s says:\n%s", c.o.Format, c.o.Writer.Flat, c.o.Writer.Level, s)
		}
		w.win.Canvas().Overlays().Top().Hide()
		if c.tags == "" {
			continue
		}
		data, err := os.ReadFile(c.o.Out)
		if err != nil {
			t.Fatal(err)
		}
		var tags []string
		for _, line := range strings.Split(string(data), "\n")[1:5] {
			tags = append(tags, strings.Fields(line)[1:]...)
		}
		if got := strings.Join(tags, " "); got != c.tags {
			t.Errorf("%s flat %v %s wrote the tags %q, want %q", c.o.Format, c.o.Writer.Flat, c.o.Writer.Level, got, c.tags)
		}
	}
}
