// Command judged measures how precise `neardup scan` is on real corpora,
// against pairs a reader labelled. It reads a labels file and the JSON
// report of a scan of the same corpus, and prints, for each label, how
// many of the labelled pairs the report holds (as a duplicate or a
// paraphrase) and the share labelled "same" among those it holds.
//
// A labels file is TSV with a header: doc_a, start_a, doc_b, start_b (a
// pair's units by document id and byte offset, as the JSON report gives
// them), label and a note. reuters21578.tsv and 20news-train.tsv label
// paraphrase pairs drawn at random (fixed seeds) from the scans of commit
// 87a3c77 of the corpora of ../shared/eval/corpora: 200 of Reuters-21578's
// 134,974 and 100 of 20 Newsgroups' 16,090; the -2 files paraphrase
// pairs, and the -duplicates files duplicate pairs, of the scans of commit
// 127ffb8: 200 of Reuters' 67,600 and 150 of 20 Newsgroups' 15,660
// paraphrase pairs, 60 of Reuters' 5,208 and 40 of 20 Newsgroups' 12,893
// duplicate pairs. reuters21578-3.tsv and 20news-train-3.tsv label 150 and
// 100 paraphrase pairs of the scans of commit 7229b91 (seeds 41 and 42);
// the -4 files, read by another reader, 150 and 100 drawn from the scans
// of commit 352e227 (seeds 51 and 52) and the pairs of the -3 files,
// shuffled together so that the reader could not tell which report a pair
// came from. Readers who saw neither scores nor rules labelled each pair
// from its two texts:
//
//   - same: one statement, fact, event or request, reworded or copied,
//     perhaps with a detail added or dropped;
//   - template: one wording frame filled with other facts (other
//     companies, figures, dates);
//   - related: one topic or shared words, another statement;
//   - unclear.
//
// The texts stay out of the repository (research licences); the offsets
// find them in the corpus. (The first two samples were drawn with Python's
// random.sample, seeds 11 and 12, over the reports' paraphrase pairs in
// order; the others with -draw, which draws a sample the same way with
// Go's generator: seeds 31 and 32, 21 and 22 with -kind duplicate.)
//
//	neardup scan --format json -o reuters.json reuters21578.jsonl
//	go run ./internal/gen/judged internal/gen/judged/reuters21578.tsv reuters.json
//
// With -draw N, judged instead draws N paraphrase pairs (or, with -kind
// duplicate, duplicate pairs) of a report at random (-seed) and writes
// them for a reader: the labels file's columns with the label empty, then
// both texts, and no scores.
//
//	go run ./internal/gen/judged -draw 200 -seed 1 reuters.json > to-label.tsv
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

type key struct {
	docA   string
	startA int
	docB   string
	startB int
}

func main() {
	draw := flag.Int("draw", 0, "draw this many paraphrase pairs of REPORT.json for labelling")
	seed := flag.Uint64("seed", 1, "seed of the draw")
	kind := flag.String("kind", "paraphrase", "kind of the pairs drawn: paraphrase or duplicate")
	slack := flag.Int("slack", 0, "hold a labelled pair when a reported pair of its two documents has units that hold its two starts, up to this many bytes before them (0: the starts must be the units' own); for reports whose units were cut again (quote markers left out)")
	flag.Parse()
	if *draw > 0 && flag.NArg() == 1 {
		if err := drawPairs(os.Stdout, flag.Arg(0), *kind, *draw, *seed); err != nil {
			fmt.Fprintln(os.Stderr, "judged:", err)
			os.Exit(1)
		}
		return
	}
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: judged LABELS.tsv REPORT.json, or judged -draw N [-seed S] REPORT.json")
		os.Exit(2)
	}
	line, err := run(flag.Arg(0), flag.Arg(1), *slack)
	if err != nil {
		fmt.Fprintln(os.Stderr, "judged:", err)
		os.Exit(1)
	}
	fmt.Println(line)
}

