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
	if _, err := os.Stat(*db); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s already exists: choose another path, or use it as it is", *db)
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
	fmt.Fprintf(e.stdout, "created %s: %s, %s, %s, %s\n", *db, plural(len(schema.Entities), "entity label"),
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
