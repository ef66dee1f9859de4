package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

const ucdDir = "/usr/share/unicode"

// checked reads the checked-in tables, or skips the test when the database is missing or of
// another version than the tables.
func checked(t *testing.T) []byte {
	t.Helper()
	want, err := os.ReadFile("../../tables_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	_, version, err := readBrackets(filepath.Join(ucdDir, "BidiBrackets.txt"), nil)
	if os.IsNotExist(err) {
		t.Skipf("%s is missing: install Debian's unicode-data package (scripts/deps.sh does)", ucdDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(want, []byte(`UnicodeVersion = "`+version+`"`)) {
		t.Skipf("%s is version %s, not the version of tables_gen.go", ucdDir, version)
	}
	return want
}

// TestTablesUpToDate checks that tables_gen.go is what gen writes from the installed database.
func TestTablesUpToDate(t *testing.T) {
	want := checked(t)
	got, err := generate(ucdDir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("tables_gen.go differs from what the installed database gives: run go generate ./arabic/bidi")
	}
}

// TestDefaultsWithoutDerived generates the tables from a folder without
// extracted/DerivedBidiClass.txt: UnicodeData.txt and the UAX #9 defaults must give the same.
func TestDefaultsWithoutDerived(t *testing.T) {
	want := checked(t)
	dir := t.TempDir()
	for _, name := range []string{"UnicodeData.txt", "DerivedCoreProperties.txt", "BidiBrackets.txt", "BidiMirroring.txt"} {
		if err := os.Symlink(filepath.Join(ucdDir, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("the tables from UnicodeData.txt and the defaults differ from tables_gen.go")
	}
}
