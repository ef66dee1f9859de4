package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tawsim/tawsim/labels"
)

const arabicEmoji = "قال 👍🏽 مُحَمَّد"

func TestSpanCodePointOffsets(t *testing.T) {
	s, ids := newProject(t, labels.NestingFlat, arabicEmoji)
	name := "مُحَمَّد"
	// ق ا ل, space, 👍 and the skin tone modifier 🏽 (two code points), space: 7 code points.
	sp := labels.Span{DocID: ids[0], Annotator: "salma", Start: 7, End: 15, Text: name, Label: "PERS",
		Kind: labels.KindEntity, Origin: labels.OriginManual}
	got, err := s.AddSpan(ctx, sp)
	must(t, err)
	if got.Start != 7 || got.End != 15 || got.Text != name {
		t.Errorf("stored %+v", got)
	}
	stored, err := s.Spans(ctx, ids[0], "salma")
	must(t, err)
	if len(stored) != 1 || stored[0] != got {
		t.Fatalf("Spans = %+v, want [%+v]", stored, got)
	}
	if slice, _ := labels.Slice(arabicEmoji, stored[0].Start, stored[0].End); slice != name {
		t.Errorf("text[%d:%d] = %q", stored[0].Start, stored[0].End, slice)
	}
	// The same name at UTF-16 offsets (the emoji is four units there) or at byte offsets is refused.
	utf16 := sp
	utf16.Start, utf16.End = 9, 17
	if _, err := s.AddSpan(ctx, utf16); !errors.Is(err, labels.ErrOutOfRange) && !errors.Is(err, labels.ErrTextMismatch) {
		t.Errorf("UTF-16 offsets: %v", err)
	}
	bytesOff := sp
	bytesOff.Start = strings.Index(arabicEmoji, name)
	bytesOff.End = bytesOff.Start + len(name)
	if _, err := s.AddSpan(ctx, bytesOff); err == nil {
		t.Error("byte offsets accepted")
	}
	// The emoji with its modifier is a span of two code points.
	emoji := labels.Span{DocID: ids[0], Annotator: "salma", Start: 4, End: 6, Text: "👍🏽", Label: "MISC",
		Kind: labels.KindEntity, Origin: labels.OriginManual}
	if _, err := s.AddSpan(ctx, emoji); err != nil {
		t.Errorf("emoji span: %v", err)
	}
}

