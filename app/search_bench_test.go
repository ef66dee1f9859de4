package app

import (
	"context"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"golang.org/x/sys/unix"

	"github.com/tawsim/tawsim/store"
)

// BenchmarkBigSearchWindow times, on the project of a million documents that the store's
// BenchmarkBigSearch builds (TAWSIM_BENCH_BIG_SEARCH=its path), a search typed in the window
// from the query to the rows of its first page set in the list (Box.Took), beside the store's
// Search of the same page in the same process, each from a cold file (its pages dropped from
// the page cache): what the window adds.
func BenchmarkBigSearchWindow(b *testing.B) {
	path := os.Getenv("TAWSIM_BENCH_BIG_SEARCH")
	if path == "" {
		b.Skip("TAWSIM_BENCH_BIG_SEARCH names no project (build one with go test -bench BigSearch ./store)")
	}
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	w, err := newWindow(a, Config{Store: st, Path: path, Annotator: "amal"}, make(chan func()))
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	w.q.Wait()
	w.Window().Resize(fyne.NewSize(1280, 800))
	for _, c := range []struct{ name, text, label string }{
		{"word", "طرابلس", ""}, {"frequent", "في", ""}, {"phrase", "الجيش الوطني الليبي", ""},
		{"word+label", "طرابلس", "PERS"}, {"none", "كوبنهاغن", ""},
	} {
		b.Run(c.name, func(b *testing.B) {
			var best, bestStore, sum, sumStore time.Duration
			n := 0
			for b.Loop() {
				w.search.Clear()
				w.q.Wait()
				q := store.Query{Text: c.text, Label: c.label, For: "amal", Limit: 100}
				dropCache(path)
				began := time.Now()
				if _, err := st.Search(context.Background(), q, 0); err != nil {
					b.Fatal(err)
				}
				direct := time.Since(began)
				dropCache(path)
				w.search.SetText(c.text)
				if c.label != "" {
					f := w.search.Filters()
					f.Label = c.label
					w.search.SetFilters(f) // searches at once
				} else {
					w.search.Field().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
				}
				w.q.Wait()
				took := w.search.Took()
				if best == 0 || took < best {
					best = took
				}
				if bestStore == 0 || direct < bestStore {
					bestStore = direct
				}
				sum, sumStore, n = sum+took, sumStore+direct, n+1
			}
			b.ReportMetric(float64(w.list.Len()), "rows")
			b.ReportMetric(ms(best), "window-best-ms")
			b.ReportMetric(ms(sum)/float64(n), "window-mean-ms")
			b.ReportMetric(ms(bestStore), "store-best-ms")
			b.ReportMetric(ms(sumStore)/float64(n), "store-mean-ms")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// dropCache asks the kernel to forget the pages of the project file and its -wal.
func dropCache(path string) {
	for _, name := range []string{path, path + "-wal"} {
		if f, err := os.Open(name); err == nil {
			unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
			f.Close()
		}
	}
}
