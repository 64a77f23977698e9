package neardup

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/internal/benchtext"
)

func TestZZExp(t *testing.T) {
	path := os.Getenv("ZZINDEX")
	if path == "" {
		t.Skip()
	}
	src, _ := benchtext.Load("")
	type cfg struct{ k, budget int }
	ref := map[string]string{} // draft unit -> best match
	refKind := map[string]Kind{}
	for ci, cf := range []cfg{{512, 1 << 30}, {48, 1 << 18}, {24, 1 << 18}, {24, 1 << 15}, {24, 1 << 13}, {16, 1 << 13}, {24, 1 << 11}} {
		ix, err := OpenIndex(path, IndexOptions{ReadOnly: true, MaxCandidates: cf.k, MaxMatches: 1})
		if err != nil {
			t.Fatal(err)
		}
		ix.budget = cf.budget
		st, _ := ix.Stats()
		paras := src.Paragraphs(int(st.Units), 1)
		read, cands := 0, 0
		hit := map[Kind]int{}
		var total time.Duration
		for i := 0; i < 10; i++ {
			d := corpus.Document{ID: fmt.Sprint("d", i), Format: corpus.Text, Text: src.Draft(1000, paras, uint64(100+i))}
			t0 := time.Now()
			c, _ := ix.newChecker([]corpus.Document{d}, CheckOptions{Scope: ScopeAcross})
			c.archive(context.Background())
			res := c.result()
			total += time.Since(t0)
			read += c.read
			cands += c.cands
			for _, f := range res.Findings {
				u := fmt.Sprint(i, ":", f.Draft.Start)
				m := fmt.Sprint(f.Match.Doc, ":", f.Match.Start)
				if ci == 0 {
					ref[u], refKind[u] = m, f.Kind
				} else if ref[u] == m {
					hit[refKind[u]]++
				}
			}
		}
		want := map[Kind]int{}
		for _, k := range refKind {
			want[k]++
		}
		fmt.Printf("k %d budget %d: best-match recall dup %d/%d para %d/%d; postings read/check %d, cands/check %d, time/check %v\n", cf.k, cf.budget, hit[Duplicate], want[Duplicate], hit[Paraphrase], want[Paraphrase], read/10, cands/10, total/10)
		ix.Close()
	}
}
