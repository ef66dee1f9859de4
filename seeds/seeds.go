// Package seeds holds what a new project starts from: the default label schema (ANERcorp's
// entity set, stance labels and the seed article's targets), Wojood's schema (its 21 entity
// types, nested) and the built-in sample corpus.
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

//go:embed wojood.json
var wojoodJSON []byte

//go:embed seed-article-tripoli.txt
var seedArticle string

// SeedFile is the name the sample article is recorded under as its source file.
const SeedFile = "seed-article-tripoli.txt"

// Schema returns the default label schema: ANERcorp's entity types (PERS, ORG, LOC, MISC),
// which may nest, the stance labels and the seed article's targets.
func Schema() labels.Schema { return parse("schema.json", schemaJSON) }

// Wojood returns the schema of Wojood (Jarrar et al., LREC 2022), the nested Arabic NER
// corpus: its 21 entity types in the corpus's order, with hotkeys 1-9, 0, then q w r y u i o p
// g h l (letters the window's own keys leave free), the default stance labels and no target.
func Wojood() labels.Schema { return parse("wojood.json", wojoodJSON) }

// SchemaNames lists the names SchemaNamed knows.
func SchemaNames() []string { return []string{"default", "wojood"} }

// SchemaNamed returns the built-in schema called name ("default" or "wojood"), and false for
// another name.
func SchemaNamed(name string) (labels.Schema, bool) {
	switch name {
	case "default":
		return Schema(), true
	case "wojood":
		return Wojood(), true
	}
	return labels.Schema{}, false
}

// parse reads an embedded schema.
func parse(name string, data []byte) labels.Schema {
	sc, err := labels.ParseSchema(data)
	if err != nil {
		panic("seeds: the embedded " + name + " is invalid: " + err.Error())
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
func Init(ctx context.Context, st store.Project, annotator string) error {
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
