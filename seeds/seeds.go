// Package seeds holds what a new project starts from: the default label schema (ANERcorp's
// entity set, stance labels and the seed article's targets) and the built-in sample corpus.
package seeds

import (
	"context"
	_ "embed"
	"fmt"
	"strings"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/store"
)

//go:embed schema.json
var schemaJSON []byte

//go:embed seed-article-tripoli.txt
var seedArticle string

// SeedFile is the name the sample article is recorded under as its source file.
const SeedFile = "seed-article-tripoli.txt"

// Schema returns the default label schema.
func Schema() labels.Schema {
	sc, err := labels.ParseSchema(schemaJSON)
	if err != nil {
		panic("seeds: the embedded schema is invalid: " + err.Error())
	}
	return sc
}

// Documents returns the built-in sample corpus.
func Documents() []labels.Document {
	title, _, _ := strings.Cut(seedArticle, "\n")
	return []labels.Document{{
		ExternalID: "seed-tripoli",
		SourceFile: SeedFile,
		Title:      title,
		Text:       seedArticle,
	}}
}

// Init gives st the default schema when it has none yet. It changes nothing in a project
// that already has labels.
func Init(ctx context.Context, st *store.Store, annotator string) error {
	sc, err := st.Schema(ctx)
	if err != nil {
		return err
	}
	if len(sc.Entities) > 0 || len(sc.StanceLabels) > 0 {
		return nil
	}
	if err := st.SetSchema(ctx, annotator, Schema()); err != nil {
		return fmt.Errorf("set default schema: %w", err)
	}
	return nil
}

// OpenSample opens the project at path, creating it the first time with the default schema and
// the sample corpus. Adding the sample again to a project that has it adds nothing.
func OpenSample(ctx context.Context, path, annotator string) (*store.Store, error) {
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	if err := Init(ctx, st, annotator); err != nil {
		st.Close()
		return nil, err
	}
	n, err := st.CountDocuments(ctx)
	if err == nil && n == 0 {
		_, err = st.AddDocuments(ctx, Documents())
	}
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("add the sample corpus: %w", err)
	}
	return st, nil
}
