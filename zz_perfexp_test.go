package neardup

// Temporary experiments of the performance work (issue 4); not part of the
// suite: skipped unless ZZPERF names a generated corpus directory.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/shingle"
)

type zzTruth struct {
	label map[int]int // unit -> truth cluster
	pairs []zzPair
}

type zzPair struct {
	a, b int
	kind string
}

func zzLoad(t *testing.T, dir string) ([]corpus.Document, zzTruth) {
	var docs []corpus.Document
	err := corpus.Read([]string{dir + "/corpus.jsonl"}, nil, corpus.Options{}, func(d *corpus.Document) error {
		docs = append(docs, *d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tr := zzTruth{label: map[int]int{}}
	f, _ := os.Open(dir + "/truth_clusters.jsonl")
	sc := bufio.NewScanner(f)
	for ci := 0; sc.Scan(); ci++ {
		var xs []int
		json.Unmarshal(sc.Bytes(), &xs)
		for _, x := range xs {
			tr.label[x] = ci
		}
	}
	f.Close()
	tp, _ := os.ReadFile(dir + "/truth_pairs.tsv")
	for i, line := range strings.Split(strings.TrimSpace(string(tp)), "\n") {
		if i == 0 {
			continue
		}
		fs := strings.Split(line, "\t")
		a, _ := strconv.Atoi(fs[0])
		b, _ := strconv.Atoi(fs[1])
		tr.pairs = append(tr.pairs, zzPair{a, b, fs[2]})
	}
	return docs, tr
}

func jacc32(a, b []uint32) float64 {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	if u := len(a) + len(b) - n; u > 0 {
		return float64(n) / float64(u)
	}
	return 0
}

func cont32(a, b []uint32) float64 {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	if m := min(len(a), len(b)); m > 0 {
		return float64(n) / float64(m)
	}
	return 0
}

func quant(xs []float64) string {
	slices.Sort(xs)
	if len(xs) == 0 {
		return "-"
	}
	q := func(p float64) float64 { return xs[min(len(xs)-1, int(p*float64(len(xs))))] }
	return fmt.Sprintf("n=%d min=%.3f p0.5%%=%.3f p1%%=%.3f p5%%=%.3f p50=%.3f p95=%.3f max=%.3f", len(xs), xs[0], q(0.005), q(0.01), q(0.05), q(0.5), q(0.95), xs[len(xs)-1])
}

// TestZZPerfJaccard prints term-set Jaccard of the planted pairs by kind
// and of the pairs a previous report kept that are not planted.
func TestZZPerfJaccard(t *testing.T) {
	dir := os.Getenv("ZZPERF")
	if dir == "" {
		t.Skip()
	}
	docs, tr := zzLoad(t, dir)
	s, err := newScanner(Options{}.mustDefaults())
	if err != nil {
		t.Fatal(err)
	}
	res := &Result{}
	s.profile = &res.Profile
	s.split(docs)
	t0 := time.Now()
	s.analyze()
	t.Logf("analyse %v", time.Since(t0))
	byKind := map[string][]float64{}
	for _, p := range tr.pairs {
		byKind[p.kind] = append(byKind[p.kind], jacc32(s.su[p.a].Terms(), s.su[p.b].Terms()))
		byKind[p.kind+"-C"] = append(byKind[p.kind+"-C"], cont32(s.su[p.a].Terms(), s.su[p.b].Terms()))
	}
	// all intra-cluster pairs
	groups := map[int][]int{}
	for u, c := range tr.label {
		groups[c] = append(groups[c], u)
	}
	var intra []float64
	for _, g := range groups {
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				intra = append(intra, jacc32(s.su[g[i]].Terms(), s.su[g[j]].Terms()))
			}
		}
	}
	for k, xs := range byKind {
		t.Logf("%-10s %s", k, quant(xs))
	}
	t.Logf("%-10s %s", "intra", quant(intra))
	if rep := os.Getenv("ZZREPORT"); rep != "" {
		b, _ := os.ReadFile(rep)
		var r struct {
			Pairs []struct {
				A, B struct {
					Doc string `json:"doc"`
				}
				Kind  string  `json:"kind"`
				Score float64 `json:"score"`
			} `json:"pairs"`
		}
		json.Unmarshal(b, &r)
		id := map[string]int{}
		for i, u := range s.units {
			id[u.Doc] = i
		}
		var fp, tp, fpc, tpc []float64
		for _, p := range r.Pairs {
			a, b := id[p.A.Doc], id[p.B.Doc]
			la, oka := tr.label[a]
			lb, okb := tr.label[b]
			j := jacc32(s.su[a].Terms(), s.su[b].Terms())
			if oka && okb && la == lb {
				tp = append(tp, j)
				tpc = append(tpc, cont32(s.su[a].Terms(), s.su[b].Terms()))
			} else {
				fp = append(fp, j)
				fpc = append(fpc, cont32(s.su[a].Terms(), s.su[b].Terms()))
			}
		}
		t.Logf("kept true  %s", quant(tp))
		t.Logf("kept false %s", quant(fp))
		t.Logf("kept true C %s", quant(tpc))
		t.Logf("kept false C %s", quant(fpc))
		fq := func(xs []float64, p float64) float64 { return xs[int(p*float64(len(xs)))] }
		t.Logf("false C p90 %.3f p99 %.3f; J p99 %.3f", fq(fpc, 0.9), fq(fpc, 0.99), fq(fp, 0.99))
	}
	_ = context.Background
}

func (o Options) mustDefaults() Options {
	o, _ = o.withDefaults()
	return o
}

func TestZZPerfAnalyze(t *testing.T) {
	dir := os.Getenv("ZZPERF")
	if dir == "" {
		t.Skip()
	}
	docs, _ := zzLoad(t, dir)
	for _, w := range []int{1, 1, 2} {
		s, _ := newScanner(Options{Workers: w}.mustDefaults())
		res := &Result{}
		s.profile = &res.Profile
		s.split(docs)
		t0 := time.Now()
		s.analyze()
		d := time.Since(t0)
		var bytes, words int
		for i := range s.units {
			bytes += len(s.units[i].Text)
			words += s.su[i].Words()
		}
		t0 = time.Now()
		for i := range s.units {
			s.scorer.Analyze(s.units[i].Text)
		}
		d2 := time.Since(t0)
		t0 = time.Now()
		for i := range s.units {
			corpus.SplitText(s.units[i].Text, corpus.Sentence)
		}
		d3 := time.Since(t0)
		t.Logf("workers %d: analyze() %v (%.1f µs/unit); warm 1 core Analyze %v = %.1f µs/unit, %.1f MB/s, %.0f ns/content word; SplitText %v", w, d, float64(d.Microseconds())/float64(len(s.units)), d2, float64(d2.Microseconds())/float64(len(s.units)), float64(bytes)/d2.Seconds()/1e6, float64(d2.Nanoseconds())/float64(words), d3)
	}
}

// zzSentences returns the term sets of each sentence of text.
func (s *scanner) zzSentences(text string) [][]uint32 {
	var out [][]uint32
	for _, u := range corpus.SplitText(text, corpus.Sentence) {
		out = append(out, s.scorer.Analyze(u.Text).Terms())
	}
	return out
}

// zzCover returns the share of a's sentences whose best term Jaccard with
// a sentence of b is at least t.
func zzCover(a, b [][]uint32, t float64) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for _, x := range a {
		best := 0.0
		for _, y := range b {
			best = max(best, jacc32(x, y))
		}
		if best >= t {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

func TestZZPerfCover(t *testing.T) {
	dir := os.Getenv("ZZPERF")
	if dir == "" {
		t.Skip()
	}
	docs, tr := zzLoad(t, dir)
	s, _ := newScanner(Options{}.mustDefaults())
	res := &Result{}
	s.profile = &res.Profile
	s.split(docs)
	sent := map[int][][]uint32{}
	get := func(i int) [][]uint32 {
		if v, ok := sent[i]; ok {
			return v
		}
		v := s.zzSentences(s.units[i].Text)
		sent[i] = v
		return v
	}
	ths := []float64{0.25, 0.3, 0.4, 0.5}
	report := func(name string, pairs [][2]int) {
		for _, th := range ths {
			var xs []float64
			for _, p := range pairs {
				a, b := get(p[0]), get(p[1])
				xs = append(xs, max(zzCover(a, b, th), zzCover(b, a, th)))
			}
			ge := func(c float64) float64 {
				n := 0
				for _, x := range xs {
					if x >= c {
						n++
					}
				}
				return float64(n) / float64(len(xs))
			}
			t.Logf("%-12s s0=%.2f P(covmax>=0.5)=%.4f >=0.6 %.4f >=0.75 %.4f", name, th, ge(0.5), ge(0.6), ge(0.75))
			if name == "kept false" && th == 0.3 {
				k := 0
				for i, p := range pairs {
					if xs[i] >= 0.99 && k < 4 {
						k++
						t.Logf("A: %s\nB: %s", s.units[p[0]].Text, s.units[p[1]].Text)
					}
				}
			}
		}
	}
	byKind := map[string][][2]int{}
	for _, p := range tr.pairs {
		byKind[p.kind] = append(byKind[p.kind], [2]int{p.a, p.b})
	}
	groups := map[int][]int{}
	for u, c := range tr.label {
		groups[c] = append(groups[c], u)
	}
	var intra [][2]int
	for _, g := range groups {
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				intra = append(intra, [2]int{g[i], g[j]})
			}
		}
	}
	report("paraphrase", byKind["paraphrase"])
	report("near", byKind["near"])
	report("intra", intra)
	if rep := os.Getenv("ZZREPORT"); rep != "" {
		b, _ := os.ReadFile(rep)
		var r struct {
			Pairs []struct {
				A, B struct {
					Doc string `json:"doc"`
				}
			} `json:"pairs"`
		}
		json.Unmarshal(b, &r)
		id := map[string]int{}
		for i, u := range s.units {
			id[u.Doc] = i
		}
		var fp [][2]int
		for _, p := range r.Pairs {
			a, b := id[p.A.Doc], id[p.B.Doc]
			la, oka := tr.label[a]
			lb, okb := tr.label[b]
			if !(oka && okb && la == lb) {
				fp = append(fp, [2]int{a, b})
			}
		}
		report("kept false", fp)
	}
}

func zzEnvInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return def
}

