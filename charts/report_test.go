package charts

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestReportHTML: the page parses as HTML, holds four figures (an inline SVG each), fetches
// nothing, escapes the names it shows and sets the Arabic ones right to left.
func TestReportHTML(t *testing.T) {
	p := testProgress()
	p.Finished["<b>x&y</b>"] = p.Finished["amal"]
	r := Report{Project: "أخبار <2026>.tawsim", Written: time.Date(2026, 3, 6, 9, 30, 0, 0, time.UTC), Progress: p, Schema: testSchema}
	var b bytes.Buffer
	if err := r.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("TAWSIM_CHARTS_OUT"); out != "" {
		os.WriteFile(out+"/report.html", b.Bytes(), 0o644)
	}
	page := b.String()
	if strings.Contains(page, "<b>x&y</b>") || !strings.Contains(page, "&lt;b&gt;x&amp;y&lt;/b&gt;") {
		t.Error("an annotator's name is not escaped")
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var sections, svgs int
	var rtl []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Section:
				sections++
			case atom.Svg:
				svgs++
			case atom.Script, atom.Link, atom.Img, atom.Iframe:
				t.Errorf("the page has a <%s>", n.Data)
			}
			for _, a := range n.Attr {
				if (a.Key == "src" || a.Key == "href") && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s %s=%q> fetches something", n.Data, a.Key, a.Val)
				}
				if a.Key == "dir" && a.Val == "rtl" && n.FirstChild != nil {
					rtl = append(rtl, n.FirstChild.Data)
				}
			}
		}
		if n.Type == html.ElementNode && n.Data == "bdi" {
			if d := attr(n, "dir"); n.FirstChild != nil && isArabic(n.FirstChild.Data) != (d == "rtl") {
				t.Errorf("<bdi dir=%q>%s", d, n.FirstChild.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if sections != 4 || svgs != 4 {
		t.Errorf("%d sections, %d SVG pictures; want 4 and 4", sections, svgs)
	}
	for _, want := range []string{"أخبار <2026>.tawsim", "سلمى", "مكان", "حكومة الوفاق"} {
		found := false
		for _, s := range rtl {
			found = found || s == want
		}
		if !found {
			t.Errorf("%q is not right to left in the page (rtl: %q)", want, rtl)
		}
	}
	if !strings.Contains(page, `<td class="n">1,530</td>`) {
		t.Error("the labels' table lacks LOC's 1,530")
	}
}

// TestReportEmpty: a project without work writes a page that says so for each figure.
func TestReportEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := (Report{Project: "new.tawsim", Schema: testSchema}).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"No document has been finished yet.", "No entity has been labeled yet.", "No document has a stance yet.", "No time has been recorded yet."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	if strings.Contains(b.String(), "<svg") {
		t.Error("an empty figure drew a picture")
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isArabic reports whether the first letter of s is Arabic.
func isArabic(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.Is(unicode.Arabic, r)
		}
	}
	return false
}

// TestReportProjectNameHidden: a project's file name may hold what no name in a project may (a
// bidi override, a newline): the page shows them as escapes, as tawsimctl prints the name, so
// that the title and heading show the name as it is, in its order.
func TestReportProjectNameHidden(t *testing.T) {
	var b bytes.Buffer
	if err := (Report{Project: "news\u202e<lmth.>\n.tawsim", Schema: testSchema}).WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if strings.ContainsAny(page, "\u202e") || strings.Contains(page, "<lmth") || !strings.Contains(page, `<title>Progress of news\u202e&lt;lmth.&gt;\n.tawsim</title>`) {
		t.Errorf("the project's name is not escaped in the page:\n%.400s", page)
	}
}
