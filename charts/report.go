package charts

import (
	"fmt"
	"html/template"
	"image/color"
	"io"
	"slices"
	"sort"
	"time"

	"github.com/tawsim/tawsim/arabic/bidi"
	"github.com/tawsim/tawsim/internal/safetext"
	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

// Report is what `tawsimctl stats --html` writes: the figures of a project's progress in one
// self-contained HTML page (inline SVG and CSS, nothing fetched), each with its key and a table
// of its numbers, for the team lead.
type Report struct {
	Project  string    // the project's file name, shown in the title
	Written  time.Time // when the report was made
	Progress store.Progress
	Schema   labels.Schema
}

// WriteHTML writes the page. Every text of the project (names of annotators, labels,
// targets, the file) is escaped, and set right to left where it starts with an Arabic letter.
func (r Report) WriteHTML(w io.Writer) error {
	figs := Figures(r.Progress, r.Schema)
	r.Project = safetext.Escape(r.Project) // a file name may hold a bidi control or a newline, as no name in a project may
	page := pageData{Report: r, Written: r.Written.Format("2006-01-02 15:04 MST"), Documents: thousands(r.Progress.Documents)}
	for _, st := range labels.Statuses {
		page.Statuses = append(page.Statuses, cell{Name: string(st), N: thousands(r.Progress.Status[st])})
	}
	for _, f := range figs {
		sec := section{Figure: f}
		if f.Empty == "" {
			svg, err := f.SVG(560, 300)
			if err != nil {
				return err
			}
			sec.SVG = template.HTML(svg) // gonum/plot's SVG, its texts escaped (vgsvg)
		}
		for _, k := range f.Key {
			sec.Key = append(sec.Key, keyItem{KeyItem: k, Swatch: swatch(k.Color)})
		}
		sec.Head, sec.Rows = r.table(f.ID)
		page.Sections = append(page.Sections, sec)
	}
	if err := reportPage.Execute(w, page); err != nil {
		return fmt.Errorf("write the report: %w", err)
	}
	return nil
}

// pageData is what the page's template reads.
type pageData struct {
	Report
	Written   string
	Documents string
	Statuses  []cell
	Sections  []section
}

// section is one figure on the page.
type section struct {
	Figure
	SVG  template.HTML
	Key  []keyItem
	Head []string
	Rows [][]string
}

// keyItem is a KeyItem with its colour as CSS.
type keyItem struct {
	KeyItem
	Swatch template.CSS
}

// cell is a name and a number.
type cell struct{ Name, N string }

// swatch returns the CSS background of a key's colour, "" for none.
func swatch(c color.NRGBA) template.CSS {
	if c.A == 0 {
		return ""
	}
	return template.CSS(fmt.Sprintf("background:#%02x%02x%02x", c.R, c.G, c.B))
}

// table returns the header and rows of the table of figure id's numbers.
func (r Report) table(id string) ([]string, [][]string) {
	p := r.Progress
	switch id {
	case "finished":
		names := make([]string, 0, len(p.Finished))
		days := map[string]map[string]int{}
		for who, list := range p.Finished {
			names = append(names, who)
			for _, d := range list {
				k := d.Day.Format("2006-01-02")
				if days[k] == nil {
					days[k] = map[string]int{}
				}
				days[k][who] = d.N
			}
		}
		sort.Strings(names)
		keys := make([]string, 0, len(days))
		for k := range days {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var rows [][]string
		for _, k := range keys {
			row := []string{k}
			for _, who := range names {
				row = append(row, thousands(days[k][who]))
			}
			rows = append(rows, row)
		}
		return append([]string{"day"}, names...), rows
	case "labels":
		var rows [][]string
		names, _ := labelOrder(p, r.Schema)
		for _, name := range names {
			rows = append(rows, []string{name, thousands(p.EntityLabels[name])})
		}
		return []string{"label", "spans"}, rows
	case "stances":
		head := []string{"target"}
		for _, l := range r.Schema.StanceLabels {
			head = append(head, l.Name)
		}
		ids := make([]string, 0, len(p.DocStances))
		for id := range p.DocStances {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(a, b string) int { return targetIndex(r.Schema, a) - targetIndex(r.Schema, b) })
		var rows [][]string
		for _, id := range ids {
			name := id
			if n := p.TargetNames[id]; n != "" {
				name = n
			}
			row := []string{name}
			for _, l := range r.Schema.StanceLabels {
				row = append(row, thousands(p.DocStances[id][l.Name]))
			}
			rows = append(rows, row)
		}
		return head, rows
	case "time":
		var rows [][]string
		for i, b := range store.TimeBins {
			if i < len(p.Time) {
				rows = append(rows, []string{b.Name, thousands(p.Time[i])})
			}
		}
		return []string{"time spent", "documents"}, rows
	}
	return nil, nil
}

// targetIndex is the place of target id in the schema, after its targets when it lacks it.
func targetIndex(sc labels.Schema, id string) int {
	for i, t := range sc.Targets {
		if t.ID == id {
			return i
		}
	}
	return len(sc.Targets)
}

// dir returns the direction of a text for its dir attribute: that of its first strong
// character, as bidi's rule P2 finds it ("auto" lets the browser find it when it has none).
func dir(s string) string {
	for _, r := range s {
		switch bidi.ClassOf(r) {
		case bidi.L:
			return "ltr"
		case bidi.R, bidi.AL:
			return "rtl"
		}
	}
	return "auto"
}

var reportPage = template.Must(template.New("report").Funcs(template.FuncMap{"dir": dir}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Progress of {{.Project}}</title>
<style>
body { font-family: "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 64em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; }
.note, .meta { color: #555; }
figure { margin: 1em 0; } figure svg { max-width: 100%; height: auto; }
ul.key { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.4em; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; vertical-align: middle; margin-inline-end: 0.3em; }
code { background: #f2f2f2; padding: 0 0.25em; }
table { border-collapse: collapse; margin: 0.5em 0; } th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; }
td.n { text-align: end; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<h1>Progress of <bdi dir="{{dir .Project}}">{{.Project}}</bdi></h1>
<p class="meta">{{.Documents}} documents · written {{.Written}} by tawsimctl stats --html</p>
<table><caption>Documents per status, one count per annotator of each document</caption>
<tr>{{range .Statuses}}<th>{{.Name}}</th>{{end}}</tr>
<tr>{{range .Statuses}}<td class="n">{{.N}}</td>{{end}}</tr>
</table>
{{range .Sections}}<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{if .Empty}}<p class="note">{{.Empty}}</p>{{else}}<p class="note">{{.Note}}</p>
<figure>{{.SVG}}</figure>
{{if .Key}}<ul class="key">{{range .Key}}<li>{{if .Swatch}}<span class="swatch" style="{{.Swatch}}"></span>{{end}}{{if and .Code (ne .Code .Name)}}<code>{{.Code}}</code> {{end}}<bdi dir="{{dir .Name}}">{{.Name}}</bdi></li>{{end}}</ul>{{end}}
<table>
<tr>{{range .Head}}<th><bdi dir="{{dir .}}">{{.}}</bdi></th>{{end}}</tr>
{{range .Rows}}<tr>{{range $i, $c := .}}{{if eq $i 0}}<td><bdi dir="{{dir $c}}">{{$c}}</bdi></td>{{else}}<td class="n">{{$c}}</td>{{end}}{{end}}</tr>
{{end}}</table>{{end}}
</section>
{{end}}</body>
</html>
`))
