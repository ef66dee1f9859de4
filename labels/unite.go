package labels

import (
	"errors"
	"fmt"
	"strings"
)

// ErrSchemaClash is wrapped by the error of Unite when two schemas give one name or id two
// meanings.
var ErrSchemaClash = errors.New("the label schemas clash")

// ClashError lists what two schemas give different meanings to, one line each.
type ClashError struct{ Clashes []string }

func (e *ClashError) Error() string {
	return fmt.Sprintf("%s: %s", ErrSchemaClash, strings.Join(e.Clashes, "; "))
}

func (e *ClashError) Unwrap() error { return ErrSchemaClash }

// nestingRank orders the nesting rules from the strictest.
var nestingRank = map[Nesting]int{NestingFlat: 0, NestingNested: 1, NestingOverlap: 2}

// Unite returns the schema that holds everything of s and of o, for a project that takes in
// the annotations of another (a merge): s's labels and targets first, as s has them, then
// those only o has, in o's order. A label is the same label when its name is the same; a
// target is the same target when its id is the same. The nesting rule is the looser of the
// two, under which the spans of both stay valid. A label that o adds keeps its hotkey unless
// a label of its group in s has it already (a hotkey only picks a label on screen). Notes
// say what o added or changed, one line each ("entity label MIS1", "target egypt (Egypt)",
// "nesting nested").
//
// What would give a name two meanings is refused with a *ClashError listing each clash, and
// nothing is united: a label that is an entity label in one schema and a stance label in the
// other, a label spelled with another case (its spans would carry another name), a target id
// whose name or Arabic name differs (ignoring case and surrounding spaces; an Arabic name
// that one of them lacks is taken from the other), and a new target whose id, name or Arabic
// name already names another target (imports name targets by name).
func (s Schema) Unite(o Schema) (Schema, []string, error) {
	u := Schema{
		Entities:     append([]Label(nil), s.Entities...),
		StanceLabels: append([]Label(nil), s.StanceLabels...),
		Targets:      append([]Target(nil), s.Targets...),
		Nesting:      s.Nesting,
		SameRange:    s.SameRange,
	}
	var notes, clashes []string
	for _, g := range []struct {
		group          string
		mine, theirs   *[]Label
		other, counter []Label // the other group of s and of o
	}{
		{"entity", &u.Entities, &o.Entities, s.StanceLabels, o.StanceLabels},
		{"stance", &u.StanceLabels, &o.StanceLabels, s.Entities, o.Entities},
	} {
		for _, l := range *g.theirs {
			if c := labelClash(g.group, l, *g.mine, g.other, g.counter); c != "" {
				clashes = append(clashes, c)
				continue
			}
			if _, ok := find(*g.mine, l.Name); ok {
				continue
			}
			if l.Hotkey != "" && hotkeyTaken(*g.mine, l.Hotkey) {
				notes = append(notes, fmt.Sprintf("%s label %s without its hotkey %q, which another label has", g.group, l.Name, l.Hotkey))
				l.Hotkey = ""
			} else {
				notes = append(notes, fmt.Sprintf("%s label %s", g.group, l.Name))
			}
			*g.mine = append(*g.mine, l)
		}
	}
	for _, t := range o.Targets {
		note, clash := u.uniteTarget(t)
		if clash != "" {
			clashes = append(clashes, clash)
		} else if note != "" {
			notes = append(notes, note)
		}
	}
	if nestingRank[o.Nesting] > nestingRank[u.Nesting] {
		u.Nesting = o.Nesting
		notes = append(notes, fmt.Sprintf("nesting %s", o.Nesting))
	}
	if o.SameRange && !u.SameRange {
		u.SameRange = true
		notes = append(notes, "two labels on the same words")
	}
	if len(clashes) > 0 {
		return s, nil, &ClashError{Clashes: clashes}
	}
	return u, notes, nil
}

// labelClash says how label l of one group of the other schema clashes with the labels of
// this one (mine in the same group, other in the other group), "" when it does not. counter
// is the other group of l's own schema.
func labelClash(group string, l Label, mine, other, counter []Label) string {
	if have, ok := findFold(mine, l.Name); ok && have.Name != l.Name {
		return fmt.Sprintf("%s label %s is spelled %s", group, l.Name, have.Name)
	}
	_, same := find(mine, l.Name)
	_, inOther := find(other, l.Name)
	_, inCounter := find(counter, l.Name)
	if inOther && !same && !inCounter {
		kinds := "an entity label in one schema and a stance label in the other"
		if group == "stance" {
			kinds = "a stance label in one schema and an entity label in the other"
		}
		return fmt.Sprintf("label %s is %s", l.Name, kinds)
	}
	return ""
}

// hotkeyTaken reports whether a label of ls has the hotkey key.
func hotkeyTaken(ls []Label, key string) bool {
	for _, l := range ls {
		if l.Hotkey == key {
			return true
		}
	}
	return false
}

// uniteTarget adds t to u's targets, or checks it against the target of u with its id: a
// note for what changed, or a clash.
func (u *Schema) uniteTarget(t Target) (note, clash string) {
	same := func(a, b string) bool { return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b)) }
	for i, have := range u.Targets {
		if have.ID != t.ID {
			continue
		}
		switch {
		case !same(have.Name, t.Name):
			return "", fmt.Sprintf("target %s is named %q in one schema and %q in the other", t.ID, have.Name, t.Name)
		case have.NameAr != "" && t.NameAr != "" && !same(have.NameAr, t.NameAr):
			return "", fmt.Sprintf("target %s has the Arabic name %q in one schema and %q in the other", t.ID, have.NameAr, t.NameAr)
		case have.NameAr == "" && t.NameAr != "":
			u.Targets[i].NameAr = t.NameAr
			return fmt.Sprintf("the Arabic name %q of target %s", t.NameAr, t.ID), ""
		}
		return "", ""
	}
	for _, have := range u.Targets {
		for _, mine := range []string{t.ID, t.Name, t.NameAr} {
			for _, theirs := range []string{have.ID, have.Name, have.NameAr} {
				if strings.TrimSpace(mine) != "" && same(mine, theirs) {
					return "", fmt.Sprintf("target %s (%s): %q already names target %s (%s)", t.ID, t.Name, mine, have.ID, have.Name)
				}
			}
		}
	}
	u.Targets = append(u.Targets, t)
	return fmt.Sprintf("target %s (%s)", t.ID, t.Name), ""
}
