package main

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-json"
)

// mawqifCSV is shaped like Mawqif: a BOM, CRLF line ends, "" quotes, line breaks inside quoted
// texts, emoji, Arabic-Indic digits, labels in mixed case, a text that comes twice (once per
// target) and a row without stance.
const mawqifCSV = "\uFEFFID,text,target,stance,sentiment,sarcasm\r\n" +
	`1,"قالت الوزيرة ""المرأة شريكة"" في التنمية 💪🏽",Women empowerment,Favor,Positive,No` + "\r\n" +
	"2,\"سطر أول عن اللقاح\r\nوسطر ثان: نسبة التطعيم ٣٤٫٣٪\",Covid Vaccine,Against,Negative,Yes\r\n" +
	"3,التحول الرقمي يسهل المعاملات الحكومية ✅ منذ ٢٠٢٠,Digital Transformation,FAVOR,Positive,No\r\n" +
	"4,\"تمكين المرأة واللقاح\r\nأولويتان للحكومة\",Women empowerment,favor,Positive,No\r\n" +
	"5,\"تمكين المرأة واللقاح\r\nأولويتان للحكومة\",Covid Vaccine,NONE,Neutral,No\r\n" +
	"6,لا أثق بأي لقاح 😡,covid vaccine,against,Negative,No\r\n" +
	"7,نص بلا تصنيف,Covid Vaccine,,Neutral,No\r\n"

// triple is one stance of a document toward a target, by the target's name.
type triple struct{ text, target, label string }

// mawqifWant is what the stance export of mawqifCSV holds: the texts with CRLF as LF, the
// targets by name, the labels as the schema spells them.
var mawqifWant = []triple{
	{`قالت الوزيرة "المرأة شريكة" في التنمية 💪🏽`, "Women empowerment", "FAVOR"},
	{"سطر أول عن اللقاح\nوسطر ثان: نسبة التطعيم ٣٤٫٣٪", "Covid Vaccine", "AGAINST"},
	{"التحول الرقمي يسهل المعاملات الحكومية ✅ منذ ٢٠٢٠", "Digital Transformation", "FAVOR"},
	{"تمكين المرأة واللقاح\nأولويتان للحكومة", "Women empowerment", "FAVOR"},
	{"تمكين المرأة واللقاح\nأولويتان للحكومة", "Covid Vaccine", "NONE"},
	{"لا أثق بأي لقاح 😡", "Covid Vaccine", "AGAINST"},
}

// stanceTriples parses stance export lines into a sorted list of (text, target, label).
func stanceTriples(t *testing.T, out string) []triple {
	t.Helper()
	var got []triple
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var r struct {
			ID, Text, Target, Label string
			Evidence                []any
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if r.ID == "" || r.Evidence == nil {
			t.Errorf("record without id or evidence: %s", line)
		}
		got = append(got, triple{r.Text, r.Target, r.Label})
	}
	return sortTriples(got)
}

func sortTriples(ts []triple) []triple {
	ts = slices.Clone(ts)
	slices.SortFunc(ts, func(a, b triple) int {
		return strings.Compare(a.text+"\x00"+a.target+"\x00"+a.label, b.text+"\x00"+b.target+"\x00"+b.label)
	})
	return ts
}

var mawqifArgs = []string{"--format", "csv", "--text-column", "text", "--target-column", "target", "--label-column", "stance", "--annotator", "amal"}

func TestMawqifCSVToStanceExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mawqif.tawsim")
	file := writeFile(t, dir, "mawqif.csv", mawqifCSV)
	// The targets are not in the default schema: refused with their list, nothing imported.
	code, _, errOut := ctl(t, "", append(append([]string{"import", "--db", db}, mawqifArgs...), file)...)
	if code != 1 || !strings.Contains(errOut, "target:Covid Vaccine, target:Digital Transformation, target:Women empowerment") {
		t.Fatalf("unknown targets: exit %d, %q", code, errOut)
	}
	out := importOK(t, db, append(append([]string{}, mawqifArgs...), "--add-labels", file)...)
	for _, want := range []string{"6 documents added, 1 already in the project", "6 document stances added (1 to documents already in the project)",
		"added to the schema: target:covid-vaccine, target:digital-transformation, target:women-empowerment"} {
		if !strings.Contains(out, want) {
			t.Errorf("import said %q; want %q", out, want)
		}
	}
	if got := stanceTriples(t, exportOf(t, db, "--format", "stance")); !slices.Equal(got, sortTriples(mawqifWant)) {
		t.Errorf("stance export:\n got %q\nwant %q", got, sortTriples(mawqifWant))
	}
	// Importing the file again adds nothing.
	out = importOK(t, db, append(append([]string{}, mawqifArgs...), file)...)
	if !strings.Contains(out, "0 documents added, 7 already in the project") || strings.Contains(out, "stance") {
		t.Errorf("second import: %q", out)
	}
	// The ids of the rows are the records' ids; the other columns are metadata.
	native := exportOf(t, db, "--format", "jsonl")
	if !strings.Contains(native, `"external_id":"4"`) || !strings.Contains(native, `"metadata":{"sentiment":"Positive","sarcasm":"No"}`) {
		t.Errorf("native export lacks ids or metadata:\n%s", native)
	}

	code, stats, _ := ctl(t, "", "stats", "--db", db)
	if code != 0 {
		t.Fatal(stats)
	}
	for _, want := range []string{
		// Targets and labels in the schema's order.
		"document stance (documents per target and label)\n" +
			"  Women empowerment [women-empowerment]\n" +
			"    FAVOR    2\n" +
			"    total    2\n" +
			"  Covid Vaccine [covid-vaccine]\n" +
			"    AGAINST  2\n" +
			"    NONE     1\n" +
			"    total    3\n" +
			"  Digital Transformation [digital-transformation]\n" +
			"    FAVOR    1\n" +
			"    total    1\n",
		"documents   6\n",
	} {
		if !strings.Contains(stats, want) {
			t.Errorf("stats lack\n%s\nin\n%s", want, stats)
		}
	}
	code, js, _ := ctl(t, "", "stats", "--db", db, "--json")
	var s struct {
		DocStances  map[string]map[string]int `json:"document_stance"`
		TargetNames map[string]string         `json:"target_names"`
	}
	if code != 0 || json.Unmarshal([]byte(js), &s) != nil || s.DocStances["covid-vaccine"]["AGAINST"] != 2 ||
		s.TargetNames["women-empowerment"] != "Women empowerment" {
		t.Errorf("stats --json: %s", js)
	}
}

func TestRenameTargetKeepsStances(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	importOK(t, db, append(append([]string{}, mawqifArgs...), "--add-labels", writeFile(t, dir, "m.csv", mawqifCSV))...)
	before := stanceTriples(t, exportOf(t, db, "--format", "stance"))
	_, listBefore, _ := ctl(t, "", "targets", "--db", db, "list")

	code, out, errOut := ctl(t, "", "targets", "--db", db, "rename", "women-empowerment", "Empowering women", "--name-ar", "تمكين المرأة")
	if code != 0 || !strings.Contains(out, "renamed target women-empowerment") {
		t.Fatalf("rename: exit %d, %q %q", code, out, errOut)
	}
	after := stanceTriples(t, exportOf(t, db, "--format", "stance"))
	var want []triple
	for _, tr := range before {
		if tr.target == "Women empowerment" {
			tr.target = "Empowering women"
		}
		want = append(want, tr)
	}
	if !slices.Equal(after, sortTriples(want)) {
		t.Errorf("after the rename:\n got %q\nwant %q", after, want)
	}
	_, list, _ := ctl(t, "", "targets", "--db", db, "list")
	row := regexpLine(list, "women-empowerment")
	if !strings.Contains(row, "Empowering women (تمكين المرأة)") || strings.Fields(row)[1] != "2" ||
		regexpLine(listBefore, "women-empowerment") == "" || strings.Fields(regexpLine(listBefore, "women-empowerment"))[1] != "2" {
		t.Errorf("targets list before:\n%s\nafter:\n%s", listBefore, list)
	}
	// A rename without --name-ar keeps the Arabic name.
	ctl(t, "", "targets", "--db", db, "rename", "women-empowerment", "Women's empowerment")
	_, list, _ = ctl(t, "", "targets", "--db", db, "list")
	if !strings.Contains(list, "Women's empowerment (تمكين المرأة)") {
		t.Errorf("the Arabic name was lost:\n%s", list)
	}
	// Import names a target by its Arabic name too.
	more := "\uFEFFID,text,target,stance\r\n8,نص جديد عن المرأة,تمكين المرأة,Against\r\n"
	importOK(t, db, append(append([]string{}, mawqifArgs...), writeFile(t, dir, "more.csv", more))...)
	if got := exportOf(t, db, "--format", "stance"); !strings.Contains(got, `"text":"نص جديد عن المرأة","target":"Women's empowerment","label":"AGAINST"`) {
		t.Errorf("a target named by its Arabic name:\n%s", got)
	}
}

// regexpLine returns the first line of out whose first field is first.
func regexpLine(out, first string) string {
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == first {
			return line
		}
	}
	return ""
}

func TestTargetsCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	if code, _, errOut := ctl(t, "", "init", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut := ctl(t, "", "targets", "--db", db, "add", "egypt", "Egypt's mediation", "--name-ar", "الوساطة المصرية")
	if code != 0 || !strings.Contains(out, "added target egypt") {
		t.Fatalf("add: exit %d, %q %q", code, out, errOut)
	}
	_, list, _ := ctl(t, "", "targets", "list", "--db", db)
	lines := strings.Split(strings.TrimSpace(list), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[4], "Egypt's mediation (الوساطة المصرية)") ||
		!strings.Contains(lines[1], "Libyan National Army (الجيش الوطني الليبي)") {
		t.Errorf("list:\n%s", list)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "egypt", "Egypt"}, "already exists"},
		{[]string{"add", "cairo", "egypt's MEDIATION"}, "already names target \"egypt\""},
		{[]string{"rename", "qatar", "Qatar"}, "no target \"qatar\""},
		{[]string{"rename", "egypt", "Turkey's intervention"}, "already names target \"turkey\""},
	} {
		code, _, errOut := ctl(t, "", append([]string{"targets", "--db", db}, c.args...)...)
		if code != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want %q", c.args, code, errOut, c.want)
		}
	}
	_, js, _ := ctl(t, "", "targets", "--db", db, "list", "--json")
	var rows []targetRow
	if err := json.Unmarshal([]byte(js), &rows); err != nil || len(rows) != 4 || rows[3] != (targetRow{ID: "egypt", Name: "Egypt's mediation", NameAr: "الوساطة المصرية"}) {
		t.Errorf("list --json: %v %s", err, js)
	}
}

// claimsCSV holds claim-article pairs (AraStance's shape): the articles repeat across claims,
// the labels come in mixed case, a claim has a line break and quotes.
const claimsCSV = "claim,article,stance\r\n" +
	"الحكومة ترفع أسعار الوقود,\"أعلنت وزارة الطاقة رفع سعر البنزين ١٠٪ اعتبارا من الغد.\r\nوقال الوزير إن القرار ضروري.\",Agree\r\n" +
	"\"الوزير ينفي \"\"الشائعات\"\"\",\"أعلنت وزارة الطاقة رفع سعر البنزين ١٠٪ اعتبارا من الغد.\r\nوقال الوزير إن القرار ضروري.\",unrelated\r\n" +
	"الحكومة ترفع أسعار الوقود,نفت الحكومة أي نية لرفع الأسعار 🚫,DISAGREE\r\n" +
	"Fuel prices will rise,نفت الحكومة أي نية لرفع الأسعار 🚫,disagree\r\n" +
	"\"الوزير ينفي \"\"الشائعات\"\"\",ناقش البرلمان خطة الدعم دون قرار,Discuss\r\n"

// claimRecord is a stance-claims record.
type claimRecord struct {
	ID      string `json:"id"`
	Claim   string `json:"claim"`
	Article string `json:"article"`
	Label   string `json:"label"`
}

func claimTriples(t *testing.T, out string) []triple {
	t.Helper()
	var got []triple
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r claimRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if !strings.HasPrefix(line, `{"id":`) || !strings.Contains(line, `,"claim":`) {
			t.Errorf("keys out of order: %s", line)
		}
		got = append(got, triple{r.Article, r.Claim, r.Label})
	}
	return sortTriples(got)
}

