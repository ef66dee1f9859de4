package main

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goccy/go-json"
)

// The published tables of agreement/published_test.go, built here as projects: one stance
// CSV per coder, imported into a project of its own under --annotator, the projects merged
// into a team project, and `agreement --json` read back.

// coderProjects writes, for each coder (a column of values), a stance CSV with a row per
// unit (a text of its own; an empty value is a row without stance), imports each into a
// project of its own whose schema has the categories as stance labels (Gwet's AC1 depends
// on their number) and returns the projects' paths.
func coderProjects(t *testing.T, dir string, coders []string, values [][]string, categories ...string) []string {
	t.Helper()
	var labels []string
	for _, c := range categories {
		labels = append(labels, fmt.Sprintf(`{"name":%q}`, c))
	}
	schema := writeFile(t, dir, "schema.json", `{"entities":[],"stance_labels":[`+strings.Join(labels, ",")+
		`],"targets":[{"id":"reliability","name":"Reliability"}],"nesting":"flat"}`)
	var projects []string
	for j, coder := range coders {
		db := filepath.Join(dir, coder+".tawsim")
		if code, _, errOut := ctl(t, "", "init", "--db", db, "--schema", schema); code != 0 {
			t.Fatalf("init: %s", errOut)
		}
		var csv strings.Builder
		csv.WriteString("id,text,target,stance\n")
		for i, row := range values {
			fmt.Fprintf(&csv, "u%d,الوحدة رقم %d من عينة الموثوقية,Reliability,%s\n", i+1, i+1, row[j])
		}
		file := writeFile(t, dir, coder+".csv", csv.String())
		importOK(t, db, "--format", "csv", "--text-column", "text", "--target-column", "target", "--label-column", "stance",
			"--annotator", coder, file)
		projects = append(projects, db)
	}
	return projects
}

// teamAgreement merges projects into a team project and returns `agreement --json` for it.
func teamAgreement(t *testing.T, dir string, projects []string) agreementReport {
	t.Helper()
	team := filepath.Join(dir, "team.tawsim")
	if code, out, errOut := ctl(t, "", append([]string{"merge", "--db", team}, projects...)...); code != 0 {
		t.Fatalf("merge: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := ctl(t, "", "check", "--db", team); code != 0 {
		t.Fatalf("check after the merge: exit %d\n%s%s", code, out, errOut)
	}
	return readAgreement(t, team)
}

// readAgreement returns `agreement --json` for the project at db.
func readAgreement(t *testing.T, db string) agreementReport {
	t.Helper()
	code, out, errOut := ctl(t, "", "agreement", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("agreement: exit %d\n%s", code, errOut)
	}
	var r agreementReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	return r
}

// agreementReport is what agreement --json prints, as the tests read it.
type agreementReport struct {
	Spans struct {
		Pairs []struct {
			A, B            string
			Documents       int
			ASpans          int      `json:"a_spans"`
			BSpans          int      `json:"b_spans"`
			Matches         int      `json:"matches"`
			BoundaryMatches int      `json:"boundary_matches"`
			F1              *float64 `json:"f1"`
			BoundariesF1    *float64 `json:"boundaries_f1"`
			ByLabel         map[string]struct {
				F1      float64 `json:"f1"`
				Matches int     `json:"matches"`
				ASpans  int     `json:"a_spans"`
				BSpans  int     `json:"b_spans"`
			} `json:"by_label"`
		}
	}
	Stance map[string]struct {
		Target           string
		Items            int
		Annotators       int
		Alpha            *float64
		FleissKappa      *float64 `json:"fleiss_kappa"`
		FleissItems      int      `json:"fleiss_items"`
		GwetAC1          *float64 `json:"gwet_ac1"`
		PercentAgreement *float64 `json:"percent_agreement"`
		Pairs            []struct {
			A, B  string
			Items int
			Kappa *float64
		}
	}
}

func near(t *testing.T, what string, got *float64, want, tol float64) {
	t.Helper()
	if got == nil || math.Abs(*got-want) > tol {
		g := "null"
		if got != nil {
			g = fmt.Sprint(*got)
		}
		t.Errorf("%s = %s, want %v ± %v", what, g, want, tol)
	}
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
// observers, twelve units, values 1-5, missing values; nominal alpha 0.743. irrCAC's
// README gives for the same table percent agreement 0.8181818 and Gwet's AC1 0.77544.
func TestKrippendorffTableThroughProjects(t *testing.T) {
	dir := t.TempDir()
	values := [][]string{
		{"1", "1", "", "1"}, {"2", "2", "3", "2"}, {"3", "3", "3", "3"}, {"3", "3", "3", "3"},
		{"2", "2", "2", "2"}, {"1", "2", "3", "4"}, {"4", "4", "4", "4"}, {"1", "1", "2", "1"},
		{"2", "2", "2", "2"}, {"", "5", "5", "5"}, {"", "", "1", "1"}, {"", "", "3", ""},
	}
	r := teamAgreement(t, dir, coderProjects(t, dir, []string{"A", "B", "C", "D"}, values, "1", "2", "3", "4", "5"))
	ta, ok := r.Stance["reliability"]
	if !ok {
		t.Fatalf("no target reliability in %+v", r.Stance)
	}
	near(t, "alpha", ta.Alpha, 0.743, 5e-4)
	near(t, "alpha", ta.Alpha, 0.7434, 5e-5) // JSON rounds to 4 decimals: 0.74342
	near(t, "percent agreement", ta.PercentAgreement, 0.8182, 5e-5)
	near(t, "AC1", ta.GwetAC1, 0.7754, 5e-5)
	if ta.Items != 11 || ta.Annotators != 4 || ta.FleissItems != 8 || len(ta.Pairs) != 6 {
		t.Errorf("items %d, annotators %d, fleiss items %d, pairs %d; want 11, 4, 8, 6", ta.Items, ta.Annotators, ta.FleissItems, len(ta.Pairs))
	}
	// Coder A left units 10-12 blank: the import counted them as A's work all the same.
	code, out, _ := ctl(t, "", "stats", "--db", filepath.Join(dir, "team.tawsim"), "--annotator", "A")
	if code != 0 || !strings.Contains(out, "done         12\n") {
		t.Errorf("A's stats:\n%s", out)
	}
}

// Fleiss (1971)-style table of the Wikipedia article "Fleiss' kappa": fourteen raters, ten
// subjects, five categories; kappa 0.210.
func TestFleissTableThroughProjects(t *testing.T) {
	counts := [][]int{
		{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
		{7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
	}
	// Subject i's ratings, spread over the raters in category order.
	values := make([][]string, len(counts))
	for i, row := range counts {
		for k, n := range row {
			for range n {
				values[i] = append(values[i], fmt.Sprint(k+1))
			}
		}
	}
	var raters []string
	for j := range 14 {
		raters = append(raters, fmt.Sprintf("rater%02d", j+1))
	}
	dir := t.TempDir()
	r := teamAgreement(t, dir, coderProjects(t, dir, raters, values, "1", "2", "3", "4", "5"))
	ta := r.Stance["reliability"]
	near(t, "fleiss kappa", ta.FleissKappa, 0.210, 5e-4)
	near(t, "percent agreement (P̄)", ta.PercentAgreement, 0.378, 5e-4)
	if ta.FleissItems != 10 || ta.Annotators != 14 || len(ta.Pairs) != 91 {
		t.Errorf("fleiss items %d, annotators %d, pairs %d; want 10, 14, 91", ta.FleissItems, ta.Annotators, len(ta.Pairs))
	}
}
