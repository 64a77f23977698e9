// Command scanrecall measures what `neardup scan` finds of real labelled
// paraphrases: it takes N pairs of a labelled pair file (shuffled with a
// fixed seed), makes each text a document of one corpus, scans it with the
// shipped options (paragraph units, --scope across, --min-words 1), and
// reports how many of the labelled positives come out as a reported pair,
// how many labelled negatives do, and how many pairs join texts of
// different labelled pairs (their truth is unknown). STS-B's graded pairs
// count as positive from 3 of 5.
//
// With -pad FILE the documents of FILE (any format corpus.Read takes, such
// as a JSONL news corpus) join the corpus as distractors: a corpus of more
// than 20,000 compared units takes the approximate candidate path of large
// corpora (see candidates.go), which the labelled pairs alone (3,000 pairs,
// 6,000 units) never reach. Pairs with a padding unit are not counted.
//
// The scorer alone (`neardup pairs FILE`) bounds what the scan can find:
// a pair the scan misses was not proposed by candidate search, or was
// turned down by a scan-only rule (partial overlap of multi-sentence units,
// different figures).
//
//	go run ./internal/gen/scanrecall -n 3000 ../shared/eval/pairs/pan-train.tsv
//	go run ./internal/gen/scanrecall -n 3000 -pad /tmp/reuters.jsonl ../shared/eval/pairs/pan-train.tsv
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/score"
)

func main() {
	n := flag.Int("n", 3000, "pairs drawn from each file")
	seed := flag.Uint64("seed", 7, "shuffle seed")
	pad := flag.String("pad", "", "documents to add to the corpus as distractors (pairs with them are not counted)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: scanrecall [-n N] [-seed S] PAIRS.tsv...")
		os.Exit(2)
	}
	var padding []corpus.Document
	if *pad != "" {
		err := corpus.Read([]string{*pad}, nil, corpus.Options{}, func(d *corpus.Document) error {
			d.ID = "pad:" + d.ID
			padding = append(padding, *d)
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "scanrecall:", err)
			os.Exit(1)
		}
	}
	for _, path := range flag.Args() {
		line, err := run(path, *n, *seed, padding)
		if err != nil {
			fmt.Fprintln(os.Stderr, "scanrecall:", err)
			os.Exit(1)
		}
		fmt.Println(line)
	}
}

// run measures one file and returns its line of figures.
func run(path string, n int, seed uint64, padding []corpus.Document) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	pairs, err := score.ReadPairs(f, path)
	if err != nil {
		return "", err
	}
	rand.New(rand.NewPCG(seed, 0)).Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
	pairs = pairs[:min(n, len(pairs))]
	graded := strings.Contains(filepath.Base(path), "stsb")
	positive := func(p score.LabeledPair) bool {
		if graded {
			return p.Label >= 3
		}
		return p.Label == 1
	}
	docs := make([]corpus.Document, 0, 2*len(pairs))
	for i, p := range pairs {
		docs = append(docs,
			corpus.Document{ID: strconv.Itoa(i) + "a", Format: corpus.Text, Text: p.A},
			corpus.Document{ID: strconv.Itoa(i) + "b", Format: corpus.Text, Text: p.B})
	}
	docs = append(docs, padding...)
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{Scope: neardup.ScopeAcross, MinWords: 1})
	if err != nil {
		return "", err
	}
	found := make(map[int]bool)
	across := 0
	for _, p := range res.Pairs {
		a, b := res.Units[p.A].Doc, res.Units[p.B].Doc
		if strings.HasPrefix(a, "pad:") || strings.HasPrefix(b, "pad:") {
			continue
		}
		if a[:len(a)-1] != b[:len(b)-1] {
			across++
			continue
		}
		k, _ := strconv.Atoi(a[:len(a)-1])
		found[k] = true
	}
	pos, tp, fp := 0, 0, 0
	for i, p := range pairs {
		switch {
		case positive(p):
			pos++
			if found[i] {
				tp++
			}
		case found[i]:
			fp++
		}
	}
	return fmt.Sprintf("%s: %d pairs, %d positive; reported %d positives (recall %.4f), %d negatives, %d pairs across labelled pairs; %d candidates",
		filepath.Base(path), len(pairs), pos, tp, float64(tp)/float64(max(pos, 1)), fp, across, res.Stats.Candidates), nil
}
