package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"unicode/utf8"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

const targetsSynopsis = `targets --db PROJECT list [--json]
       tawsimctl targets --db PROJECT add ID NAME [--name-ar ARABIC_NAME]
       tawsimctl targets --db PROJECT rename ID NEW_NAME [--name-ar ARABIC_NAME]

Lists and edits the stance targets of a project's schema. Annotations refer to a target by its
ID, which never changes: a rename changes only the name that exports and the window show, and
every document stance and evidence span stays with the target. An ID is one word; a NAME with
spaces is quoted. A name (or Arabic name) that another target already has is refused, for an
import names targets by id, name or Arabic name. Without --name-ar a rename keeps the Arabic
name; --name-ar "" clears it.`

func runTargets(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "targets", targetsSynopsis)
	db := flags.String("db", "", "the project file")
	nameAr := flags.String("name-ar", "", "add, rename: the target's Arabic name")
	annotator := flags.String("annotator", defaultAnnotator(), "who makes the change, for the project's log")
	asJSON := flags.Bool("json", false, "list: print the targets as a JSON array")
	pos, err := parse(flags, args)
	if err != nil {
		return err
	}
	if err := needDB(*db); err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("name an action: list, add or rename")
	}
	arSet := false
	flags.Visit(func(f *flag.Flag) { arSet = arSet || f.Name == "name-ar" })
	want := map[string]int{"list": 1, "add": 3, "rename": 3}
	n, ok := want[pos[0]]
	if !ok {
		return usagef("unknown action %q (want list, add or rename)", pos[0])
	}
	if len(pos) != n {
		if n == 1 {
			return usagef("list takes no arguments")
		}
		return usagef("%s takes ID and NAME (quote a name with spaces); got %d argument(s)", pos[0], len(pos)-1)
	}
	open := openExisting
	if pos[0] != "list" {
		if err := checkAnnotator(*annotator); err != nil {
			return err
		}
		open = openToWrite
	}
	st, err := open(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	switch pos[0] {
	case "add":
		if err := st.AddTarget(ctx, *annotator, labels.Target{ID: pos[1], Name: pos[2], NameAr: *nameAr}); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added target %s: %s\n", esc(pos[1]), esc(pos[2]))
		return nil
	case "rename":
		ar := *nameAr
		if !arSet {
			sc, err := st.Schema(ctx)
			if err != nil {
				return err
			}
			t, ok := sc.Target(pos[1])
			if !ok {
				return fmt.Errorf("no target %q in the schema (see 'tawsimctl targets --db %s list')", pos[1], shown(*db))
			}
			ar = t.NameAr
		}
		if err := st.RenameTarget(ctx, *annotator, pos[1], pos[2], ar); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no target %q in the schema (see 'tawsimctl targets --db %s list')", pos[1], shown(*db))
			}
			return err
		}
		fmt.Fprintf(e.stdout, "renamed target %s: %s\n", esc(pos[1]), esc(pos[2]))
		return nil
	}
	return listTargets(ctx, e, st, *asJSON)
}

// targetRow is one target as list prints it.
type targetRow struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	NameAr     string `json:"name_ar"`
	DocStances int    `json:"document_stances"`
	Spans      int    `json:"evidence_spans"`
}

// listTargets prints the schema's targets in its order, with how many annotations use each.
func listTargets(ctx context.Context, e *env, st store.Project, asJSON bool) error {
	sc, err := st.Schema(ctx)
	if err != nil {
		return err
	}
	uses, err := st.TargetUses(ctx)
	if err != nil {
		return err
	}
	rows := make([]targetRow, 0, len(sc.Targets))
	for _, t := range sc.Targets {
		u := uses[t.ID]
		rows = append(rows, targetRow{ID: t.ID, Name: t.Name, NameAr: t.NameAr, DocStances: u.DocStances, Spans: u.Spans})
	}
	if asJSON {
		return printJSON(e.stdout, rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(e.stdout, "no stance targets (add one with 'tawsimctl targets add ID NAME')")
		return nil
	}
	// The names come last, where their length and direction (Arabic) disturb no column.
	idw, sw, pw := len("ID"), len("STANCES"), len("SPANS")
	for i := range rows {
		r := &rows[i]
		r.ID, r.Name, r.NameAr = esc(r.ID), esc(r.Name), esc(r.NameAr)
		idw = max(idw, utf8.RuneCountInString(r.ID))
		sw = max(sw, len(count(r.DocStances)))
		pw = max(pw, len(count(r.Spans)))
	}
	fmt.Fprintf(e.stdout, "%-*s  %*s  %*s  %s\n", idw, "ID", sw, "STANCES", pw, "SPANS", "NAME (ARABIC NAME)")
	for _, r := range rows {
		name := r.Name
		if r.NameAr != "" {
			name += " (" + r.NameAr + ")"
		}
		fmt.Fprintf(e.stdout, "%-*s  %*s  %*s  %s\n", idw+len(r.ID)-utf8.RuneCountInString(r.ID), r.ID,
			sw, count(r.DocStances), pw, count(r.Spans), name)
	}
	return nil
}
