package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedTable regenerates the synonym table with the default flags
// and checks it equals the committed score/synonyms.bin byte for byte.
// It needs Debian's wordnet-base and is skipped without it.
func TestCommittedTable(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if _, err := os.Stat(filepath.Join(dir, "data.noun")); err != nil {
		t.Skip("wordnet-base not installed")
	}
	if testing.Short() {
		t.Skip("slow")
	}
	out := filepath.Join(t.TempDir(), "synonyms.bin")
	if err := run(dir, out, 3, true, true); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../../score/synonyms.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("regenerated table (%d bytes) differs from score/synonyms.bin (%d bytes): run go generate ./score", len(got), len(want))
	}
}
