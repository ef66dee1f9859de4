package app

import (
	"cmp"
	"slices"
	"strconv"

	"fyne.io/fyne/v2/lang"

	"github.com/tawsim/tawsim/app/msg"
	"github.com/tawsim/tawsim/app/review"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// The curator's actions of review: each is an ordinary change of the curator's annotations,
// made through the editor (drawn at once, written behind, one step of Ctrl+Z).

// take takes annotator k's span under the selection into the gold, or with nothing selected
// their stance toward the current target.
func (r *reviewMode) take(k int) {
	if !r.ready() {
		return
	}
	if k >= len(r.panel) || k >= review.MaxAnnotators {
		r.w.status.Say("%s", lang.X("review.no_annotator", "There is no annotator {{.Key}} in this review: it numbers {{.Names}}.",
			msg.M{"Key": strconv.Itoa(k + 1), "Names": annotatorList(r.numbered())}))
		return
	}
	name := r.panel[k]
	work, ok := r.work.Of(name)
	if !ok {
		r.w.status.Say("%s", lang.X("review.not_worked", "{{.Name}} did not work on this document.", msg.M{"Name": msg.Name(name)}))
		return
	}
	rng := r.selection()
	if rng == nil {
		t, ok := r.w.stance.Current()
		if !ok {
			r.w.status.Say("%s", lang.X("review.select_first", "Select words first, then press {{.Key}} to take {{.Name}}'s span there.",
				msg.M{"Key": strconv.Itoa(k + 1), "Name": msg.Name(name)}))
			return
		}
		l := review.StanceOf(r.work, name, t.ID)
		if l == "" {
			r.w.status.Say("%s", lang.X("review.no_stance_of", "{{.Name}} gave no stance toward {{.Target}}. Select words to take {{.Name}}'s span there.",
				msg.M{"Name": msg.Name(name), "Target": targetTitle(t)}))
			return
		}
		r.takeStance(t, l)
		return
	}
	sp, ok := review.Pick(work.Spans, *rng)
	if !ok {
		r.w.status.Say("%s", lang.X("review.no_span", "{{.Name}} made no span on these words.", msg.M{"Name": msg.Name(name)}))
		return
	}
	r.takeSpan(sp, func(label, text string) string {
		return lang.X("review.took", "Took {{.Name}}'s {{.Label}} {{.Text}} into the gold. Ctrl+Z takes it back.",
			msg.M{"Name": msg.Name(name), "Label": label, "Text": text})
	})
}

// numbered returns the annotators that have a number.
func (r *reviewMode) numbered() []string { return r.panel[:min(len(r.panel), review.MaxAnnotators)] }

// takeSpan takes span sp into the gold: a new span of the curator, or the gold span at its
// place relabeled. took says whose span was taken, given the label's name and the text quoted
// ("Took amal's ORG "…" into the gold.").
func (r *reviewMode) takeSpan(sp labels.Span, took func(label, text string) string) {
	e := r.w.ed
	if g, ok := review.InGold(e.spans, sp); ok {
		e.w.view.article.SelectSpan(g.ID)
		if g.Label == sp.Label {
			r.w.status.Say("%s", lang.X("review.in_gold_already", "{{.Label}} {{.Text}} is in the gold already.",
				msg.M{"Label": e.spanName(g), "Text": msg.Quote(g.Text)}))
			r.refresh()
			return
		}
		l, known := r.label(sp)
		if !known {
			r.w.status.Warn("%s", lang.X("span.unknown_label", "{{.Label}} is not a label of this project.", msg.M{"Label": msg.Name(sp.Label)}))
			return
		}
		e.relabel(g, l)
		return
	}
	gold := labels.Span{DocID: e.doc.ID, Annotator: r.w.cfg.Annotator, Start: sp.Start, End: sp.End, Text: sp.Text,
		Label: sp.Label, Kind: sp.Kind, Target: sp.Target, Origin: labels.OriginManual}
	e.writeSpan(gold, func(added labels.Span) {
		r.w.status.Say("%s", took(e.spanName(added), msg.Quote(added.Text)))
	})
}

// label returns the schema's label of sp's kind and name.
func (r *reviewMode) label(sp labels.Span) (labels.Label, bool) {
	if sp.Kind == labels.KindStance {
		return r.w.schema.Stance(sp.Label)
	}
	return r.w.schema.Entity(sp.Label)
}

// takeStance makes label l the gold's stance toward target t.
func (r *reviewMode) takeStance(t labels.Target, name string) {
	e := r.w.ed
	if e.stances[t.ID] == name {
		r.w.status.Say("%s", lang.X("review.stance_already", "The gold's stance toward {{.Target}} is {{.Label}} already.",
			msg.M{"Target": targetTitle(t), "Label": e.stanceName(name)}))
		return
	}
	l, ok := r.w.schema.Stance(name)
	i := slices.IndexFunc(r.w.schema.Targets, func(o labels.Target) bool { return o.ID == t.ID })
	if !ok || i < 0 {
		r.w.status.Warn("%s", lang.X("stance.label_gone", "{{.Label}} is not a stance label of this project any more.", msg.M{"Label": msg.Name(name)}))
		return
	}
	e.chooseStance(i, l)
}

// takeMajority takes into the gold the spans under the selection that more than half of the
// annotators made, or with nothing selected the majority's stance toward the current target.
func (r *reviewMode) takeMajority() {
	if !r.ready() {
		return
	}
	curator := r.w.cfg.Annotator
	rng := r.selection()
	if rng == nil {
		t, ok := r.w.stance.Current()
		if !ok {
			r.w.status.Say("%s", lang.X("review.select_first_enter", "Select words first, then press Enter to take the majority's spans there."))
			return
		}
		l, ok := review.MajorityStance(r.work, r.panel, curator, t.ID)
		if !ok {
			r.w.status.Say("%s", lang.X("review.no_majority", "No stance toward {{.Target}} has a majority: press an annotator's number to take theirs.",
				msg.M{"Target": targetTitle(t)}))
			return
		}
		r.takeStance(t, l)
		return
	}
	spans := review.Majority(r.work, r.panel, curator, r.w.ed.spans, *rng)
	if len(spans) == 0 {
		r.w.status.Say("%s", lang.X("review.majority_none", "The majority made no span here that the gold lacks."))
		return
	}
	for _, sp := range spans {
		r.takeSpan(sp, func(label, text string) string {
			return lang.X("review.took_majority", "Took the majority's {{.Label}} {{.Text}} into the gold. Ctrl+Z takes it back.",
				msg.M{"Label": label, "Text": text})
		})
	}
}

// difference selects the next (d 1) or previous (d -1) span of an annotator that the gold
// does not hold, from the selection, going round at the ends, and scrolls to it.
func (r *reviewMode) difference(d int) {
	if !r.ready() {
		return
	}
	pending := review.Pending(r.work, r.panel, r.w.cfg.Annotator, r.w.ed.spans)
	if len(pending) == 0 {
		r.w.status.Say("%s", lang.X("review.nothing_left", "The gold holds every span of the annotators, or leaves it out: nothing is left to review here. "+
			"Press D to mark the document curated."))
		return
	}
	at := review.Range{Start: -1, End: -1}
	if s := r.selection(); s != nil {
		at = *s
	}
	cmpAt := func(sp labels.Span) int { return cmp.Or(cmp.Compare(sp.Start, at.Start), cmp.Compare(sp.End, at.End)) }
	i := slices.IndexFunc(pending, func(sp labels.Span) bool { return cmpAt(sp) > 0 })
	if d < 0 {
		i = -1
		for k := len(pending) - 1; k >= 0; k-- {
			if cmpAt(pending[k]) < 0 {
				i = k
				break
			}
		}
		if i < 0 {
			i = len(pending) - 1
		}
	} else if i < 0 {
		i = 0
	}
	sp := pending[i]
	a := r.w.view.article
	a.SelectWords(sp.Start, sp.End)
	r.w.view.scrollToRange(sp.Start, sp.End)
	r.refresh()
	r.w.status.Say("%s", lang.X("review.difference", "Difference {{.I}} of {{.N}}: {{.Label}} {{.Text}}. Press an annotator's number to take theirs, Enter the majority's.",
		msg.M{"I": msg.Thousands(i + 1), "N": msg.Thousands(len(pending)), "Label": r.w.ed.spanName(sp), "Text": msg.Quote(sp.Text)}))
}

// takeUnanimous takes into the gold every span and stance that every annotator who worked on
// the document made and the gold lacks (a gold span at the same place with another label is
// relabeled): what opening an untouched document does, again after changes.
func (r *reviewMode) takeUnanimous() {
	if !r.on {
		r.w.status.Say("%s", lang.X("review.turn_on", "Turn Review mode on first (Team → Review mode)."))
		return
	}
	if !r.ready() {
		return
	}
	prop := store.Propose(r.work, store.Panel{Curator: r.w.cfg.Annotator, Annotators: r.panel}, store.RuleUnanimous)
	took := 0
	for _, sp := range prop.Accepted {
		if g, ok := review.InGold(r.w.ed.spans, sp); !ok || g.Label != sp.Label {
			r.takeSpan(sp, func(label, text string) string {
				return lang.X("review.took_all", "Took every annotator's {{.Label}} {{.Text}} into the gold. Ctrl+Z takes it back.",
					msg.M{"Label": label, "Text": text})
			})
			took++
		}
	}
	for _, g := range prop.Gold {
		if r.w.ed.stances[g.Target] == g.Label {
			continue
		}
		if t, ok := r.w.schema.Target(g.Target); ok {
			r.takeStance(t, g.Label)
			took++
		}
	}
	if took == 0 {
		r.w.status.Say("%s", lang.X("review.all_in", "The gold holds everything that every annotator made here."))
	}
}
