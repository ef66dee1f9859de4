package article

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tawsim/tawsim/labels"
)

// The golden images of the article with spans and selections. Look at a new image before
// keeping it: testdata/failed/ holds what a failing test drew.

func TestSpansSeedImage(t *testing.T) {
	a, w := show(t, seedText(t), 640)
	spans := seedSpans(t, a)
	spans = append(spans, stance(spanOver(t, a, "st", "FAVOR", "يحقق الجيش الوطني الليبي مزيدا من التقدم", 0)))
	a.SetSpans(spans, schema)
	a.SelectSpan("mismari")
	test.AssertImageMatches(t, "spans-seed.png", w.Canvas().Capture())
}

func TestSpansMixedImage(t *testing.T) {
	a, w := show(t, mixed, 760)
	a.SetSpans([]labels.Span{spanOver(t, a, "isis", "ORG", "ISIS", 0)}, schema)
	drag(a, centre(a, tokenNamed(t, a, "المتحدث", 0)), centre(a, tokenNamed(t, a, "(", 0)))
	test.AssertImageMatches(t, "spans-mixed.png", w.Canvas().Capture())
}

func TestSpansAdjacentImage(t *testing.T) {
	// ORG then PERS, one word after the other; two LOCs with only و between them; a stance
	// span over part of the ORG; a span that starts after the proclitics of وبالعراق
	a, w := show(t, "وقال قائد الجيش الوطني الليبي خليفة حفتر في طرابلس وبنغازي وبالعراق", 700)
	spans := []labels.Span{
		spanOver(t, a, "org", "ORG", "الجيش الوطني الليبي", 0),
		spanOver(t, a, "pers", "PERS", "خليفة حفتر", 0),
		spanOver(t, a, "loc", "LOC", "طرابلس", 0),
		spanOver(t, a, "loc2", "LOC", "بنغازي", 0),
		spanOver(t, a, "loc3", "LOC", "العراق", 0),
		stance(spanOver(t, a, "st", "FAVOR", "قائد الجيش الوطني", 0)),
	}
	a.SetSpans(spans, schema)
	test.TapAt(a, centre(a, tokenNamed(t, a, "في", 0)))
	test.AssertImageMatches(t, "spans-adjacent.png", w.Canvas().Capture())
}

// TestNestedTwoLevelsImage: an occupation holding a nationality, an organization holding
// another that starts with it (their names side by side, the outer's first), and a university
// holding its town: the outer spans as bands below the inner ones' backgrounds.
func TestNestedTwoLevelsImage(t *testing.T) {
	a, w := show(t, "قال وزير الصحة الأردني إن منظمة الأمم المتحدة للطفولة تدعم جامعة بيرزيت", 560)
	a.SetSpans([]labels.Span{
		spanOver(t, a, "occ", "OCC", "وزير الصحة الأردني", 0),
		spanOver(t, a, "norp", "NORP", "الأردني", 0),
		spanOver(t, a, "unicef", "ORG", "الأمم المتحدة للطفولة", 0),
		spanOver(t, a, "un", "ORG", "الأمم المتحدة", 0),
		spanOver(t, a, "uni", "ORG", "جامعة بيرزيت", 0),
		spanOver(t, a, "town", "GPE", "بيرزيت", 0),
	}, wojoodSchema)
	test.AssertImageMatches(t, "nested-two.png", w.Canvas().Capture())
}

// TestNestedThreeLevelsImage: three levels (a union of a municipality's workers, the
// municipality, its city) with a stance underline below the bands, the middle span selected
// by two clicks on the city; the next line, without bands, keeps its usual spacing.
func TestNestedThreeLevelsImage(t *testing.T) {
	a, w := show(t, threeLevels, 560)
	a.SetSpans(threeLevelSpans(t, a), wojoodSchema)
	at := centre(a, tokenNamed(t, a, "نابلس", 0))
	test.TapAt(a, at)
	test.TapAt(a, at)
	test.AssertImageMatches(t, "nested-three.png", w.Canvas().Capture())
}
