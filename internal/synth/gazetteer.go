package synth

import (
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/tawsim/tawsim/seeds"
)

// Entry is a line of a synthetic gazetteer: a text and its label.
type Entry struct{ Text, Label string }

// arabicLetters are what the random words of Gazetteer are made of.
var arabicLetters = []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى")

// Gazetteer makes, reproducibly, entries and articles in which the entries are found often,
// for the benchmarks of suggestions: one entry in twenty is a word or phrase of the seed
// article, the others one to three random words of a vocabulary of 20,000 (a third with the
// article ال); each article has about 2,500 code points, paragraphs of the seed article and
// sentences of the vocabulary's words with proclitics (و ب ل وب فل لل) and now and then a
// haraka. With 100,000 entries an article holds about 350 matches.
func Gazetteer(entries, articles int) ([]Entry, []string) {
	seed := seeds.Documents()[0].Text
	r := rand.New(rand.NewPCG(100000, 50000))
	paragraphs := strings.Split(strings.TrimSpace(seed), "\n")
	seedWords := strings.FieldsFunc(seed, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
	vocab := make([]string, 20000)
	for i := range vocab {
		var b strings.Builder
		if r.IntN(3) == 0 {
			b.WriteString("ال")
		}
		for range 3 + r.IntN(6) {
			b.WriteRune(arabicLetters[r.IntN(len(arabicLetters))])
		}
		vocab[i] = b.String()
	}
	labelsOf := []string{"PERS", "ORG", "LOC", "MISC"}
	out := make([]Entry, 0, entries)
	for i := range entries {
		var words []string
		if i%20 == 0 {
			at, k := r.IntN(len(seedWords)), 1+r.IntN(4)
			words = seedWords[at:min(len(seedWords), at+k)]
		} else {
			for range 1 + r.IntN(3) {
				words = append(words, vocab[r.IntN(len(vocab))])
			}
		}
		out = append(out, Entry{Text: strings.Join(words, " "), Label: labelsOf[r.IntN(4)]})
	}
	proclitics := []string{"", "", "", "", "و", "ب", "ل", "وب", "فل", "لل"}
	texts := make([]string, 0, articles)
	for range articles {
		var b strings.Builder
		for b.Len() < 4600 { // about 2,500 code points of Arabic
			if r.IntN(2) == 0 {
				b.WriteString(paragraphs[r.IntN(len(paragraphs))])
			} else {
				for k := range 20 + r.IntN(40) {
					if k > 0 {
						b.WriteByte(' ')
					}
					w := proclitics[r.IntN(len(proclitics))] + vocab[r.IntN(len(vocab))]
					if r.IntN(10) == 0 {
						w += "َ"
					}
					b.WriteString(w)
				}
				b.WriteString(".")
			}
			b.WriteByte('\n')
		}
		texts = append(texts, b.String())
	}
	return out, texts
}
