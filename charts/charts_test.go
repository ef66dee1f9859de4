package charts

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// testSchema has Latin labels with colours, one Arabic label, stance labels and three
// targets, one of them with an Arabic id.
var testSchema = labels.Schema{
	Entities: []labels.Label{
		{Name: "PERS", Color: "#e6194b"}, {Name: "ORG", Color: "#3cb44b"}, {Name: "LOC", Color: "#4363d8"},
		{Name: "مكان", Color: "#f58231"},
	},
	StanceLabels: []labels.Label{{Name: "FAVOR", Color: "#2e7d32"}, {Name: "AGAINST", Color: "#c62828"}, {Name: "NEUTRAL"}},
	Targets: []labels.Target{
		{ID: "lna", Name: "Libyan National Army"}, {ID: "gna", Name: "Government of National Accord"},
		{ID: "وفاق", Name: "حكومة الوفاق"},
	},
}

// testProgress is a week of three annotators' work, one of them Arabic-named.
func testProgress() store.Progress {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	return store.Progress{
		Documents:  500,
		Annotators: []string{"amal", "badr", "سلمى"},
		Finished: map[string][]store.DayCount{
			"amal": {{Day: day(1), N: 40}, {Day: day(2), N: 55}, {Day: day(4), N: 61}},
			"badr": {{Day: day(2), N: 12}, {Day: day(3), N: 30}, {Day: day(5), N: 28}},
			"سلمى": {{Day: day(5), N: 70}},
		},
		EntityLabels: map[string]int{"PERS": 1204, "ORG": 880, "LOC": 1530, "مكان": 12, "OLD": 3},
		DocStances: map[string]map[string]int{
			"lna": {"FAVOR": 120, "AGAINST": 80, "NEUTRAL": 40}, "gna": {"FAVOR": 60, "AGAINST": 110},
			"وفاق": {"NEUTRAL": 15},
		},
		TargetNames: map[string]string{"lna": "Libyan National Army", "gna": "Government of National Accord", "وفاق": "حكومة الوفاق"},
		Time:        []int{30, 80, 120, 90, 40, 12, 4, 2, 1},
		Timed:       379,
		Seconds:     379 * 150,
	}
}

// TestFiguresData: what each figure says beside its picture, Arabic names behind codes.
func TestFiguresData(t *testing.T) {
	figs := Figures(testProgress(), testSchema)
	if len(figs) != 4 {
		t.Fatalf("%d figures", len(figs))
	}
	byID := map[string]Figure{}
	for _, f := range figs {
		byID[f.ID] = f
		if f.Empty != "" {
			t.Errorf("%s is empty: %s", f.ID, f.Empty)
		}
	}
	if k := byID["finished"].Key; len(k) != 3 || k[2].Name != "سلمى" || k[0].Color == k[1].Color {
		t.Errorf("finished key %+v", k)
	}
	if n := byID["finished"].Note; n != "296 documents finished (done or curated) by 3 annotators" {
		t.Errorf("finished note %q", n)
	}
	// the axis names the Latin labels; the key explains the Arabic one
	if k := byID["labels"].Key; len(k) != 1 || k[0] != (KeyItem{"L4", "مكان", color.NRGBA{0xf5, 0x82, 0x31, 0xff}}) {
		t.Errorf("labels key %+v", k)
	}
	k := byID["stances"].Key
	if len(k) != 6 || k[3] != (KeyItem{Code: "lna", Name: "Libyan National Army"}) || k[5] != (KeyItem{Code: "T3", Name: "حكومة الوفاق"}) {
		t.Errorf("stances key %+v", k)
	}
	if n := byID["time"].Note; n != "379 documents with time recorded, 15 h 47 min in all, 2 min 30 s on average" {
		t.Errorf("time note %q", n)
	}
	empty := Figures(store.Progress{}, testSchema)
	for _, f := range empty {
		if f.Empty == "" {
			t.Errorf("%s of an empty project is not empty", f.ID)
		}
		if img := f.Image(200, 100, 96, Light); img.Bounds().Dx() != 200 { // axes alone
			t.Errorf("%s: %v", f.ID, img.Bounds())
		}
	}
}

// TestFiguresDraw: each figure draws a PNG of the size asked, with colour in it where its data
// is, and an SVG element that parses as XML; TAWSIM_CHARTS_OUT=DIR keeps the PNGs to look at.
func TestFiguresDraw(t *testing.T) {
	dir := os.Getenv("TAWSIM_CHARTS_OUT")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, f := range Figures(testProgress(), testSchema) {
		var b bytes.Buffer
		if err := f.WritePNG(&b, 640, 360); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.ID+".png"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatalf("%s: %v", f.ID, err)
		}
		if img.Bounds().Dx() != 640 || img.Bounds().Dy() != 360 {
			t.Errorf("%s: %v", f.ID, img.Bounds())
		}
		coloured := 0
		for y := 0; y < 360; y += 2 {
			for x := 0; x < 640; x += 2 {
				r, g, bl, _ := img.At(x, y).RGBA()
				if max(r, g, bl)-min(r, g, bl) > 0x4000 {
					coloured++
				}
			}
		}
		if coloured < 200 {
			t.Errorf("%s: %d coloured pixels of 57,600 looked at", f.ID, coloured)
		}
		svg, err := f.SVG(400, 220)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(svg, []byte("<svg")) {
			t.Errorf("%s: the SVG starts %q", f.ID, svg[:min(40, len(svg))])
		}
		if err := xml.Unmarshal(svg, new(struct{})); err != nil {
			t.Errorf("%s: the SVG does not parse: %v", f.ID, err)
		}
	}
}
