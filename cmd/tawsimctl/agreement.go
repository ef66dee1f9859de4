package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/tawsim/tawsim/agreement"
	"github.com/tawsim/tawsim/jobs"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

func runAgreement(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "agreement", "agreement --db PROJECT [--json] [--annotators a,b,...] [--status done,...] [--documents N]\n\n"+
		"Measures how far the annotators of a project (a merged team project) agree. Entity spans: for each pair\n"+
		"of annotators, over the documents both worked on, span F1 (same start, end and label), per label, with\n"+
		"labels ignored (boundaries) and with overlapping spans of a label counted (partial). Document stance,\n"+
		"per target: Krippendorff's alpha, Fleiss' kappa, Gwet's AC1 and percent agreement over all annotators,\n"+
		"and Cohen's kappa for each pair. An annotator worked on a document where they have a span, a document\n"+
		"stance or a status past todo there (an import with --annotator marks each record).")
	db := flags.String("db", "", "the project file")
	asJSON := flags.Bool("json", false, "print the figures as one JSON object")
	annotators := flags.String("annotators", "", "only these annotators, comma separated (default: everyone who worked on a document)")
	status := flags.String("status", "", "only work with these statuses, comma separated ("+labels.StatusNames()+")")
	documents := flags.Int("documents", 0, "also list the N documents that disagree most (-1: all of them)")
	if err := parseNoArgs(flags, args, db); err != nil {
		return err
	}
	o := jobs.AgreementOptions{Annotators: splitNames(*annotators), Documents: *documents != 0}
	var err error
	if o.Statuses, err = parseStatuses(*status); err != nil {
		return usageError{err.Error()}
	}
	if err := checkNames(o.Annotators); err != nil {
		return err
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := noteUnknownAnnotators(ctx, e, st, o.Annotators); err != nil {
		return err
	}
	if os.Getenv("GOGC") == "" {
		// Agreement reads and drops the spans of every document: with the collector's default
		// pace it takes the same time as with main's GOGC=400, at a third of the memory
		// (100,000 documents of three annotators: 99 MB, where it took 326 MB).
		defer debug.SetGCPercent(debug.SetGCPercent(100))
	}
	prog := newProgress(e, "documents")
	o.Progress = prog.set
	res, err := jobs.Agreement(ctx, st, o)
	prog.done()
	if err != nil {
		return err
	}
	shown := res.Documents
	if *documents >= 0 && len(shown) > *documents {
		shown = shown[:*documents]
	}
	if *asJSON {
		return printJSON(e.stdout, agreementJSON{Report: res.Report, Documents: documentsJSON(shown, o.Documents)})
	}
	printSpanAgreement(e.stdout, res.Report.Spans)
	printStanceAgreement(e.stdout, res.Report.Stance)
	if o.Documents {
		printDocuments(e.stdout, shown, len(res.Documents))
	}
	return nil
}

// splitNames splits a comma-separated list of names, dropping empty ones.
func splitNames(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" && !slices.Contains(out, part) {
			out = append(out, part)
		}
	}
	return out
}

// checkNames refuses, as a mistake of the command line, an annotator name no project takes.
func checkNames(names []string) error {
	for _, n := range names {
		if err := labels.CheckAnnotator(n); err != nil {
			return usagef("--annotators: %v", err)
		}
	}
	return nil
}

// noteUnknownAnnotators says on stderr which of the annotators named have no work in the
// project (a name mistyped): they are reported with nothing.
func noteUnknownAnnotators(ctx context.Context, e *env, st store.Project, names []string) error {
	if len(names) == 0 {
		return nil
	}
	s, err := st.Stats(ctx, "")
	if err != nil {
		return err
	}
	for _, n := range names {
		if !slices.Contains(s.Annotators, n) {
			fmt.Fprintln(e.stderr, esc(fmt.Sprintf("annotator %q has no work in %s", n, st.Path())))
		}
	}
	return nil
}

// agreementJSON is what --json prints: the report, and the documents with --documents.
type agreementJSON struct {
	agreement.Report
	Documents []documentJSON `json:"documents,omitempty"`
}

// documentJSON is one document of the list of those that disagree most.
type documentJSON struct {
	Order      int64  `json:"order"`
	ExternalID string `json:"external_id"`
	Title      string `json:"title"`
	agreement.DocumentAgreement
}

func documentsJSON(docs []jobs.DocumentFigures, asked bool) []documentJSON {
	if !asked {
		return nil
	}
	out := make([]documentJSON, 0, len(docs))
	for _, d := range docs {
		out = append(out, documentJSON{Order: d.Doc.Order, ExternalID: d.Doc.ExternalID, Title: d.Doc.Title, DocumentAgreement: d.DocumentAgreement})
	}
	return out
}

