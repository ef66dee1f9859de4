package article

import "testing"

// segmenterBits returns the cluster bits that go-text's segmenter finds in text.
func segmenterBits(text []rune) clusterBits {
	bits := newClusterBits(len(text))
	bits.markSegmented(text, 0, len(text))
	return bits
}

// checkClusters fails unless markClusters finds the clusters that go-text's segmenter finds.
func checkClusters(t *testing.T, s string) {
	text := []rune(s)
	got := newClusterBits(len(text))
	got.markClusters(text, 0, len(text))
	want := segmenterBits(text)
	for o := range text {
		if got.joined(o) != want.joined(o) {
			t.Fatalf("%q: at %d (%U) joined=%v, the segmenter says %v", s, o, text[o], got.joined(o), want.joined(o))
		}
	}
}

func TestClusterBits(t *testing.T) {
	for _, s := range []string{
		mixed, "مُحَمَّدٌ وَبِالعِرَاقِ", "café résumé", "e\u0301\u0302 a\u0308", "٣٤٫٣ ،؛؟",
		tweet, "🇸🇦🇪🇬🇯", "1️⃣#️⃣", "a\u200db", "\u0600\u0661\u0662", "ق\u00ad\u064eل",
	} {
		checkClusters(t, s)
	}
	bits := newClusterBits(5)
	bits.markClusters([]rune("ab🤷🏻"), 0, 4)
	if bits.start(3) != 2 || bits.end(3) != 4 || bits.start(2) != 2 || bits.end(2) != 2 {
		t.Errorf("start/end of 🤷🏻 in ab🤷🏻: %d %d %d %d", bits.start(3), bits.end(3), bits.start(2), bits.end(2))
	}
}

// FuzzClusterBits checks the rule for plain Arabic and Latin text against the full rules.
func FuzzClusterBits(f *testing.F) {
	for _, s := range []string{mixed, "مُحَمَّدٌ", "e\u0301", tweet, "ق\u00ad\u064eل"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkClusters(t, s)
	})
}