func run(labelsPath, reportPath string, slack int) (string, error) {
	labels, err := readLabels(labelsPath)
	if err != nil {
		return "", err
	}
	pairs, err := readPairs(reportPath)
	if err != nil {
		return "", err
	}
	held := heldBy(pairs, slack)
	total, kept := map[string]int{}, map[string]int{}
	for k, l := range labels {
		total[l]++
		if held(k) {
			kept[l]++
		}
	}
	var names []string
	for l := range total {
		names = append(names, l)
	}
	slices.Sort(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d labelled pairs; held", filepath.Base(labelsPath), len(labels))
	all, allKept := 0, 0
	for _, l := range names {
		fmt.Fprintf(&b, " %s %d/%d", l, kept[l], total[l])
		all += total[l]
		allKept += kept[l]
	}
	fmt.Fprintf(&b, "; same among those held %.3f (among all labelled %.3f)",
		float64(kept["same"])/float64(max(allKept, 1)), float64(total["same"])/float64(max(all, 1)))
	return b.String(), nil
}

func readLabels(path string) (map[key]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := make(map[key]string)
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if n == 1 {
			continue // header
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 5 {
			return nil, fmt.Errorf("%s:%d: want 5 or 6 tab-separated fields, found %d", path, n, len(fs))
		}
		sa, errA := strconv.Atoi(fs[1])
		sb, errB := strconv.Atoi(fs[3])
		if errA != nil || errB != nil {
			return nil, fmt.Errorf("%s:%d: start offsets %q, %q: want integers", path, n, fs[1], fs[3])
		}
		out[key{fs[0], sa, fs[2], sb}] = fs[4]
	}
	return out, sc.Err()
}

// reportPair is a pair of a scan's JSON report.
type reportPair struct {
	A, B struct {
		Doc   string `json:"doc"`
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
	Kind string `json:"kind"`
}

// readPairs returns the pairs of a scan's JSON report, in its order.
func readPairs(path string) ([]reportPair, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r struct {
		Pairs []reportPair `json:"pairs"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return r.Pairs, nil
}

// readReport returns the pairs a scan's JSON report holds.
// heldBy returns whether the report's pairs hold a labelled pair: one of
// them has its two units by document and start, or with slack, units of
// its two documents whose spans, from slack bytes before their starts,
// hold its two starts.
func heldBy(pairs []reportPair, slack int) func(key) bool {
	type span struct{ a0, a1, b0, b1 int }
	exact := make(map[key]bool, len(pairs))
	byDocs := make(map[[2]string][]span)
	for _, p := range pairs {
		if p.Kind == "different" {
			continue
		}
		exact[key{p.A.Doc, p.A.Start, p.B.Doc, p.B.Start}] = true
		byDocs[[2]string{p.A.Doc, p.B.Doc}] = append(byDocs[[2]string{p.A.Doc, p.B.Doc}], span{p.A.Start, p.A.End, p.B.Start, p.B.End})
		byDocs[[2]string{p.B.Doc, p.A.Doc}] = append(byDocs[[2]string{p.B.Doc, p.A.Doc}], span{p.B.Start, p.B.End, p.A.Start, p.A.End})
	}
	return func(k key) bool {
		if exact[k] || exact[key{k.docB, k.startB, k.docA, k.startA}] {
			return true
		}
		if slack <= 0 {
			return false
		}
		for _, s := range byDocs[[2]string{k.docA, k.docB}] {
			if s.a0-slack <= k.startA && k.startA < s.a1 && s.b0-slack <= k.startB && k.startB < s.b1 {
				return true
			}
		}
		return false
	}
}

// drawPairs writes n pairs of a kind of a report drawn at random, for a
// reader to label: no scores, tabs and newlines in the texts made spaces.
func drawPairs(w io.Writer, path, kind string, n int, seed uint64) error {
	pairs, err := readPairs(path)
	if err != nil {
		return err
	}
	var para []reportPair
	for _, p := range pairs {
		if p.Kind == kind {
			para = append(para, p)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0))
	rng.Shuffle(len(para), func(i, j int) { para[i], para[j] = para[j], para[i] })
	flat := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "doc_a\tstart_a\tdoc_b\tstart_b\tlabel\tnote\ttext_a\ttext_b")
	for _, p := range para[:min(n, len(para))] {
		fmt.Fprintf(bw, "%s\t%d\t%s\t%d\t\t\t%s\t%s\n", p.A.Doc, p.A.Start, p.B.Doc, p.B.Start, flat.Replace(p.A.Text), flat.Replace(p.B.Text))
	}
	return bw.Flush()
}