func TestAddSpanRefusals(t *testing.T) {
	text := "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري"
	s, ids := newProject(t, labels.NestingFlat, text)
	doc := ids[0]
	base := entity(t, doc, "salma", text, "الجيش الوطني الليبي", "ORG")
	first, err := s.AddSpan(ctx, base)
	must(t, err)
	if first.ID == "" || first.Created.IsZero() || !first.Updated.Equal(first.Created) {
		t.Errorf("AddSpan did not assign ID and times: %+v", first)
	}
	with := func(f func(*labels.Span)) labels.Span {
		sp := entity(t, doc, "salma", text, "أحمد المسماري", "PERS")
		f(&sp)
		return sp
	}
	for _, c := range []struct {
		name string
		sp   labels.Span
		want error
	}{
		{"out of range", with(func(sp *labels.Span) { sp.End = 1000 }), labels.ErrOutOfRange},
		{"negative", with(func(sp *labels.Span) { sp.Start = -1 }), labels.ErrOutOfRange},
		{"empty", with(func(sp *labels.Span) { sp.End = sp.Start; sp.Text = "" }), labels.ErrEmptySpan},
		{"text mismatch", with(func(sp *labels.Span) { sp.Text = "احمد المسماري" }), labels.ErrTextMismatch},
		{"unknown label", with(func(sp *labels.Span) { sp.Label = "PERSON" }), labels.ErrUnknownLabel},
		{"unknown stance label", with(func(sp *labels.Span) { sp.Kind = labels.KindStance; sp.Label = "PERS"; sp.Target = "lna" }), labels.ErrUnknownLabel},
		{"unknown target", with(func(sp *labels.Span) { sp.Kind = labels.KindStance; sp.Label = "FAVOR"; sp.Target = "un" }), labels.ErrUnknownTarget},
		{"bad kind", with(func(sp *labels.Span) { sp.Kind = "relation" }), labels.ErrBadKind},
		{"bad origin", with(func(sp *labels.Span) { sp.Origin = "" }), labels.ErrBadOrigin},
		{"no annotator", with(func(sp *labels.Span) { sp.Annotator = " " }), labels.ErrNoAnnotator},
		{"overlap", entity(t, doc, "salma", text, "الليبي أحمد", "MISC"), labels.ErrOverlap},
		{"same span again", base, labels.ErrOverlap},
		{"inside, flat", entity(t, doc, "salma", text, "الجيش", "MISC"), labels.ErrOverlap},
		{"no document", with(func(sp *labels.Span) { sp.DocID = "missing" }), ErrNotFound},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.AddSpan(ctx, c.sp)
			if !errors.Is(err, c.want) {
				t.Fatalf("AddSpan = %v, want %v", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "add span: ") {
				t.Errorf("error %q lacks its context", err)
			}
		})
	}
	all, err := s.Spans(ctx, doc, "")
	must(t, err)
	if len(all) != 1 {
		t.Errorf("%d spans stored after the refusals, want 1", len(all))
	}
	// Another annotator may label the same text; stance spans may overlap entities.
	if _, err := s.AddSpan(ctx, entity(t, doc, "omar", text, "الجيش", "ORG")); err != nil {
		t.Errorf("another annotator's overlapping span: %v", err)
	}
	stance := entity(t, doc, "salma", text, "باسم الجيش", "FAVOR")
	stance.Kind, stance.Target = labels.KindStance, "lna"
	if _, err := s.AddSpan(ctx, stance); err != nil {
		t.Errorf("stance span over an entity: %v", err)
	}
}

func TestNestedSchemaAllowsContainmentNotCrossing(t *testing.T) {
	text := "قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري"
	s, ids := newProject(t, labels.NestingNested, text)
	_, err := s.AddSpan(ctx, entity(t, ids[0], "a", text, "الجيش الوطني الليبي", "ORG"))
	must(t, err)
	if _, err := s.AddSpan(ctx, entity(t, ids[0], "a", text, "الليبي", "LOC")); err != nil {
		t.Errorf("nested span: %v", err)
	}
	if _, err := s.AddSpan(ctx, entity(t, ids[0], "a", text, "الليبي أحمد", "MISC")); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("crossing span: %v", err)
	}
}

func TestAddSpansAllOrNothing(t *testing.T) {
	text := "وأعلنت حكومة الوفاق الوطني برئاسة فايز السراج حالة النفير العام في طرابلس"
	s, ids := newProject(t, labels.NestingFlat, text, "نص آخر في مصراتة")
	good := []labels.Span{
		entity(t, ids[0], "imp", text, "حكومة الوفاق الوطني", "ORG"),
		entity(t, ids[0], "imp", text, "فايز السراج", "PERS"),
		entity(t, ids[1], "imp", "نص آخر في مصراتة", "مصراتة", "LOC"),
	}
	bad := append(append([]labels.Span{}, good...), entity(t, ids[0], "imp", text, "الوطني برئاسة", "MISC"))
	_, err := s.AddSpans(ctx, bad)
	if !errors.Is(err, labels.ErrOverlap) || !strings.Contains(err.Error(), "span 4 of 4") {
		t.Fatalf("AddSpans with a span that overlaps an earlier one of the batch: %v", err)
	}
	if all, _ := s.Spans(ctx, ids[0], ""); len(all) != 0 {
		t.Errorf("%d spans stored by a refused batch", len(all))
	}
	before, _ := s.Events(ctx, 0, 0)
	out, err := s.AddSpans(ctx, good)
	must(t, err)
	seen := map[string]bool{}
	for i, sp := range out {
		if sp.ID == "" || seen[sp.ID] || sp.Text != good[i].Text {
			t.Errorf("span %d: %+v", i, sp)
		}
		seen[sp.ID] = true
		if got, err := s.Span(ctx, sp.DocID, sp.ID); err != nil || got != sp {
			t.Errorf("Span(%s) = %+v, %v", sp.ID, got, err)
		}
	}
	after, _ := s.Events(ctx, 0, 0)
	if len(after)-len(before) != 3 {
		t.Errorf("%d events for a batch of 3 spans", len(after)-len(before))
	}
}

