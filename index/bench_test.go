package index_test

import (
	"fmt"
	"testing"

	"github.com/neardup/neardup/index"
)

// BenchmarkAllPairs runs AllPairs over a ladder of real paragraphs from the
// generated corpus (see benchCorpus), tokenised by contentVectors, at
// t = 0.3 and 0.5, exact and with a higher PrefixThreshold ("p=").
// Metrics: pairs found, candidates verified, candidates met, posting
// entries scanned; recall against the exact answer at the same t (when
// computed in the same run) and against the planted pairs by kind.
//
// The exact search at 1M is skipped: its cost grows with n² on this
// corpus (see the figures in AllPairsOptions and the report).
func BenchmarkAllPairs(b *testing.B) {
	configs := []index.AllPairsOptions{
		{Threshold: 0.5},
		{Threshold: 0.5, PrefixThreshold: 0.7},
		{Threshold: 0.5, PrefixThreshold: 0.8},
		{Threshold: 0.3},
		{Threshold: 0.3, PrefixThreshold: 0.8},
	}
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			texts, truth := loadCorpus(b, n)
			vecs, _ := contentVectors(texts)
			var bytes int64
			for _, s := range texts {
				bytes += int64(len(s))
			}
			exact := map[float64][]index.Pair{}
			for _, opt := range configs {
				name := fmt.Sprintf("t=%v", opt.Threshold)
				if opt.PrefixThreshold > 0 {
					name += fmt.Sprintf("/p=%v", opt.PrefixThreshold)
				}
				b.Run(name, func(b *testing.B) {
					if n >= 1_000_000 && opt.PrefixThreshold == 0 {
						b.Skip("exact search at 1M: hours on this corpus")
					}
					b.ReportAllocs()
					b.SetBytes(bytes)
					var pairs []index.Pair
					var st index.AllPairsStats
					for b.Loop() {
						var err error
						if pairs, st, err = index.AllPairsWithStats(vecs, opt); err != nil {
							b.Fatal(err)
						}
					}
					if opt.PrefixThreshold == 0 {
						exact[opt.Threshold] = pairs
					} else if ex, ok := exact[opt.Threshold]; ok {
						b.ReportMetric(float64(len(pairs))/float64(len(ex)), "recall")
					}
					for kind, r := range truthRecall(truth, pairs) {
						b.ReportMetric(r, "recall-"+kind)
					}
					b.ReportMetric(float64(st.Pairs), "pairs")
					b.ReportMetric(float64(st.Verified), "verified")
					b.ReportMetric(float64(st.Candidates), "candidates")
					b.ReportMetric(float64(st.Scanned), "scanned")
				})
			}
		})
	}
}

// BenchmarkLSH bands MinHash signatures (20 bands of 5 rows) of the word
// 3-shingles of real paragraphs from the generated corpus; the signatures
// are made before the clock starts. Recall is against the planted pairs.
func BenchmarkLSH(b *testing.B) {
	const bands, rows = 20, 5
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			texts, truth := loadCorpus(b, n)
			sigs := make([]uint64, 0, n*bands*rows)
			var bytes int64
			for _, s := range texts {
				sigs = minhash(sigs, shingles(words(s), 3), bands*rows)
				bytes += int64(len(s))
			}
			b.ReportAllocs()
			b.SetBytes(bytes)
			var pairs []index.Pair
			var st index.LSHStats
			for b.Loop() {
				var err error
				if pairs, st, err = (index.LSH{Bands: bands, Rows: rows}).Pairs(sigs, n); err != nil {
					b.Fatal(err)
				}
			}
			for kind, r := range truthRecall(truth, pairs) {
				b.ReportMetric(r, "recall-"+kind)
			}
			b.ReportMetric(float64(len(pairs)), "pairs")
			b.ReportMetric(float64(st.Emitted), "emitted")
			b.ReportMetric(float64(st.Oversized), "oversized")
		})
	}
}
