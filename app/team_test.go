package app

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store"
)

// teamTexts are the documents every annotator of the team tests labels.
var teamTexts = []string{
	"قال المسماري إن الجيش الوطني الليبي دخل طرابلس",
	"زار المسماري مصراتة ثم سرت",
	"عاد المسماري إلى بنغازي",
}

// mark is an entity span of a team test: document, start, end (code points), label.
type mark struct {
	doc, start, end int
	label           string
}

// teamWork is what each annotator of the team tests labeled, and their stance toward the
// Libyan National Army on the first document. All three see المسماري as PERS everywhere;
// on the first document amal and chadi see the army whole as ORG, badr its first two words,
// and chadi calls طرابلس an ORG; on the second badr calls مصراتة an ORG and chadi leaves
// سرت out; on the third badr leaves بنغازي out.
var teamWork = map[string]struct {
	marks  []mark
	stance string
}{
	"amal":  {[]mark{{0, 4, 12, "PERS"}, {0, 16, 35, "ORG"}, {0, 40, 46, "LOC"}, {1, 4, 12, "PERS"}, {1, 13, 19, "LOC"}, {1, 23, 26, "LOC"}, {2, 4, 12, "PERS"}, {2, 17, 23, "LOC"}}, "FAVOR"},
	"badr":  {[]mark{{0, 4, 12, "PERS"}, {0, 16, 28, "ORG"}, {0, 40, 46, "LOC"}, {1, 4, 12, "PERS"}, {1, 13, 19, "ORG"}, {1, 23, 26, "LOC"}, {2, 4, 12, "PERS"}}, "FAVOR"},
	"chadi": {[]mark{{0, 4, 12, "PERS"}, {0, 16, 35, "ORG"}, {0, 40, 46, "ORG"}, {1, 4, 12, "PERS"}, {1, 13, 19, "LOC"}, {2, 4, 12, "PERS"}, {2, 17, 23, "LOC"}}, "AGAINST"},
}

// annotatorProject writes the project of one annotator of the team tests in dir, as they
// would have made it offline: the three documents, their spans, each document done, their
// stance on the first. It returns its path.
func annotatorProject(t testing.TB, dir, name string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(dir, name+".tawsim")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := seeds.Init(ctx, st, name); err != nil {
		t.Fatal(err)
	}
	var docs []labels.Document
	for _, x := range teamTexts {
		docs = append(docs, labels.Document{Title: x, Text: x})
	}
	res, err := st.AddDocuments(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	var spans []labels.Span
	for _, m := range teamWork[name].marks {
		text, _ := labels.Slice(teamTexts[m.doc], m.start, m.end)
		spans = append(spans, labels.Span{DocID: res.IDs[m.doc], Annotator: name, Start: m.start, End: m.end, Text: text,
			Label: m.label, Kind: labels.KindEntity, Origin: labels.OriginManual})
	}
	if _, err := st.AddSpans(ctx, spans); err != nil {
		t.Fatal(err)
	}
	for _, id := range res.IDs {
		if err := st.SetState(ctx, labels.DocState{DocID: id, Annotator: name, Status: labels.StatusDone}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SetDocStance(ctx, labels.DocStance{DocID: res.IDs[0], Annotator: name, Target: "lna", Label: teamWork[name].stance}); err != nil {
		t.Fatal(err)
	}
	return path
}

// teamProject makes the three annotators' projects and merges them, as tawsimctl merge does,
// into a new team project, and returns its path.
func teamProject(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	var inputs []string
	for _, name := range []string{"amal", "badr", "chadi"} {
		inputs = append(inputs, annotatorProject(t, dir, name))
	}
	path := filepath.Join(dir, "team.tawsim")
	if err := jobs.CheckMerge(ctx, path, inputs); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	merged, err := jobs.Merge(ctx, st, inputs, jobs.MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range merged {
		if m.Err != nil {
			t.Fatalf("%s: %v", m.Path, m.Err)
		}
	}
	return path
}

// spanSet names spans "LABEL text" for comparisons, in the store's order.
func spanSet(spans []labels.Span) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = sp.Label + " " + sp.Text
	}
	return out
}
