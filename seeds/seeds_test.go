package seeds

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tawsim/tawsim/labels"
)

func TestSchema(t *testing.T) {
	sc := Schema()
	var names []string
	for _, l := range sc.Entities {
		names = append(names, l.Name+":"+l.Hotkey)
	}
	if got := strings.Join(names, " "); got != "PERS:1 ORG:2 LOC:3 MISC:4" {
		t.Errorf("entities %s", got)
	}
	if len(sc.StanceLabels) != 4 || len(sc.Targets) != 3 || sc.Nesting != labels.NestingNested {
		t.Errorf("stance labels %d, targets %d, nesting %q", len(sc.StanceLabels), len(sc.Targets), sc.Nesting)
	}
}

// TestSampleIsTheSeedArticle keeps the embedded copy equal to the shared seed article.
func TestSampleIsTheSeedArticle(t *testing.T) {
	want, err := os.ReadFile("../../shared/data/seed-article-tripoli.txt")
	if err != nil {
		t.Skip("shared data not present")
	}
	if got := Documents()[0].Text; got != string(want) {
		t.Error("the embedded sample differs from the shared seed article")
	}
}

func TestOpenSample(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "default.tawsim")
	for range 2 {
		st, err := OpenSample(ctx, path, "amal")
		if err != nil {
			t.Fatal(err)
		}
		n, err := st.CountDocuments(ctx)
		if err != nil || n != 1 {
			t.Fatalf("documents = %d, %v; want 1", n, err)
		}
		sc, err := st.Schema(ctx)
		if err != nil || len(sc.Entities) != 4 {
			t.Fatalf("schema %+v, %v", sc, err)
		}
		doc, err := st.DocumentByOrder(ctx, 1)
		if err != nil || doc.Title != "تقهقر الميليشيات في طرابلس مع تقدم الجيش الليبي" {
			t.Fatalf("title %q, %v", doc.Title, err)
		}
		st.Close()
	}
}
