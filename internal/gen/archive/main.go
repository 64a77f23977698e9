// Command archive writes an archive of real text and drafts to check
// against it, for measuring `neardup index add` and `neardup check` from
// the command line (see package internal/benchtext for the text):
//
//	go run ./internal/gen/archive -n 100000 -o /tmp/arch
//	neardup index add --index /tmp/arch/index.ndx /tmp/arch/archive.jsonl
//	neardup check --index /tmp/arch/index.ndx /tmp/arch/drafts/draft-01.txt
//
// It writes DIR/archive.jsonl, one document of -per paragraphs a line
// ({"id","title","text"}, paragraphs separated by blank lines), and
// DIR/drafts/draft-NN.txt, -drafts drafts of -words words, a quarter of
// their paragraphs copied from the archive and an eighth copied with edits.
// It reads the research corpora in ../shared/eval/corpora, which the
// project does not ship, and fails when they are absent.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/neardup/neardup/internal/benchtext"
)

func main() {
	n := flag.Int("n", 10000, "paragraphs in the archive")
	per := flag.Int("per", 5, "paragraphs per archive document")
	drafts := flag.Int("drafts", 20, "drafts to write")
	words := flag.Int("words", 1000, "words per draft")
	seed := flag.Uint64("seed", 1, "seed of the generated text")
	dir := flag.String("corpora", "", "directory of the research corpora (default ../shared/eval/corpora)")
	out := flag.String("o", "", "output directory (required)")
	flag.Parse()
	if *out == "" || *n < 1 || *per < 1 {
		fmt.Fprintln(os.Stderr, "archive: need -o DIR, -n and -per of 1 or more")
		os.Exit(2)
	}
	if err := run(*dir, *out, *n, *per, *drafts, *words, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "archive:", err)
		os.Exit(1)
	}
}

func run(dir, out string, n, per, drafts, words int, seed uint64) error {
	src, err := benchtext.Load(dir)
	if err != nil {
		return err
	}
	paras := src.Paragraphs(n, seed)
	if err := os.MkdirAll(filepath.Join(out, "drafts"), 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(out, "archive.jsonl"))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	for i := 0; i < len(paras); i += per {
		rec := struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			Text  string `json:"text"`
		}{fmt.Sprintf("doc-%07d", i/per), fmt.Sprintf("Archive document %d", i/per), strings.Join(paras[i:min(i+per, len(paras))], "\n\n")}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	for d := 1; d <= drafts; d++ {
		text := src.Draft(words, paras, seed+uint64(d))
		if err := os.WriteFile(filepath.Join(out, "drafts", fmt.Sprintf("draft-%02d.txt", d)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "archive: %d paragraphs (%d real) in %s, %d drafts\n", len(paras), min(len(paras), src.Real()), out, drafts)
	return nil
}