func TestUpdateAndDeleteSpan(t *testing.T) {
	text := "وقال أحمد المسماري إن قواته تقدمت نحو طرابلس"
	s, ids := newProject(t, labels.NestingFlat, text)
	clock := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	s.SetClock(func() time.Time { clock = clock.Add(time.Second); return clock })
	sp, err := s.AddSpan(ctx, entity(t, ids[0], "salma", text, "أحمد المسماري", "ORG"))
	must(t, err)
	city, err := s.AddSpan(ctx, entity(t, ids[0], "salma", text, "طرابلس", "LOC"))
	must(t, err)
	if !sp.Created.Equal(time.Date(2026, 1, 2, 3, 4, 6, 0, time.UTC)) || !sp.Updated.Equal(sp.Created) {
		t.Errorf("a span added at the store's clock's 03:04:06 has the times %v, %v", sp.Created, sp.Updated)
	}

	relabel := sp
	relabel.Label = "PERS"
	got, err := s.UpdateSpan(ctx, relabel)
	must(t, err)
	if got.Label != "PERS" || !got.Created.Equal(sp.Created) || !got.Updated.After(sp.Updated) {
		t.Errorf("relabelled: %+v (was %+v)", got, sp)
	}
	if stored, _ := s.Span(ctx, sp.DocID, sp.ID); stored != got {
		t.Errorf("stored %+v, returned %+v", stored, got)
	}
	if evs, err := s.Events(ctx, 0, 0); err != nil || len(evs) == 0 || !evs[len(evs)-1].Time.After(got.Updated) {
		t.Errorf("the relabel is logged at a time not after the span's (%v): %v", got.Updated, err)
	}
	move := got
	move.Start, move.End, move.Text = 5, 9, "أحمد"
	moved, err := s.UpdateSpan(ctx, move)
	must(t, err)
	if moved.Start != 5 || moved.End != 9 {
		t.Errorf("moved: %+v", moved)
	}
	onto := moved
	onto.Start, onto.End, onto.Text = city.Start, city.End, city.Text
	if _, err := s.UpdateSpan(ctx, onto); !errors.Is(err, labels.ErrOverlap) {
		t.Errorf("moving onto another span: %v", err)
	}
	broken := moved
	broken.End = 10
	if _, err := s.UpdateSpan(ctx, broken); !errors.Is(err, labels.ErrTextMismatch) {
		t.Errorf("moving without the text: %v", err)
	}
	other := moved
	other.Annotator = "omar"
	if _, err := s.UpdateSpan(ctx, other); !errors.Is(err, ErrNotFound) {
		t.Errorf("another annotator's update: %v", err)
	}
	missing := moved
	missing.ID = "0190f0e4-0000-7000-8000-000000000000"
	if _, err := s.UpdateSpan(ctx, missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("update of a missing span: %v", err)
	}
	if stored, _ := s.Span(ctx, sp.DocID, sp.ID); stored != moved {
		t.Errorf("after refused updates: %+v, want %+v", stored, moved)
	}

	if err := s.DeleteSpan(ctx, "omar", sp.DocID, sp.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("another annotator's delete: %v", err)
	}
	must(t, s.DeleteSpan(ctx, "salma", sp.DocID, sp.ID))
	if _, err := s.Span(ctx, sp.DocID, sp.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Span after delete: %v", err)
	}
	if err := s.DeleteSpan(ctx, "salma", sp.DocID, sp.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}

	// The log holds add, add, update, update, delete with the spans before and after.
	evs, err := s.Events(ctx, 0, 0)
	must(t, err)
	var spanEvents []labels.Event
	for _, ev := range evs {
		if strings.HasPrefix(string(ev.Action), "span.") {
			spanEvents = append(spanEvents, ev)
		}
	}
	want := []struct {
		action        labels.Action
		before, after *labels.Span
	}{
		{labels.ActionSpanAdd, nil, &sp},
		{labels.ActionSpanAdd, nil, &city},
		{labels.ActionSpanUpdate, &sp, &got},
		{labels.ActionSpanUpdate, &got, &moved},
		{labels.ActionSpanDelete, &moved, nil},
	}
	if len(spanEvents) != len(want) {
		t.Fatalf("%d span events, want %d", len(spanEvents), len(want))
	}
	for i, w := range want {
		ev := spanEvents[i]
		if ev.Action != w.action || ev.Annotator != "salma" || ev.DocID != ids[0] || ev.Time.IsZero() {
			t.Errorf("event %d: %+v", i, ev)
		}
		checkEventSpan(t, i, "before", ev.Before, w.before)
		checkEventSpan(t, i, "after", ev.After, w.after)
		if i > 0 && ev.Seq <= spanEvents[i-1].Seq {
			t.Errorf("event %d: seq %d after %d", i, ev.Seq, spanEvents[i-1].Seq)
		}
	}
}

