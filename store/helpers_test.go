package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
)

var ctx = context.Background()

// testSchema is a small ANERcorp-like schema with stance labels and targets.
func testSchema(n labels.Nesting) labels.Schema {
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

// newStore opens a fresh project in a temporary folder, closed when the test ends.
func newStore(t testing.TB) *Store {
	t.Helper()
	return openStore(t, filepath.Join(t.TempDir(), "p.tawsim"))
}

// openStore opens path, closed when the test ends.
func openStore(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newProject opens a fresh project with testSchema(n) and the given texts as documents.
func newProject(t testing.TB, n labels.Nesting, texts ...string) (*Store, []string) {
	t.Helper()
	s := newStore(t)
	if err := s.SetSchema(ctx, "admin", testSchema(n)); err != nil {
		t.Fatal(err)
	}
	docs := make([]labels.Document, len(texts))
	for i, text := range texts {
		docs[i] = labels.Document{Text: text, ExternalID: fmt.Sprintf("doc-%d", i+1), SourceFile: "test.txt"}
	}
	res, err := s.AddDocuments(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	return s, res.IDs
}

// entity builds a manual entity span over the first occurrence of word in text.
func entity(t testing.TB, docID, annotator, text, word, label string) labels.Span {
	t.Helper()
	b := strings.Index(text, word)
	if b < 0 {
		t.Fatalf("%q is not in the text", word)
	}
	start := labels.RuneLen(text[:b])
	return labels.Span{DocID: docID, Annotator: annotator, Start: start, End: start + labels.RuneLen(word),
		Text: word, Label: label, Kind: labels.KindEntity, Origin: labels.OriginManual}
}

// rawDB opens path with a plain connection that bypasses the store (to fake or corrupt).
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// sentences are pieces of Arabic news, for synthetic documents.
var sentences = []string{
	"قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري إن قواته تقدمت نحو العاصمة طرابلس.",
	"وأعلنت حكومة الوفاق الوطني برئاسة فايز السراج حالة النفير العام في المنطقة الغربية.",
	"وأكدت وزارة الخارجية التركية أن أنقرة ستواصل دعمها للحكومة المعترف بها دوليا.",
	"وبلغت نسبة المشاركة في الانتخابات ٣٤٫٣ في المئة بحسب اللجنة العليا للانتخابات.",
	"ودعت الأمم المتحدة في بيان صدر في جنيف يوم الأحد إلى وقف فوري لإطلاق النار.",
	"وأفاد مراسل الجزيرة في مصراتة بأن الاشتباكات استمرت حتى ساعات الفجر الأولى.",
	"وقال مُحَمَّد الفلاحي، وهو من سكان المدينة: «لم نعد نحتمل هذا الوضع» 👍🏽.",
	"وارتفعت أسعار النفط بنسبة 2.5% بعد إغلاق حقل الشرارة في جنوب البلاد عام 2019.",
}

// newsText returns a synthetic Arabic article of about n code points, unique by seed.
func newsText(seed uint64, n int) string {
	r := rand.New(rand.NewPCG(seed, 42))
	var b strings.Builder
	fmt.Fprintf(&b, "الخبر رقم %d\n", seed)
	for labels.RuneLen(b.String()) < n {
		b.WriteString(sentences[r.IntN(len(sentences))])
		b.WriteString(" ")
	}
	return b.String()
}

// must fails the test on err.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// offs builds offsets from start, end pairs.
func offs(pairs ...int) []labels.Offsets {
	out := make([]labels.Offsets, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, labels.Offsets{Start: pairs[i], End: pairs[i+1]})
	}
	return out
}

// testTime returns the time as the store writes it, for rows a test writes itself.
func testTime() time.Time { return time.Now().UTC().Round(0) }
