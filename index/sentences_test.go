package index_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/neardup/neardup/index"
)

// sentencesOf builds the input of SentencePairs from texts whose sentences
// end with '.', tokenised by words, stop words left out, terms numbered in
// order of first appearance.
func sentencesOf(texts []string) index.Sentences {
	ids := map[string]uint32{}
	var in index.Sentences
	for _, text := range texts {
		lo := int32(len(in.Ends))
		for _, sent := range strings.Split(text, ".") {
			n := 0
			for _, w := range words(sent) {
				if stopWords[w] {
					continue
				}
				id, ok := ids[w]
				if !ok {
					id = uint32(len(ids))
					ids[w] = id
				}
				in.Terms = append(in.Terms, id)
				n++
			}
			if n > 0 {
				in.Ends = append(in.Ends, int32(len(in.Terms)))
			}
		}
		in.Units = append(in.Units, [2]int32{lo, int32(len(in.Ends))})
	}
	return in
}

// referenceSentencePairs is the obviously right version of SentencePairs
// without bucket limits or hashing: the keys of a unit are sets of pairs of
// term pairs, compared for every two units.
func referenceSentencePairs(in index.Sentences, rare, maxSentences int) []index.Pair {
	type termPair [2]uint32
	type key [2]termPair
	df := map[uint32]int{}
	sentence := func(k int) []uint32 {
		lo := 0
		if k > 0 {
			lo = int(in.Ends[k-1])
		}
		return in.Terms[lo:in.Ends[k]]
	}
	for _, r := range in.Units {
		seen := map[uint32]bool{}
		for k := r[0]; k < r[1]; k++ {
			for _, t := range sentence(int(k)) {
				seen[t] = true
			}
		}
		for t := range seen {
			df[t]++
		}
	}
	rank := func(a, b uint32) int {
		if c := cmp.Compare(df[a], df[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}
	type keyed struct {
		rarest uint32
		sigs   []termPair
	}
	keys := make([]map[key]bool, len(in.Units))
	for u, r := range in.Units {
		var sents []keyed
		for k := r[0]; k < r[1]; k++ {
			terms := slices.Clone(sentence(int(k)))
			slices.SortFunc(terms, rank)
			terms = slices.Compact(terms)
			if len(terms) < 3 {
				continue
			}
			terms = terms[:min(len(terms), rare)]
			var sigs []termPair
			for i := range terms {
				for j := i + 1; j < len(terms); j++ {
					sigs = append(sigs, termPair{min(terms[i], terms[j]), max(terms[i], terms[j])})
				}
			}
			sents = append(sents, keyed{rarest: terms[0], sigs: sigs})
		}
		if len(sents) > maxSentences {
			// Keep the sentences whose rarest term is rarest, in order.
			idx := make([]int, len(sents))
			for i := range idx {
				idx[i] = i
			}
			slices.SortStableFunc(idx, func(x, y int) int { return rank(sents[x].rarest, sents[y].rarest) })
			idx = idx[:maxSentences]
			slices.Sort(idx)
			var kept []keyed
			for _, i := range idx {
				kept = append(kept, sents[i])
			}
			sents = kept
		}
		keys[u] = map[key]bool{}
		if len(sents) == 1 {
			for _, a := range sents[0].sigs {
				keys[u][key{a, a}] = true
			}
			continue
		}
		for i := range sents {
			for j := range sents {
				if i == j {
					continue
				}
				for _, a := range sents[i].sigs {
					for _, b := range sents[j].sigs {
						if a == b {
							continue
						}
						x, y := a, b
						if y[0] < x[0] || y[0] == x[0] && y[1] < x[1] {
							x, y = y, x
						}
						keys[u][key{x, y}] = true
					}
				}
			}
		}
	}
	var out []index.Pair
	for a := range keys {
		for b := a + 1; b < len(keys); b++ {
			for k := range keys[a] {
				if keys[b][k] {
					out = append(out, index.Pair{A: int32(a), B: int32(b)})
					break
				}
			}
		}
	}
	return out
}

func TestSentencePairs(t *testing.T) {
	texts := []string{
		"The committee approved the harbour budget on Monday. Fishermen protested outside the council hall. The mayor promised new moorings.",
		"Fishermen protested outside the council hall. On Monday the committee approved the harbour budget. New moorings were promised by the mayor.",
		"Fishermen protested outside the council hall. Tourists crowded the beaches in August. Ferry tickets sold out quickly.",
		"Tourists crowded the beaches in August. Prices of ferry tickets doubled.",
		"Council approved harbour budget.",
		"Harbour budget approved by council.",
	}
	in := sentencesOf(texts)
	got, st, err := index.SentencePairs(in, index.SentenceOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 0 and 1 say the same three sentences; 2 shares one sentence with
	// each of 0, 1 and 3, which does not make them candidates; 4 and 5
	// are single sentences with the same rare words.
	want := []index.Pair{{A: 0, B: 1}, {A: 4, B: 5}}
	if !slices.Equal(got, want) {
		t.Errorf("SentencePairs = %v, want %v (stats %+v)", got, want, st)
	}
	if ref := referenceSentencePairs(in, index.DefaultRare, index.DefaultMaxSentences); !slices.Equal(ref, want) {
		t.Errorf("reference = %v, want %v", ref, want)
	}
	if st.Units != 6 || st.Pairs != 2 {
		t.Errorf("stats %+v: want 6 units, 2 pairs", st)
	}
}

func TestSentencePairsErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		in   index.Sentences
		opt  index.SentenceOptions
	}{
		{"sentence past terms", index.Sentences{Terms: []uint32{1}, Ends: []int32{2}, Units: [][2]int32{{0, 1}}}, index.SentenceOptions{}},
		{"ends decrease", index.Sentences{Terms: []uint32{1, 2}, Ends: []int32{2, 1}, Units: [][2]int32{{0, 2}}}, index.SentenceOptions{}},
		{"unit past sentences", index.Sentences{Terms: []uint32{1}, Ends: []int32{1}, Units: [][2]int32{{0, 2}}}, index.SentenceOptions{}},
		{"unit range reversed", index.Sentences{Terms: []uint32{1}, Ends: []int32{1}, Units: [][2]int32{{1, 0}}}, index.SentenceOptions{}},
		{"rare 1", index.Sentences{}, index.SentenceOptions{Rare: 1}},
		{"negative workers", index.Sentences{}, index.SentenceOptions{Workers: -1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, _, err := index.SentencePairs(c.in, c.opt); err == nil {
				t.Errorf("SentencePairs(%+v, %+v): no error", c.in, c.opt)
			}
		})
	}
}

// randomSentences makes n units of 1-6 sentences over a zipfian vocabulary,
// a share of them copies of earlier units with sentences reordered,
// dropped, or with words replaced.
func randomSentences(rng *rand.Rand, n, vocab int) index.Sentences {
	zipf := rand.NewZipf(rng, 1.2, 3, uint64(vocab-1))
	var units [][][]uint32
	for i := range n {
		var u [][]uint32
		if i > 0 && rng.IntN(3) == 0 {
			for _, s := range units[rng.IntN(i)] {
				if rng.IntN(6) == 0 {
					continue
				}
				s = slices.Clone(s)
				for k := range s {
					if rng.IntN(5) == 0 {
						s[k] = uint32(zipf.Uint64())
					}
				}
				u = append(u, s)
			}
			rng.Shuffle(len(u), func(a, b int) { u[a], u[b] = u[b], u[a] })
		} else {
			for range 1 + rng.IntN(6) {
				s := make([]uint32, 1+rng.IntN(10))
				for k := range s {
					s[k] = uint32(zipf.Uint64())
				}
				u = append(u, s)
			}
		}
		units = append(units, u)
	}
	var in index.Sentences
	for _, u := range units {
		lo := int32(len(in.Ends))
		for _, s := range u {
			in.Terms = append(in.Terms, s...)
			in.Ends = append(in.Ends, int32(len(in.Terms)))
		}
		in.Units = append(in.Units, [2]int32{lo, int32(len(in.Ends))})
	}
	return in
}

// FuzzSentencePairs: on random corpora SentencePairs equals the reference
// (buckets unbounded), whatever the worker and partition counts.
func FuzzSentencePairs(f *testing.F) {
	f.Add(uint64(1), uint8(30), uint16(40), uint8(3), uint8(8), uint8(1), uint8(0))
	f.Add(uint64(2), uint8(120), uint16(500), uint8(2), uint8(2), uint8(3), uint8(7))
	f.Add(uint64(3), uint8(200), uint16(60), uint8(4), uint8(3), uint8(2), uint8(2))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, vocab uint16, rare, maxSent, workers, parts uint8) {
		rng := rand.New(rand.NewPCG(seed, uint64(n)))
		in := randomSentences(rng, int(n), int(vocab)+4)
		opt := index.SentenceOptions{Rare: 2 + int(rare%4), MaxSentences: 2 + int(maxSent%6), MaxBucket: 1 << 20, Workers: int(workers % 4), Partitions: int(parts % 9)}
		want := referenceSentencePairs(in, opt.Rare, opt.MaxSentences)
		got, st, err := index.SentencePairs(in, opt)
		if err != nil {
			t.Fatal(err)
		}
		if d := diffPairs(got, want); d != "" {
			t.Fatalf("opt %+v: %s (stats %+v)", opt, d, st)
		}
		one, _, err := index.SentencePairs(in, index.SentenceOptions{Rare: opt.Rare, MaxSentences: opt.MaxSentences, MaxBucket: opt.MaxBucket, Workers: 1, Partitions: 1})
		if err != nil || !slices.Equal(one, got) {
			t.Fatalf("one worker, one partition differs (%v)", err)
		}
	})
}

