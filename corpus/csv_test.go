package corpus

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

// mawqif is shaped like the Mawqif stance dataset: a BOM, CRLF, "" quotes, a line break inside
// a quoted text, an emoji, Arabic-Indic digits, an empty stance.
const mawqif = "\uFEFFID,text,target,stance,sentiment,sarcasm\r\n" +
	`1,"قال الوزير ""لن نتراجع"" 🙂",Women empowerment,Favor,Positive,No` + "\r\n" +
	"2,\"سطر أول\r\nسطر ثان ٢٠٢٣\",Covid Vaccine,Against,Negative,Yes\r\n" +
	"\r\n" +
	"3,لقاح كورونا آمن,Covid Vaccine,,Neutral,No"

var mawqifOpt = Options{TextColumn: "text", TargetColumn: "target", LabelColumn: "stance"}

func TestCSVMawqif(t *testing.T) {
	recs, errs := readAll(t, "csv", "mawqif.csv", mawqif, mawqifOpt)
	if len(errs) > 0 || len(recs) != 3 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	want := []struct {
		line      int
		id, text  string
		title     string
		stances   []labels.DocStance
		sentiment string
	}{
		{2, "1", `قال الوزير "لن نتراجع" 🙂`, `قال الوزير "لن نتراجع" 🙂`, []labels.DocStance{{Target: "Women empowerment", Label: "Favor"}}, "Positive"},
		{3, "2", "سطر أول\nسطر ثان ٢٠٢٣", "سطر أول", []labels.DocStance{{Target: "Covid Vaccine", Label: "Against"}}, "Negative"},
		{6, "3", "لقاح كورونا آمن", "لقاح كورونا آمن", nil, "Neutral"},
	}
	for i, w := range want {
		r := recs[i]
		checkRecord(t, r)
		if r.Line != w.line || r.Doc.ExternalID != w.id || r.Doc.Text != w.text || r.Doc.Title != w.title || r.Doc.SourceFile != "mawqif.csv" {
			t.Errorf("row %d: line %d id %q text %q title %q", i, r.Line, r.Doc.ExternalID, r.Doc.Text, r.Doc.Title)
		}
		if !reflect.DeepEqual(r.Stances, w.stances) || r.Spans != nil {
			t.Errorf("row %d: stances %+v spans %+v", i, r.Stances, r.Spans)
		}
		sarcasm := map[string]string{"1": "No", "2": "Yes", "3": "No"}[w.id]
		if meta := `{"sentiment":"` + w.sentiment + `","sarcasm":"` + sarcasm + `"}`; string(r.Doc.Metadata) != meta {
			t.Errorf("row %d: metadata %s, want %s", i, r.Doc.Metadata, meta)
		}
	}
}

func TestCSVColumns(t *testing.T) {
	data := "Tweet ,Id,Stance,note\nنص ١,a7,FAVOR,\"x\ty\"\n"
	cases := []struct {
		name    string
		opt     Options
		id      string
		stances []labels.DocStance
		meta    string
	}{
		{"text only", Options{TextColumn: "tweet"}, "a7", nil, `{"Stance":"FAVOR","note":"x\ty"}`},
		{"label and claim", Options{TextColumn: "Tweet ", LabelColumn: "stance", ClaimColumn: "note"}, "a7", []labels.DocStance{{Label: "FAVOR", Target: "x\ty"}}, ``},
		{"id column named", Options{TextColumn: "tweet", ExternalIDColumn: "note"}, "x\ty", nil, `{"Id":"a7","Stance":"FAVOR"}`},
	}
	for _, c := range cases {
		recs, errs := readAll(t, "csv", "c.csv", data, c.opt)
		if len(errs) > 0 || len(recs) != 1 {
			t.Errorf("%s: %d records, %v", c.name, len(recs), errs)
			continue
		}
		r := recs[0]
		if r.Doc.Text != "نص ١" || r.Doc.ExternalID != c.id || !reflect.DeepEqual(r.Stances, c.stances) || string(r.Doc.Metadata) != c.meta {
			t.Errorf("%s: text %q id %q stances %+v metadata %s", c.name, r.Doc.Text, r.Doc.ExternalID, r.Stances, r.Doc.Metadata)
		}
	}
	recs, _ := readAll(t, "csv", "c.csv", "text\nوحده\n", Options{TextColumn: "text"})
	if len(recs) != 1 || recs[0].Doc.Metadata != nil || recs[0].Doc.ExternalID != "" {
		t.Errorf("a lone text column: %+v", recs)
	}
}

