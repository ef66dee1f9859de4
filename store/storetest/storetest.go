// Package storetest is the contract that every store of a project keeps (store.Project), as
// tests that run against any of them: the SQLite file of package store and the PostgreSQL
// store of store/postgres run the same suite, so that the window, the jobs and the commands
// see one behaviour whichever holds the project.
package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Opener gives a test a fresh, empty project, closed when the test ends.
type Opener func(t *testing.T) store.Project

// Run runs the whole contract against the projects that open gives, each test on a project of
// its own.
func Run(t *testing.T, open Opener) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.fn(t, open) })
	}
}

// cases are the tests of the contract, in the order they run.
var cases []testCase

type testCase struct {
	name string
	fn   func(t *testing.T, open Opener)
}

// contract adds tests to the suite (each file of the package adds its own).
func contract(list ...testCase) bool {
	cases = append(cases, list...)
	return true
}

var ctx = context.Background()

// Schema is a small ANERcorp-like schema with stance labels and two targets.
func Schema(n labels.Nesting) labels.Schema {
	return labels.Schema{
		Entities: []labels.Label{
			{Name: "PERS", Color: "#ff0000", Hotkey: "1"},
			{Name: "ORG", Color: "#00ff00", Hotkey: "2"},
			{Name: "LOC", Color: "#0000ff", Hotkey: "3"},
			{Name: "MISC", Color: "#888888", Hotkey: "4"},
		},
		StanceLabels: []labels.Label{
			{Name: "FAVOR", Hotkey: "f"}, {Name: "AGAINST", Hotkey: "a"},
			{Name: "NEUTRAL", Hotkey: "n"}, {Name: "NONE", Hotkey: "x"},
		},
		Targets: []labels.Target{
			{ID: "lna", Name: "Libyan National Army", NameAr: "الجيش الوطني الليبي"},
			{ID: "gna", Name: "Government of National Accord", NameAr: "حكومة الوفاق الوطني"},
		},
		Nesting: n,
	}
}

// Texts are pieces of Arabic news.
var Texts = []string{
	"قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري إن قواته تقدمت نحو العاصمة طرابلس.",
	"وأعلنت حكومة الوفاق الوطني برئاسة فايز السراج حالة النفير العام في المنطقة الغربية.",
	"وأكدت وزارة الخارجية التركية أن أنقرة ستواصل دعمها للحكومة المعترف بها دوليا.",
	"ودعت الأمم المتحدة في بيان صدر في جنيف يوم الأحد إلى وقف فوري لإطلاق النار.",
	"وأفاد مراسل الجزيرة في مصراتة بأن الاشتباكات استمرت حتى ساعات الفجر الأولى بطرابلس.",
}

// project opens a fresh project with Schema(n) and the given texts as documents.
func project(t *testing.T, open Opener, n labels.Nesting, texts ...string) (store.Project, []string) {
	t.Helper()
	s := open(t)
	must(t, s.SetSchema(ctx, "admin", Schema(n)))
	docs := make([]labels.Document, len(texts))
	for i, text := range texts {
		docs[i] = labels.Document{Text: text, ExternalID: fmt.Sprintf("doc-%d", i+1), SourceFile: "test.txt"}
	}
	res, err := s.AddDocuments(ctx, docs)
	must(t, err)
	return s, res.IDs
}

// Entity builds a manual entity span over the first occurrence of word in text.
func Entity(t testing.TB, docID, annotator, text, word, label string) labels.Span {
	t.Helper()
	b := strings.Index(text, word)
	if b < 0 {
		t.Fatalf("%q is not in the text", word)
	}
	start := labels.RuneLen(text[:b])
	return labels.Span{DocID: docID, Annotator: annotator, Start: start, End: start + labels.RuneLen(word),
		Text: word, Label: label, Kind: labels.KindEntity, Origin: labels.OriginManual}
}

// evidence builds a stance span toward target over word.
func evidence(t testing.TB, docID, annotator, text, word, label, target string) labels.Span {
	sp := Entity(t, docID, annotator, text, word, label)
	sp.Kind, sp.Target = labels.KindStance, target
	return sp
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