func TestZZPerfLSH(t *testing.T) {
	dir := os.Getenv("ZZPERF")
	if dir == "" {
		t.Skip()
	}
	docs, tr := zzLoad(t, dir)
	s, _ := newScanner(Options{}.mustDefaults())
	res := &Result{}
	s.profile = &res.Profile
	s.split(docs)
	t0 := time.Now()
	s.analyze()
	s.boilerplate()
	t.Logf("analyse %v", time.Since(t0))
	n := len(s.units)
	df := map[uint32]int{}
	for i := range n {
		if s.content[i] {
			for _, x := range s.su[i].Terms() {
				df[x]++
			}
		}
	}
	r, b := zzEnvInt("R", 3), zzEnvInt("B", 70)
	maxdf := zzEnvInt("MAXDF", 1<<30)
	mh, _ := shingle.NewMinHasher(r*b, 12345)
	k := r * b
	sigs := make([]uint64, n*k)
	t0 = time.Now()
	var set []uint64
	var sz, szf int
	for i := range n {
		sig := sigs[i*k : (i+1)*k]
		if !s.content[i] {
			for j := range sig {
				sig[j] = ^uint64(0)
			}
			continue
		}
		set = set[:0]
		for _, x := range s.su[i].Terms() {
			sz++
			if df[x] <= maxdf {
				set = append(set, uint64(df[x])<<32|uint64(x))
			}
		}
		if rm := zzEnvInt("RAREM", 0); rm > 0 && len(set) > rm {
			slices.Sort(set)
			set = set[:rm]
		}
		for j := range set {
			set[j] = uint64(uint32(set[j]))
		}
		szf += len(set)
		mh.Sign(set, sig[:0])
	}
	t.Logf("rarem=%d r=%d b=%d maxdf=%d:", zzEnvInt("RAREM", 0), r, b, maxdf)
	t.Logf("r=%d b=%d maxdf=%d: sketch %v (1 core), avg terms %.1f kept %.1f", r, b, maxdf, time.Since(t0), float64(sz)/float64(n), float64(szf)/float64(n))
	t0 = time.Now()
	ps, st, err := index.LSH{Bands: b, Rows: r, MaxBucket: 1 << 30}.Pairs(sigs, n)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("lsh %v: %d pairs, stats %+v", time.Since(t0), len(ps), st)
	t0 = time.Now()
	hist := make([]int, 11)
	in := map[[2]int]bool{}
	for _, p := range ps {
		j := jacc32(s.su[p.A].Terms(), s.su[p.B].Terms())
		hist[int(j*10)]++
		if j >= 0.2 {
			in[[2]int{int(p.A), int(p.B)}] = true
		}
	}
	t.Logf("verify %v; J deciles %v", time.Since(t0), hist)
	hit := map[string][2]int{}
	for _, p := range tr.pairs {
		h := hit[p.kind]
		h[1]++
		if in[[2]int{min(p.a, p.b), max(p.a, p.b)}] {
			h[0]++
		}
		hit[p.kind] = h
	}
	for k, h := range hit {
		t.Logf("recall %s %.4f (%d/%d)", k, float64(h[0])/float64(h[1]), h[0], h[1])
	}
}