func TestCSVRowErrors(t *testing.T) {
	head := "ID,text,target,stance,sentiment,sarcasm\n"
	good := "9,نص جيد,t,Favor,p,No\n"
	cases := []struct {
		name, rows string
		line       int
		is         error
		part       string
	}{
		{"too few fields", "4,نص,Covid Vaccine\n", 2, nil, "c.csv:2: 3 fields, the header has 6"},
		{"too many fields", "4,نص,a,b,c,d,e\n", 2, nil, "7 fields, the header has 6"},
		{"bare quote", `5,نص "مقتبس",a,b,c,d` + "\n", 2, nil, `c.csv:2: bare " in non-quoted-field, at byte 8 of the line`},
		{"invalid UTF-8", "6,a\xffb,a,b,c,d\n", 2, ErrInvalidUTF8, "c.csv:2: invalid UTF-8 at byte 4 of the line (0xff)"},
		{"invalid UTF-8 inside a quoted line break", "6,\"سطر\nb\xd8\",a,b,c,d\n", 3, ErrInvalidUTF8, "c.csv:3: invalid UTF-8 at byte 2 of the line (0xd8)"},
		{"invalid UTF-8 in metadata", "6,نص,a,b,c,\xff\n", 2, ErrInvalidUTF8, "c.csv:2: invalid UTF-8 at byte 14 of the line"},
		{"empty text", "7,\" \r\n\",a,b,c,d\n", 2, ErrNoText, `c.csv:2: the record has no text: column "text" is empty`},
	}
	for _, c := range cases {
		recs, errs := readAll(t, "csv", "c.csv", head+c.rows+good, mawqifOpt)
		wantOneError(t, c.name, errs, c.line, c.part)
		if c.is != nil && len(errs) == 1 && !errors.Is(errs[0], c.is) {
			t.Errorf("%s: %v is not %v", c.name, errs[0], c.is)
		}
		if len(recs) != 1 || recs[0].Doc.ExternalID != "9" || recs[0].Line != 2+strings.Count(c.rows, "\n") {
			t.Errorf("%s: the good row after the bad one: %+v", c.name, recs)
		}
	}
	recs, errs := readAll(t, "csv", "c.csv", head+good+"8,\"never closed,a,b,c,d\n"+good, mawqifOpt)
	wantOneError(t, "unclosed quote", errs, 3, `c.csv:3: extraneous or missing " in quoted-field: the row begun here goes wrong at line 4, byte 28`)
	if len(recs) != 1 {
		t.Errorf("unclosed quote: %d records", len(recs))
	}
}

func TestCSVFileErrors(t *testing.T) {
	cases := []struct {
		name, data string
		opt        Options
		line       int
		part       string
	}{
		{"no text column option", mawqif, Options{}, 0, "c.csv: csv needs the name of the column that holds the text"},
		{"target without label", mawqif, Options{TextColumn: "text", TargetColumn: "target"}, 0, "a target column needs a label column"},
		{"text column missing", mawqif, Options{TextColumn: "tweet"}, 1,
			`c.csv:1: no column "tweet" in the header (its columns: ID, text, target, stance, sentiment, sarcasm)`},
		{"label column missing", mawqif, Options{TextColumn: "text", LabelColumn: "label", TargetColumn: "target"}, 1, `no column "label"`},
		{"label without target", mawqif, Options{TextColumn: "text", LabelColumn: "stance"}, 0, "a label column needs a target column"},
		{"duplicate column", "text,a,a\nx,y,z\n", Options{TextColumn: "text"}, 1, `c.csv:1: column "a" appears twice in the header`},
		{"empty file", "\uFEFF", Options{TextColumn: "text"}, 0, "c.csv: the file is empty"},
		{"bad header", "text,\"a\n", Options{TextColumn: "text"}, 1, `extraneous or missing "`},
	}
	for _, c := range cases {
		recs, errs := readAll(t, "csv", "c.csv", c.data, c.opt)
		wantOneError(t, c.name, errs, c.line, c.part)
		if len(recs) != 0 {
			t.Errorf("%s: %d records after a file error", c.name, len(recs))
		}
	}
	if err := CheckOptions("CSV", Options{}); err == nil {
		t.Error("CheckOptions accepts csv without a text column")
	}
	if err := CheckOptions("conll", Options{SentencesPerDoc: -1}); err == nil {
		t.Error("CheckOptions accepts a negative sentence count")
	}
	if err := CheckOptions("csv", mawqifOpt); err != nil {
		t.Error(err)
	}
}

