package neardup

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/neardup/neardup/corpus"
)

func TestZZPlanted(t *testing.T) {
	dir := os.Getenv("ZZGC")
	if dir == "" {
		t.Skip()
	}
	f, _ := os.Open(dir + "/corpus.jsonl")
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r struct{ Text string }
		json.Unmarshal(sc.Bytes(), &r)
		texts = append(texts, r.Text)
	}
	tp, _ := os.ReadFile(dir + "/truth_pairs.tsv")
	type pair struct {
		src, cp int
		kind    string
	}
	var pairs []pair
	isCopy := map[int]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(tp)), "\n")[1:] {
		f := strings.Split(l, "\t")
		a, _ := strconv.Atoi(f[0])
		b, _ := strconv.Atoi(f[1])
		pairs = append(pairs, pair{a, b, f[2]})
		isCopy[b] = true
	}
	ix, _ := OpenIndex("", IndexOptions{MaxCandidates: 1 << 20, MaxMatches: 1 << 20})
	ix2, _ := OpenIndex("", IndexOptions{MaxCandidates: 32, MaxMatches: 100})
	var docs []corpus.Document
	for i, tx := range texts {
		if !isCopy[i] {
			docs = append(docs, corpus.Document{ID: strconv.Itoa(i), Format: corpus.Text, Text: tx})
		}
	}
	ix.Add(context.Background(), docs...)
	ix2.Add(context.Background(), docs...)
	// Rank of the source among the candidates of each copy, and whether Check finds it.
	for _, budget := range []int{1 << 15, 1 << 13} {
		ix.budget = budget
		ix2.budget = budget
		ranks := map[string][]int{}
		shares := map[string][]float64{}
		found := map[string]int{}
		total := map[string]int{}
		for pi, p := range pairs {
			if isCopy[p.src] || pi%3 != 0 {
				continue
			}
			c, _ := ix.newChecker([]corpus.Document{{ID: "copy", Format: corpus.Text, Text: texts[p.cp]}}, CheckOptions{Scope: ScopeAcross})
			cands, recs, _ := c.propose()
			rank := -1
			share := 0.0
			var tot float64
			for i, cd := range cands {
				if recs[cd.id].Doc.ID == strconv.Itoa(p.src) {
					rank = i
					share = cd.w
					break
				}
			}
			_ = tot
			shares[p.kind] = append(shares[p.kind], share/c.lastTotal)
			total[p.kind]++
			ranks[p.kind] = append(ranks[p.kind], rank)
			if budget == 1<<15 {
				res, _ := ix2.Check(context.Background(), []corpus.Document{{ID: "copy", Format: corpus.Text, Text: texts[p.cp]}}, CheckOptions{Scope: ScopeAcross})
				for _, f := range res.Findings {
					if f.Match.Doc == strconv.Itoa(p.src) {
						found[p.kind]++
						break
					}
				}
			}
		}
		for _, k := range []string{"exact", "near", "paraphrase"} {
			within := map[int]int{}
			for _, r := range ranks[k] {
				for _, K := range []int{8, 16, 24, 32, 48, 1 << 30} {
					if r >= 0 && r < K {
						within[K]++
					}
				}
			}
			lo := map[float64]int{}
			for _, sh := range shares[k] {
				for _, th := range []float64{0.1, 0.25, 0.4, 0.5} {
					if sh < th {
						lo[th]++
					}
				}
			}
			fmt.Printf("  shares below 0.1 %d, 0.25 %d, 0.4 %d, 0.5 %d\n", lo[0.1], lo[0.25], lo[0.4], lo[0.5])
			fmt.Printf("budget %d %s n=%d: rank<8 %d <16 %d <24 %d <32 %d <48 %d any %d; check finds (K=32) %d\n", budget, k, total[k], within[8], within[16], within[24], within[32], within[48], within[1<<30], found[k])
		}
	}
}
