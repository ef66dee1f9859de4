package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/app/dashboard"
	"github.com/tawsim/tawsim/app/locale"
	"github.com/tawsim/tawsim/app/search"
	"github.com/tawsim/tawsim/store"
)

// TestArabicSearchProgressServerShowNoEnglish opens, in Arabic, the screens of the search,
// the Progress view and the server over a project merged from three annotators: the search
// box with a word, a filter and its hits, the hit counter of F3, the filters' form, a search
// that finds nothing, the Progress view with its four charts, File → Open server project…,
// the message of a server that cannot be reached and the save marker that waits for it. None
// may show a word in Latin letters but keys, files, the schema's names and the annotators',
// nor text that Fyne would draw out of order.
func TestArabicSearchProgressServerShowNoEnglish(t *testing.T) {
	inLanguage(t, locale.Arabic)
	f := openFixture(t, teamProject(t), "gold")
	w := f.w
	w.win.Resize(fyne.NewSize(1400, 900))
	start(t, w, f.shown)
	check := arabicCheck(t, w, "amal", "badr", "chadi", "gold")

	test.Type(w.search.Field().(fyne.Focusable), "طرابلس")
	w.search.SetFilters(search.Filters{Annotator: "amal"})
	w.q.Wait()
	if !w.list.Searching() || w.list.Len() == 0 {
		t.Fatalf("searching %v, %d found", w.list.Searching(), w.list.Len())
	}
	w.search.Field().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // the first hit opens
	w.q.Wait()
	pressKey(w, fyne.KeyF3)
	if hits, _ := w.view.article.Hits(); len(hits) == 0 {
		t.Fatal("no hit in the document open")
	}
	check("the window with a search, its filter and the hit counter", w.win.Content())
	tapText(t, w.search.Object(), lang.X("search.filters", "Filters"))
	check("the filters", topOverlay(t, w, "the filters"))
	closeOverlays(w)

	w.search.SetText("زنجبار")
	w.search.Field().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.q.Wait()
	if w.list.Len() != 0 {
		t.Fatalf("زنجبار found %d documents", w.list.Len())
	}
	check("the window with a search that finds nothing", w.win.Content())
	w.search.Clear()
	w.q.Wait()

	w.progress.show()
	w.q.Wait()
	if cards := w.progress.last.Cards(); len(cards) != 4 || cards[0].Picture == nil {
		t.Fatalf("the Progress view shows %d charts", len(cards))
	}
	check("the Progress view", topOverlay(t, w, "Progress"))
	closeOverlays(w)
	if words := dashboard.Words(); words.AxesInside || words.DayFormat != "2/1" {
		t.Errorf("the pictures name their axes %v, write a day %q: gonum/plot draws no Arabic", words.AxesInside, words.DayFormat)
	}

	w.askServerProject()
	check("the Open server project dialog", topOverlay(t, w, "Open server project"))
	closeOverlays(w)
	url := "postgres://amal@news.example/tawsim"
	w.showError(serverError(url, fmt.Errorf("open %s: %w: connection refused", url, store.ErrUnavailable)))
	check("the message of a server that cannot be reached", topOverlay(t, w, "the server's error"))
	closeOverlays(w)

	w.status.Sent()
	w.status.Offline()
	check("the save marker waiting for the server", w.status.Object())
	w.status.Answered(true)
}