func ExampleSentencePairs() {
	texts := []string{
		"The committee approved the harbour budget on Monday. Fishermen protested outside the council hall.",
		"Fishermen protested outside the council hall. The harbour budget was approved by the committee on Monday.",
		"Fishermen protested outside the council hall. Tourists crowded the beaches in August.",
	}
	pairs, _, err := index.SentencePairs(sentencesOf(texts), index.SentenceOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pairs)
	// Output:
	// [{0 1 0}]
}

// BenchmarkSentencePairs runs SentencePairs over a ladder of real
// paragraphs from the generated corpus (see benchCorpus), their sentences
// cut at '.', '!' and '?', stop words left out. Metrics: recall against the
// planted pairs by kind, pairs, keys and pairs emitted.
func BenchmarkSentencePairs(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			texts, truth := loadCorpus(b, n)
			var bytes int64
			split := make([]string, len(texts))
			for i, s := range texts {
				bytes += int64(len(s))
				split[i] = strings.NewReplacer("!", ".", "?", ".").Replace(s)
			}
			in := sentencesOf(split)
			b.ReportAllocs()
			b.SetBytes(bytes)
			var pairs []index.Pair
			var st index.SentenceStats
			for b.Loop() {
				var err error
				if pairs, st, err = index.SentencePairs(in, index.SentenceOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			for kind, r := range truthRecall(truth, pairs) {
				b.ReportMetric(r, "recall-"+kind)
			}
			b.ReportMetric(float64(len(pairs)), "pairs")
			b.ReportMetric(float64(st.Keys), "keys")
			b.ReportMetric(float64(st.Emitted), "emitted")
		})
	}
}