func TestClaimArticleCSVToStanceClaims(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	claimArgs := []string{"--format", "csv", "--text-column", "article", "--claim-column", "claim", "--label-column", "stance", "--annotator", "amal"}
	file := writeFile(t, dir, "arastance.csv", claimsCSV)
	code, _, errOut := ctl(t, "", append(append([]string{"import", "--db", db}, claimArgs...), file)...)
	if code != 1 || !strings.Contains(errOut, "Agree, DISAGREE, Discuss, target:Fuel prices will rise") || !strings.Contains(errOut, "unrelated") {
		t.Fatalf("unknown labels: exit %d, %q", code, errOut)
	}
	out := importOK(t, db, append(append([]string{}, claimArgs...), "--add-labels", file)...)
	if !strings.Contains(out, "3 documents added, 2 already in the project") || !strings.Contains(out, "5 document stances added") {
		t.Errorf("import: %q", out)
	}
	art1 := "أعلنت وزارة الطاقة رفع سعر البنزين ١٠٪ اعتبارا من الغد.\nوقال الوزير إن القرار ضروري."
	art2 := "نفت الحكومة أي نية لرفع الأسعار 🚫"
	want := sortTriples([]triple{
		{art1, "الحكومة ترفع أسعار الوقود", "Agree"},
		{art1, `الوزير ينفي "الشائعات"`, "unrelated"},
		{art2, "الحكومة ترفع أسعار الوقود", "DISAGREE"},
		{art2, "Fuel prices will rise", "DISAGREE"},
		{"ناقش البرلمان خطة الدعم دون قرار", `الوزير ينفي "الشائعات"`, "Discuss"},
	})
	got := claimTriples(t, exportOf(t, db, "--format", "stance-claims"))
	if !slices.Equal(got, want) {
		t.Fatalf("stance-claims:\n got %q\nwant %q", got, want)
	}

	// Back through a CSV of the export into a second project: the same pairs come out.
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"claim", "article", "stance"})
	for _, line := range strings.Split(strings.TrimSpace(exportOf(t, db, "--format", "stance-claims")), "\n") {
		var r claimRecord
		json.Unmarshal([]byte(line), &r)
		w.Write([]string{r.Claim, r.Article, r.Label})
	}
	w.Flush()
	db2 := filepath.Join(dir, "q.tawsim")
	importOK(t, db2, append(append([]string{}, claimArgs...), "--add-labels", writeFile(t, dir, "again.csv", b.String()))...)
	if again := claimTriples(t, exportOf(t, db2, "--format", "stance-claims")); !slices.Equal(again, want) {
		t.Errorf("second round:\n got %q\nwant %q", again, want)
	}
	_, list, _ := ctl(t, "", "targets", "--db", db, "list")
	if !strings.Contains(list, "fuel-prices-will-rise") || !regexpMatch(list, `t-[0-9a-f]{8} +2 +0  الحكومة ترفع أسعار الوقود`) {
		t.Errorf("targets:\n%s", list)
	}
}

func regexpMatch(s, pattern string) bool {
	return regexp.MustCompile(pattern).MatchString(s)
}

func TestStratifiedSplit(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.tawsim")
	// 60 documents with a stance toward one target (30 FAVOR, 18 AGAINST, 12 NONE), 6 toward
	// two, and 6 without.
	var b strings.Builder
	b.WriteString("ID,text,target,stance\r\n")
	labelsOf := []string{"FAVOR", "AGAINST", "NONE"}
	counts := []int{30, 18, 12}
	n := 0
	for li, c := range counts {
		for range c {
			n++
			fmt.Fprintf(&b, "%d,خبر رقم %d عن اللقاح,Covid Vaccine,%s\r\n", n, n, labelsOf[li])
		}
	}
	for i := range 6 {
		n++
		fmt.Fprintf(&b, "%d,خبر مزدوج %d,Covid Vaccine,Favor\r\n%d,خبر مزدوج %d,Women empowerment,Against\r\n", n, i, n, i)
	}
	for i := range 6 {
		n++
		fmt.Fprintf(&b, "%d,خبر بلا موقف %d,Covid Vaccine,\r\n", n, i)
	}
	importOK(t, db, append(append([]string{}, mawqifArgs...), "--add-labels", writeFile(t, dir, "s.csv", b.String()))...)
	parts := []struct {
		name  string
		ratio float64
	}{{"train", 0.7}, {"dev", 0.15}, {"test", 0.15}}
	out := filepath.Join(dir, "split.jsonl")
	if code, _, errOut := ctl(t, "", "export", "--db", db, "--format", "jsonl", "--split", "train=0.7,dev=0.15,test=0.15",
		"--seed", "3", "--stratify", "--out", out); code != 0 {
		t.Fatal(errOut)
	}
	groups := map[string]int{"covid-vaccine=FAVOR": 30, "covid-vaccine=AGAINST": 18, "covid-vaccine=NONE": 12,
		"covid-vaccine=FAVOR,women-empowerment=AGAINST": 6, "": 6}
	total := 0
	for _, p := range parts {
		data, err := os.ReadFile(strings.TrimSuffix(out, ".jsonl") + "." + p.name + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int{}
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			var r struct {
				Stance []struct{ Target, Label string }
			}
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatal(err)
			}
			var key []string
			for _, s := range r.Stance {
				key = append(key, s.Target+"="+s.Label)
			}
			slices.Sort(key)
			got[strings.Join(key, ",")]++
			total++
		}
		for k, size := range groups {
			if want := p.ratio * float64(size); math.Abs(float64(got[k])-want) > 1 {
				t.Errorf("%s: %d documents of %q, want %.1f±1", p.name, got[k], k, want)
			}
		}
	}
	if total != 72 {
		t.Errorf("%d documents in the parts, want 72", total)
	}
}
