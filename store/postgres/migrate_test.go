package postgres

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tawsim/tawsim/internal/pgtest"
	"github.com/tawsim/tawsim/labels"
)

// TestMigratePacksTokens: own tokens stored as JSON before migration 0003 are packed as the
// file packs them (varints of more than one byte included), and read back as they were.
func TestMigratePacksTokens(t *testing.T) {
	url := pgtest.Database(t)
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	for _, m := range migrations {
		if m.Version < 3 {
			if err := apply(ctx, pool, m); err != nil {
				t.Fatal(err)
			}
		}
	}
	text := strings.Repeat("ب", 300)
	toks := []labels.Offsets{{Start: 0, End: 3}, {Start: 150, End: 290}, {Start: 290, End: 291}}
	rows := []struct {
		id, tokens any
	}{
		{"d1", `[{"start":0,"end":3},{"start":150,"end":290},{"start":290,"end":291}]`},
		{"d2", `[]`},
		{"d3", nil},
	}
	for i, r := range rows {
		_, err := pool.Exec(ctx, `INSERT INTO documents (ord, id, external_id, source_file, title, hash, runes, created, metadata, tokens, text)
VALUES ($1, $2, '', '', '', $3, 300, '2024-01-01T00:00:00.000000000Z', NULL, $4, $5)`,
			i+1, r.id, labels.TextHash(text)+r.id.(string), r.tokens, text)
		if err != nil {
			t.Fatal(err)
		}
	}
	pool.Close()

	s, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var packed, empty []byte
	var none *[]byte
	if err := s.pool.QueryRow(ctx, "SELECT (SELECT tokens FROM documents WHERE id = 'd1'), (SELECT tokens FROM documents WHERE id = 'd2'), (SELECT tokens FROM documents WHERE id = 'd3')").
		Scan(&packed, &empty, &none); err != nil {
		t.Fatal(err)
	}
	want, _ := labels.PackTokens(toks)
	if !bytes.Equal(packed, want) || empty == nil || len(empty) != 0 || none != nil {
		t.Errorf("packed %x (want %x), empty %x (nil: %v), none %v", packed, []byte(want), empty, empty == nil, none)
	}
	d, err := s.Document(ctx, "d1")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Tokens, toks) {
		t.Errorf("tokens read back %v, want %v", d.Tokens, toks)
	}
}
