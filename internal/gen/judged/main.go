// Command judged measures how precise `neardup scan` is on real corpora,
// against pairs a reader labelled. It reads a labels file and the JSON
// report of a scan of the same corpus, and prints, for each label, how
// many of the labelled pairs the report holds (as a duplicate or a
// paraphrase) and the share labelled "same" among those it holds.
//
// A labels file is TSV with a header: doc_a, start_a, doc_b, start_b (a
// pair's units by document id and byte offset, as the JSON report gives
// them), label and a note. The files here label paraphrase pairs drawn at
// random (fixed seeds) from the scans of commit 87a3c77 of the corpora of
// ../shared/eval/corpora: 200 of Reuters-21578's 134,974 and 100 of 20
// Newsgroups' 16,090. A reader who saw neither scores nor rules labelled
// each pair from its two texts:
//
//   - same: one statement, fact, event or request, reworded or copied,
//     perhaps with a detail added or dropped;
//   - template: one wording frame filled with other facts (other
//     companies, figures, dates);
//   - related: one topic or shared words, another statement;
//   - unclear.
//
// The texts stay out of the repository (research licences); the offsets
// find them in the corpus.
//
//	neardup scan --format json -o reuters.json reuters21578.jsonl
//	go run ./internal/gen/judged internal/gen/judged/reuters21578.tsv reuters.json
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
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
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: judged LABELS.tsv REPORT.json")
		os.Exit(2)
	}
	line, err := run(os.Args[1], os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "judged:", err)
		os.Exit(1)
	}
	fmt.Println(line)
}

func run(labelsPath, reportPath string) (string, error) {
	labels, err := readLabels(labelsPath)
	if err != nil {
		return "", err
	}
	held, err := readReport(reportPath)
	if err != nil {
		return "", err
	}
	total, kept := map[string]int{}, map[string]int{}
	for k, l := range labels {
		total[l]++
		if held[k] {
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

// readReport returns the pairs a scan's JSON report holds.
func readReport(path string) (map[key]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	type unit struct {
		Doc   string `json:"doc"`
		Start int    `json:"start"`
	}
	var r struct {
		Pairs []struct {
			A, B unit
			Kind string `json:"kind"`
		} `json:"pairs"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	held := make(map[key]bool, len(r.Pairs))
	for _, p := range r.Pairs {
		if p.Kind != "different" {
			held[key{p.A.Doc, p.A.Start, p.B.Doc, p.B.Start}] = true
		}
	}
	return held, nil
}
