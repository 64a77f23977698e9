package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/neardup/neardup"
)

// bigResult repeats the seed result's clusters and pairs k times over k
// copies of its units: the report of a large scan, with real text.
func bigResult(b testing.TB, k int) *neardup.Result {
	seed := seedResult(b)
	r := &neardup.Result{Stats: seed.Stats, Options: seed.Options}
	for i := range k {
		off := len(r.Units)
		for _, u := range seed.Units {
			u.Doc = fmt.Sprintf("%s#%d", u.Doc, i)
			r.Units = append(r.Units, u)
		}
		for _, c := range seed.Clusters {
			c.ID = len(r.Clusters) + 1
			c.Rep += off
			c.Members = append([]neardup.Member(nil), c.Members...)
			for j := range c.Members {
				c.Members[j].Unit += off
			}
			r.Clusters = append(r.Clusters, c)
		}
		for _, p := range seed.Pairs {
			p.A += off
			p.B += off
			r.Pairs = append(r.Pairs, p)
		}
	}
	return r
}

// countingWriter discards what it is given and counts it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkWrite writes the report of 3,000 clusters and 5,000 pairs
// (1,000 copies of the seed result) in each format; MB/s is output bytes.
func BenchmarkWrite(b *testing.B) {
	r := bigResult(b, 1000)
	for _, f := range Formats() {
		b.Run(f, func(b *testing.B) {
			var cw countingWriter
			if err := Write(&cw, Format(f), r); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(cw.n)
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, Format(f), r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
