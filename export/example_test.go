package export_test

import (
	"fmt"
	"os"

	"github.com/tawsim/tawsim/export"
	"github.com/tawsim/tawsim/labels"
)

func ExampleNewWriter() {
	text := "وصل الوفد بالعراق"
	rec := labels.Annotated{
		Doc:   labels.Document{ID: "d1", Text: text},
		Spans: []labels.Span{{Start: 11, End: 17, Text: "العراق", Label: "LOC", Kind: labels.KindEntity}},
	}
	w, err := export.NewWriter(os.Stdout, "conll", export.Options{SplitClitics: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := w.Write(rec); err != nil {
		fmt.Println(err)
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// وصل O
	// الوفد O
	// ب O
	// العراق B-LOC
}

func ExampleHFLabels() {
	schema := labels.Schema{Entities: []labels.Label{{Name: "PERS"}, {Name: "LOC"}}}
	fmt.Println(export.HFLabels(schema))
	// Output: [O B-PERS I-PERS B-LOC I-LOC]
}
