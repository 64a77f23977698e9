package index_test

import (
	"fmt"
	"testing"

	"github.com/neardup/neardup/index"
)

// BenchmarkAllPairs runs AllPairs over a ladder of real paragraphs from the
// generated corpus at t = 0.3 and 0.5 and reports the work per op.
func BenchmarkAllPairs(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			texts := loadParagraphs(b, n)
			vecs, _ := contentVectors(texts)
			var bytes int64
			for _, s := range texts {
				bytes += int64(len(s))
			}
			for _, th := range []float64{0.3, 0.5} {
				b.Run(fmt.Sprintf("t=%v", th), func(b *testing.B) {
					b.ReportAllocs()
					b.SetBytes(bytes)
					var st index.AllPairsStats
					for b.Loop() {
						var err error
						if _, st, err = index.AllPairsWithStats(vecs, index.AllPairsOptions{Threshold: th}); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(st.Pairs), "pairs")
					b.ReportMetric(float64(st.Verified), "verified")
					b.ReportMetric(float64(st.Candidates), "candidates")
					b.ReportMetric(float64(st.Scanned), "scanned")
					b.ReportMetric(float64(st.Indexed)/float64(st.Entries), "indexed/entries")
				})
			}
		})
	}
}