// checkEventSpan compares the JSON of an event with the span it should hold.
func checkEventSpan(t *testing.T, i int, which string, raw json.RawMessage, want *labels.Span) {
	t.Helper()
	if want == nil {
		if raw != nil {
			t.Errorf("event %d: %s = %s, want nothing", i, which, raw)
		}
		return
	}
	var got labels.Span
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("event %d: %s: %v", i, which, err)
	}
	if !got.Created.Equal(want.Created) || !got.Updated.Equal(want.Updated) {
		t.Errorf("event %d: %s times %v %v, want %v %v", i, which, got.Created, got.Updated, want.Created, want.Updated)
	}
	got.Created, got.Updated = want.Created, want.Updated
	if got != *want {
		t.Errorf("event %d: %s = %+v, want %+v", i, which, got, *want)
	}
}

func TestSpansOrderAndFilter(t *testing.T) {
	text := "ودعت الأمم المتحدة في بيان صدر في جنيف يوم الأحد"
	s, ids := newProject(t, labels.NestingOverlap, text)
	add := func(annotator, word, label string) {
		t.Helper()
		_, err := s.AddSpan(ctx, entity(t, ids[0], annotator, text, word, label))
		must(t, err)
	}
	add("a", "جنيف", "LOC")
	add("b", "الأمم المتحدة", "ORG")
	add("a", "الأمم المتحدة", "ORG")
	add("a", "الأمم", "MISC")
	add("b", "الأمم المتحدة", "MISC")
	describe := func(spans []labels.Span) string {
		var out []string
		for i, sp := range spans {
			if i > 0 && sp.Start == spans[i-1].Start && sp.End == spans[i-1].End && sp.ID < spans[i-1].ID {
				t.Errorf("equal ranges not ordered by id")
			}
			out = append(out, fmt.Sprintf("%s:%d-%d:%s", sp.Annotator, sp.Start, sp.End, sp.Label))
		}
		return strings.Join(out, " ")
	}
	all, err := s.Spans(ctx, ids[0], "")
	must(t, err)
	// Equal ranges come in id order, and ids (UUID v7) grow with time: b's ORG first.
	if got, want := describe(all), "a:5-10:MISC b:5-18:ORG a:5-18:ORG b:5-18:MISC a:34-38:LOC"; got != want {
		t.Errorf("all spans: %s, want %s", got, want)
	}
	onlyA, err := s.Spans(ctx, ids[0], "a")
	must(t, err)
	if got, want := describe(onlyA), "a:5-10:MISC a:5-18:ORG a:34-38:LOC"; got != want {
		t.Errorf("a's spans: %s, want %s", got, want)
	}
	none, err := s.Spans(ctx, "no-such-document", "")
	must(t, err)
	if len(none) != 0 {
		t.Errorf("spans of a missing document: %v", none)
	}
}