func TestCSVRowTooLong(t *testing.T) {
	data := "text\n\"" + strings.Repeat("سطر طويل\n", 1000)
	rd := NewCSVReader("big.csv", strings.NewReader(data), Options{TextColumn: "text"})
	rd.src.max = 4096
	_, errs := drain(t, rd, "big.csv")
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLong) {
		t.Errorf("errors %v, want one ErrTooLong", errs)
	}
}

// TestCSVClaims reads claim-article pairs (AraStance's shape): the claim is the stance's
// target, the article the text.
func TestCSVClaims(t *testing.T) {
	data := "claim,article,stance\r\n" +
		"\"الحكومة ترفع الدعم\r\nعن الوقود\",\"مقال عن الوقود\",Disagree\r\n" +
		"تأجيل الامتحانات,مقال عن الوقود,unrelated\r\n"
	recs, errs := readAll(t, "csv", "c.csv", data, Options{TextColumn: "article", ClaimColumn: "claim", LabelColumn: "stance"})
	if len(errs) > 0 || len(recs) != 2 {
		t.Fatalf("%d records, %v", len(recs), errs)
	}
	want := [][]labels.DocStance{
		{{Target: "الحكومة ترفع الدعم\nعن الوقود", Label: "Disagree"}},
		{{Target: "تأجيل الامتحانات", Label: "unrelated"}},
	}
	for i, r := range recs {
		if r.Doc.Text != "مقال عن الوقود" || !reflect.DeepEqual(r.Stances, want[i]) || r.Doc.Metadata != nil {
			t.Errorf("row %d: text %q stances %+v metadata %s", i, r.Doc.Text, r.Stances, r.Doc.Metadata)
		}
	}
	for _, opt := range []Options{
		{TextColumn: "article", ClaimColumn: "claim"},
		{TextColumn: "article", ClaimColumn: "claim", TargetColumn: "claim", LabelColumn: "stance"},
	} {
		if err := CheckOptions("csv", opt); err == nil {
			t.Errorf("CheckOptions(%+v) = nil", opt)
		}
	}
	if _, errs := readAll(t, "csv", "c.csv", data, Options{TextColumn: "article", ClaimColumn: "claims", LabelColumn: "stance"}); len(errs) != 1 ||
		!strings.Contains(errs[0].Error(), `no column "claims"`) {
		t.Errorf("a missing claim column: %v", errs)
	}
}

// TestCSVLongRows: rows longer than the reader's pieces keep their code points whole and their
// errors at the right line and byte, and the rows after a very large row (after which the
// reader starts afresh) too.
func TestCSVLongRows(t *testing.T) {
	long := strings.Repeat("نص ", 40000) // 200,000 bytes, read in pieces
	for _, n := range []int{1, 3, 3 * 1000 * 1000} {
		text := strings.Repeat("نص ", n)
		data := "id,text\n1,\"" + text + "\nسطر\"\n2,\"" + long + "\"\n3,a\xffb\n4," + long + "\xd8\n5,نص\n6,\"x\ny\",z\n"
		recs, errs := readAll(t, "csv", "c.csv", data, Options{TextColumn: "text"})
		if len(recs) != 3 || recs[0].Doc.Text != text+"\nسطر" || recs[1].Doc.Text != long || recs[2].Line != 7 {
			t.Fatalf("%d: %d records, errors %v", n, len(recs), errs)
		}
		want := []string{"c.csv:5: invalid UTF-8 at byte 4 of the line (0xff)",
			fmt.Sprintf("c.csv:6: invalid UTF-8 at byte %d of the line (0xd8)", 3+len(long)),
			"c.csv:8: 3 fields, the header has 2"}
		if len(errs) != 3 {
			t.Fatalf("%d: errors %v", n, errs)
		}
		for i, w := range want {
			if !strings.HasPrefix(errs[i].Error(), w) {
				t.Errorf("%d: error %v, want %s", n, errs[i], w)
			}
		}
	}
}
