package search

import (
	"context"
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// newBox returns a box in a test window whose searches record their queries, with fake
// timers.
func newBox(t *testing.T) (*Box, *fakeRunner, *fakeTimers, *[]store.Query) {
	t.Helper()
	test.NewTempApp(t)
	r, tm := newFakeRunner(), &fakeTimers{}
	b := New(r)
	b.s.after = tm.after
	var queries []store.Query
	b.Search = func(ctx context.Context, q store.Query) (func(), error) {
		return func() { queries = append(queries, q) }, nil
	}
	w := test.NewWindow(b.Object())
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(300, 80))
	b.SetAnnotator("amal")
	return b, r, tm, &queries
}

var boxSchema = labels.Schema{
	Entities:     []labels.Label{{Name: "PERS"}, {Name: "LOC"}},
	StanceLabels: []labels.Label{{Name: "FAVOR"}, {Name: "AGAINST"}},
	Targets:      []labels.Target{{ID: "lna", Name: "الجيش الوطني الليبي"}, {ID: "gna"}},
}

// TestMain runs the tests in English, with its plural forms loaded.
func TestMain(m *testing.M) {
	locale.Set(locale.English)
	os.Exit(m.Run())
}

// TestFiltersQuery: every filter goes to its field of the query, the text trimmed, the hits
// showing the window's annotator's statuses.
func TestFiltersQuery(t *testing.T) {
	f := Filters{Label: "PERS", Annotator: "badr", Status: labels.StatusDone, Target: "lna", Stance: "FAVOR", Exact: true}
	q := f.Query("  طرابلس ", "amal")
	want := store.Query{Text: "طرابلس", Exact: true, Label: "PERS", Annotator: "badr", Status: labels.StatusDone, Target: "lna", Stance: "FAVOR", For: "amal"}
	if q != want {
		t.Errorf("query %+v, want %+v", q, want)
	}
	if n := f.Count(); n != 5 {
		t.Errorf("count %d, want 5 (Exact is not a filter)", n)
	}
	if got := f.Button("Filters"); got != "Filters (5)" {
		t.Errorf("button %q", got)
	}
	if got := f.Summary(nil); got != "PERS · badr · done · lna · FAVOR · exact words" {
		t.Errorf("summary %q", got)
	}
	if (Filters{}).Button("Filters") != "Filters" || (Filters{}).Summary(nil) != "" {
		t.Error("no filter has a count or a summary")
	}
}

// TestBoxTypingAndFilters: typing waits for the timer; choosing a filter in the form searches
// at once with the text and the filter; Escape clears both and tells the window.
func TestBoxTypingAndFilters(t *testing.T) {
	b, r, tm, queries := newBox(t)
	b.SetOptions(OptionsOf(boxSchema, []string{"amal", "badr"}))
	cleared := 0
	b.OnClear = func() { cleared++ }
	test.Type(b.field, "طرابلس")
	if len(tm.fns) != len([]rune("طرابلس")) || len(*queries) != 0 {
		t.Fatalf("%d timers, %d searches while typing", len(tm.fns), len(*queries))
	}
	tm.fire(len(tm.fns) - 1)
	r.flush()
	settle(r)
	if len(*queries) != 1 || (*queries)[0].Text != "طرابلس" || (*queries)[0].For != "amal" {
		t.Fatalf("searches %+v", *queries)
	}

	b.form.label.SetSelected("PERS")
	b.form.target.SetSelected("الجيش الوطني الليبي")
	settle(r)
	last := (*queries)[len(*queries)-1]
	if last.Label != "PERS" || last.Target != "lna" || last.Text != "طرابلس" {
		t.Errorf("after choosing filters: %+v", last)
	}
	if b.filter.Text != "Filters (2)" {
		t.Errorf("the button says %q", b.filter.Text)
	}
	b.form.label.SetSelected(anyOption())
	settle(r)
	if last := (*queries)[len(*queries)-1]; last.Label != "" || last.Target != "lna" {
		t.Errorf("after Any: %+v", last)
	}

	b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if b.Text() != "" || b.Filters() != (Filters{}) || cleared != 1 || b.Active() {
		t.Errorf("after Escape: text %q, filters %+v, cleared %d", b.Text(), b.Filters(), cleared)
	}
	done := 0
	b.OnDone = func() { done++ }
	b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if done != 1 || cleared != 1 {
		t.Errorf("Escape in an empty box: done %d, cleared %d", done, cleared)
	}
}

// TestBoxEnter: Enter searches at once while the typing has not stopped, then opens the
// first hit.
func TestBoxEnter(t *testing.T) {
	b, r, _, queries := newBox(t)
	entered := 0
	b.OnEnter = func() { entered++ }
	test.Type(b.field, "جيش")
	b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(r)
	if len(*queries) != 1 || entered != 0 {
		t.Fatalf("Enter while typing: %d searches, entered %d", len(*queries), entered)
	}
	b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if entered != 2 || len(*queries) != 1 {
		t.Errorf("Enter and ↓ once shown: entered %d, %d searches", entered, len(*queries))
	}
}

// TestBoxOptions: options drop a chosen filter they no longer hold, and the counts read as
// an annotator reads them.
func TestBoxOptions(t *testing.T) {
	b, r, _, queries := newBox(t)
	b.SetOptions(OptionsOf(boxSchema, []string{"amal", "badr"}))
	b.SetFilters(Filters{Label: "LOC", Annotator: "badr", Target: "gna"})
	settle(r)
	sc := boxSchema
	sc.Entities = sc.Entities[:1] // LOC is gone
	b.SetOptions(OptionsOf(sc, []string{"amal", "badr"}))
	settle(r)
	if f := b.Filters(); f.Label != "" || f.Annotator != "badr" || f.Target != "gna" {
		t.Errorf("filters %+v", f)
	}
	if last := (*queries)[len(*queries)-1]; last.Label != "" {
		t.Errorf("searched %+v after LOC went", last)
	}
	b.ShowCount(1500, true)
	if b.Info() != "1,500+ documents · badr · gna" {
		t.Errorf("count %q", b.Info())
	}
	b.ShowCount(1, false)
	if b.Info() != "1 document · badr · gna" {
		t.Errorf("count %q", b.Info())
	}
	b.ShowCount(0, false)
	if b.Info() != "No document found · badr · gna" {
		t.Errorf("count %q", b.Info())
	}
}

// TestBoxEnterAfterNoWords: Enter and ↓ after a query of punctuation alone, which finds
// nothing, open nothing: the list is not the search's hits (it showed every document, and
// Enter held down walked through them all).
func TestBoxEnterAfterNoWords(t *testing.T) {
	b, r, _, _ := newBox(t)
	b.Search = func(ctx context.Context, q store.Query) (func(), error) {
		if q.Text == "!!!" {
			return nil, store.ErrNoWords
		}
		return func() {}, nil
	}
	entered := 0
	b.OnEnter = func() { entered++ }
	test.Type(b.field, "!!!")
	b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(r)
	for range 3 {
		b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	if entered != 0 || b.Info() != "Nothing to search for: type a word" {
		t.Errorf("Enter after a query of no words: entered %d, the box says %q", entered, b.Info())
	}
	b.SetText("جيش")
	b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	settle(r)
	b.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if entered != 1 {
		t.Errorf("Enter once a word is searched: entered %d", entered)
	}
}