// figure writes an agreement figure with 4 decimals, or n/a when it is undefined.
func figure(s *agreement.Score) string {
	v, ok := s.Value()
	if !ok {
		return "n/a"
	}
	return fmt.Sprintf("%.4f", v)
}

func newTable(w io.Writer) *tabwriter.Writer { return tabwriter.NewWriter(w, 0, 0, 2, ' ', 0) }

// printSpanAgreement prints the entity span agreement of each pair, then per label.
func printSpanAgreement(w io.Writer, r agreement.SpanReport) {
	fmt.Fprintln(w, "Entity spans (each pair over the documents both worked on)")
	if len(r.Pairs) == 0 {
		fmt.Fprintln(w, "  no pair of annotators: agreement needs the work of two")
		return
	}
	if !slices.ContainsFunc(r.Pairs, func(p agreement.SpanPair) bool { return p.ASpans+p.BSpans > 0 }) {
		fmt.Fprintln(w, "  no entity span in the work compared")
		return
	}
	t := newTable(w)
	fmt.Fprintln(t, "  a\tb\tdocuments\ta spans\tb spans\tmatches\tF1\tboundaries F1\tpartial F1")
	for _, p := range r.Pairs {
		fmt.Fprintf(t, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", esc(p.A), esc(p.B), count(p.Documents), count(p.ASpans), count(p.BSpans),
			count(p.Matches), figure(p.F1), figure(p.BoundariesF1), figure(p.PartialF1))
	}
	t.Flush()
	fmt.Fprintln(w, "  per label (strict F1, spans of a / b)")
	t = newTable(w)
	for _, p := range r.Pairs {
		if len(p.ByLabel) == 0 {
			continue
		}
		fmt.Fprintf(t, "  %s\t%s", esc(p.A), esc(p.B))
		for _, l := range sortedKeys(p.ByLabel) {
			f := p.ByLabel[l]
			fmt.Fprintf(t, "\t%s %s (%s/%s)", esc(l), figure(&f.F1), count(f.ASpans), count(f.BSpans))
		}
		fmt.Fprintln(t)
	}
	t.Flush()
}

// printStanceAgreement prints the document stance agreement of each target.
func printStanceAgreement(w io.Writer, ts agreement.Targets) {
	fmt.Fprintln(w, "\nDocument stance (per target)")
	if !slices.ContainsFunc(ts, func(ta agreement.TargetAgreement) bool { return ta.Annotators > 0 }) {
		fmt.Fprintln(w, "  no document stance in the work compared")
		return
	}
	for _, ta := range ts {
		fmt.Fprintf(w, "  %s [%s]: %s rated twice or more, %s\n", esc(ta.Target), esc(ta.ID), plural(ta.Items, "document"),
			plural(ta.Annotators, "annotator"))
		if ta.Annotators == 0 {
			continue
		}
		fmt.Fprintf(w, "    alpha %s  Fleiss' kappa %s (%s rated by all)  Gwet's AC1 %s  percent agreement %s\n",
			figure(ta.Alpha), figure(ta.FleissKappa), plural(ta.FleissItems, "document"), figure(ta.GwetAC1), figure(ta.PercentAgreement))
		t := newTable(w)
		for _, p := range ta.Pairs {
			fmt.Fprintf(t, "    %s\t%s\t%s\tkappa %s\tagreement %s\n", esc(p.A), esc(p.B), plural(p.Items, "document"),
				figure(p.Kappa), figure(p.PercentAgreement))
		}
		t.Flush()
	}
}

// maxTitle is how many code points of a title the list of documents shows.
const maxTitle = 40

// printDocuments prints the documents that disagree most.
func printDocuments(w io.Writer, docs []jobs.DocumentFigures, of int) {
	fmt.Fprintf(w, "\nDocuments that disagree most (%s of %s worked on by two annotators or more)\n", count(len(docs)), count(of))
	if len(docs) == 0 {
		return
	}
	t := newTable(w)
	fmt.Fprintln(t, "  #\tid\texternal id\tannotators\tunmatched spans\tF1\tstance disagreements\ttitle")
	for _, d := range docs {
		title := []rune(d.Doc.Title)
		if len(title) > maxTitle {
			title = append(title[:maxTitle-1], '…')
		}
		fmt.Fprintf(t, "  %d\t%s\t%s\t%d\t%s\t%s\t%d\t%s\n", d.Doc.Order, d.Doc.ID, esc(d.Doc.ExternalID), d.Annotators,
			count(d.Unmatched), figure(d.F1), d.StanceDisagreements, esc(string(title)))
	}
	t.Flush()
}
