package cluster

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// plantedGraph returns a graph shaped like the pairs a scan of a corpus with
// planted duplicates keeps: about 30% of the nodes sit in planted groups of
// 2 to 6 members whose pairs score 0.55 to 1 (a fifth of the pairs in groups
// of three or more missing, as a reworded copy often misses the threshold
// against some members), and chance edges per node, on average,
// scoring 0.3 to 0.75 to random other nodes (a shared sentence, a common
// phrase): the edges that would chain everything together under single
// linkage.
func plantedGraph(rng *rand.Rand, n int, chance float64) (int, []Edge) {
	var edges []Edge
	seen := make(map[uint64]bool)
	add := func(a, b int32, s float32) {
		if a == b {
			return
		}
		k := uint64(min(a, b))<<32 | uint64(max(a, b))
		if seen[k] {
			return
		}
		seen[k] = true
		edges = append(edges, Edge{a, b, s})
	}
	perm := rng.Perm(n)
	for i := 0; i < n*3/10; {
		size := 2 + rng.IntN(5)
		if i+size > n {
			break
		}
		g := perm[i : i+size]
		for x := range g {
			for y := x + 1; y < len(g); y++ {
				if size > 2 && rng.IntN(5) == 0 {
					continue
				}
				add(int32(g[x]), int32(g[y]), 0.55+0.45*rng.Float32())
			}
		}
		i += size
	}
	for range int(chance * float64(n)) {
		add(int32(rng.IntN(n)), int32(rng.IntN(n)), 0.3+0.45*rng.Float32())
	}
	return n, edges
}

// BenchmarkBuild clusters planted graphs of 10k, 100k and 1M nodes with two
// chance edges per node (about 2.3 edges per node in all: 2.3M edges at 1M
// nodes). SetBytes counts 12 bytes (one Edge) per edge, so MB/s reads as
// edge throughput.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		n, edges := plantedGraph(rng, n, 2)
		b.Run(fmt.Sprintf("nodes=%d/edges=%d", n, len(edges)), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(edges)) * 12)
			for b.Loop() {
				if _, err := Build(n, edges, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
