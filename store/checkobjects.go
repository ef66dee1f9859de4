package store

import (
	"context"
	"database/sql"
	"slices"
	"sync"
)

// schemaObjects lists "type name" of the tables, indexes, triggers and views of db that are
// not SQLite's own.
func schemaObjects(ctx context.Context, db queryer) ([]string, error) {
	return column[string](ctx, db,
		"SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY 1")
}

// wantObjects is what this build's migrations make in an empty file, read once from one
// migrated in memory.
var wantObjects = sync.OnceValues(func() ([]string, error) {
	ctx := context.Background()
	db, err := sql.Open(writerDriver, ":memory:") // the functions the migrations call
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: each would have a database of its own
	if err := migrate(ctx, db, ":memory:"); err != nil {
		return nil, err
	}
	return schemaObjects(ctx, db)
})

// objects reports the tables, indexes, triggers and views the migrations made that the file
// lacks (dropped by another program): the search index, a count kept by a trigger... The
// steps after it read them, so Check stops at it when one is missing.
func (c *checker) objects(ctx context.Context) error {
	want, err := wantObjects()
	if err != nil {
		return err
	}
	have, err := schemaObjects(ctx, c.tx)
	if err != nil {
		return err
	}
	for _, o := range want {
		if !slices.Contains(have, o) {
			c.report("schema: the %s is missing (removed by another program); tawsimctl copy makes a sound copy of the project in a new file", o)
			c.incomplete = true
		}
	}
	return nil
}
