// Package synth makes synthetic Arabic news articles with entity spans, reproducibly from a
// seed, for benchmarks and load tests: real sentences of the kind Tawsim labels, mixed with
// numbers, Latin words, harakat and emoji, so that offsets are tested where they break.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"github.com/tawsim/tawsim/labels"
)

// sentence is a piece of news with the entities it names.
type sentence struct {
	text     string
	entities [][2]string // word, label
}

var sentences = []sentence{
	{"قال المتحدث باسم الجيش الوطني الليبي أحمد المسماري إن قواته تقدمت نحو العاصمة طرابلس.",
		[][2]string{{"الجيش الوطني الليبي", "ORG"}, {"أحمد المسماري", "PERS"}, {"طرابلس", "LOC"}}},
	{"وأعلنت حكومة الوفاق الوطني برئاسة فايز السراج حالة النفير العام في المنطقة الغربية.",
		[][2]string{{"حكومة الوفاق الوطني", "ORG"}, {"فايز السراج", "PERS"}}},
	{"وأكدت وزارة الخارجية التركية أن أنقرة ستواصل دعمها للحكومة المعترف بها دوليا.",
		[][2]string{{"وزارة الخارجية التركية", "ORG"}, {"أنقرة", "LOC"}}},
	{"وبلغت نسبة المشاركة في الانتخابات ٣٤٫٣ في المئة بحسب اللجنة العليا للانتخابات.",
		[][2]string{{"اللجنة العليا للانتخابات", "ORG"}}},
	{"ودعت الأمم المتحدة في بيان صدر في جنيف يوم الأحد إلى وقف فوري لإطلاق النار.",
		[][2]string{{"الأمم المتحدة", "ORG"}, {"جنيف", "LOC"}}},
	{"وأفاد مراسل الجزيرة في مصراتة بأن الاشتباكات استمرت حتى ساعات الفجر الأولى.",
		[][2]string{{"الجزيرة", "ORG"}, {"مصراتة", "LOC"}}},
	{"وقال مُحَمَّد الفلاحي، وهو من سكان المدينة: «لم نعد نحتمل هذا الوضع» 👍🏽.",
		[][2]string{{"مُحَمَّد الفلاحي", "PERS"}}},
	{"وذكرت صحيفة Corriere della Sera الإيطالية أن 25 شخصا قتلوا في هجوم لتنظيم ISIS يوم 3 أبريل 2019.",
		[][2]string{{"Corriere della Sera", "ORG"}, {"ISIS", "ORG"}}},
	{"وارتفعت أسعار النفط بنسبة 2.5% بعد إغلاق حقل الشرارة في جنوب البلاد.",
		[][2]string{{"حقل الشرارة", "LOC"}}},
}

// Article returns the n-th synthetic article (unique text for each n) of about size code
// points, with up to spans entity spans.
func Article(n uint64, size, spans int) labels.Annotated {
	r := rand.New(rand.NewPCG(n, 0x7a5))
	var b strings.Builder
	fmt.Fprintf(&b, "الخبر رقم %d من وكالة الأنباء\n", n)
	runes := utf8.RuneCountInString(b.String())
	var out []labels.Span
	for runes < size {
		s := sentences[r.IntN(len(sentences))]
		for _, e := range s.entities {
			if len(out) == spans {
				break
			}
			at := strings.Index(s.text, e[0])
			start := runes + utf8.RuneCountInString(s.text[:at])
			out = append(out, labels.Span{Start: start, End: start + utf8.RuneCountInString(e[0]), Text: e[0],
				Label: e[1], Kind: labels.KindEntity, Origin: labels.OriginImport})
		}
		b.WriteString(s.text)
		b.WriteByte(' ')
		runes += utf8.RuneCountInString(s.text) + 1
	}
	text := b.String()
	title, _, _ := strings.Cut(text, "\n")
	return labels.Annotated{
		Doc:    labels.Document{ExternalID: fmt.Sprintf("synth-%d", n), SourceFile: "synthetic", Title: title, Text: text},
		Status: labels.StatusTodo,
		Spans:  out,
	}
}
