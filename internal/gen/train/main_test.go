package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedModel trains the model with the default flags, exactly as
// the command in score/model.go's header does, and checks that the result
// equals the committed score/model.go byte for byte: a change to the
// features or the learner that the model was not retrained for fails here.
// It reads the training splits in ../shared/eval/pairs (skipped when they
// are absent) and takes about two minutes on two cores (skipped with
// -short).
func TestCommittedModel(t *testing.T) {
	data := "../../../../shared/eval/pairs"
	if _, err := os.Stat(filepath.Join(data, "mrpc-train.tsv")); err != nil {
		t.Skip("training splits not found")
	}
	if testing.Short() {
		t.Skip("slow")
	}
	c, err := parseFlags(flag.NewFlagSet("train", flag.ContinueOnError), []string{"-data", data, "-o", filepath.Join(t.TempDir(), "model.go")})
	if err != nil {
		t.Fatal(err)
	}
	if err := run(c.data, c.out, c.folds, c.seed, c.ablate, c.lambda, c.pairCorpus, c.bg, io.Discard); err != nil {
		t.Fatal(err)
	}
	out := c.out
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../../score/model.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the trained model (%d bytes) differs from score/model.go (%d bytes): run go run ./internal/gen/train -data ../shared/eval/pairs -o score/model.go", len(got), len(want))
	}
}
