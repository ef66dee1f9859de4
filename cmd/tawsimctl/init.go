package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/tawsim/tawsim/labels"
	"github.com/tawsim/tawsim/seeds"
	"github.com/tawsim/tawsim/store/open"
)

func runInit(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "init", "init --db PROJECT [--schema wojood|SCHEMA.json] [--sample]\n\n"+
		"Creates a project with the default schema (ANERcorp's PERS, ORG, LOC, MISC, which may nest),\n"+
		"Wojood's 21 nested entity types (--schema wojood), or a schema of your own (a JSON file).")
	db := flags.String("db", "", "the project file to create")
	schemaPath := flags.String("schema", "", "a built-in schema ("+strings.Join(seeds.SchemaNames(), ", ")+
		") or a label schema file (JSON; ./NAME for a file with a built-in's name)")
	sample := flags.Bool("sample", false, "add the built-in sample article")
	if err := parseNoArgs(flags, args, db); err != nil {
		return err
	}
	schema, builtin := seeds.SchemaNamed(*schemaPath)
	switch {
	case *schemaPath == "":
		schema = seeds.Schema()
	case !builtin:
		var err error
		if schema, err = readSchema(*schemaPath); err != nil {
			return err
		}
	}
	if _, err := os.Stat(*db); !errors.Is(err, fs.ErrNotExist) && !open.IsServer(*db) {
		return fmt.Errorf("%s already exists: choose another path, or use it as it is", *db)
	}
	if open.IsServer(*db) {
		if err := serverEmpty(ctx, *db); err != nil {
			return err
		}
	}
	st, err := openOrCreateWith(ctx, *db, schema)
	if err != nil {
		return err
	}
	defer st.Close()
	n := 0
	if *sample {
		res, err := st.AddDocuments(ctx, seeds.Documents())
		if err != nil {
			return err
		}
		n = res.Added
	}
	fmt.Fprintf(e.stdout, "created %s: %s, %s, %s, %s\n", open.Name(*db), plural(len(schema.Entities), "entity label"),
		plural(len(schema.StanceLabels), "stance label"), plural(len(schema.Targets), "target"), plural(n, "document"))
	return nil
}

func readSchema(path string) (labels.Schema, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return labels.Schema{}, err
	}
	sc, err := labels.ParseSchema(b)
	if err != nil {
		return labels.Schema{}, fmt.Errorf("%s: %w", path, err)
	}
	return sc, nil
}

// serverEmpty refuses to make a project of a server database that holds one already.
func serverEmpty(ctx context.Context, url string) error {
	st, err := open.Project(url)
	if err != nil {
		return err
	}
	defer st.Close()
	sc, err := st.Schema(ctx)
	if err != nil {
		return err
	}
	if n, err := st.CountDocuments(ctx); err != nil || n > 0 || len(sc.Entities) > 0 || len(sc.StanceLabels) > 0 {
		if err != nil {
			return err
		}
		return fmt.Errorf("%s holds a project already: use it as it is", open.Name(url))
	}
	return nil
}
