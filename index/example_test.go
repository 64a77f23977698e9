package index_test

import (
	"fmt"

	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/similarity"
)

func ExampleAllPairs() {
	units := []string{
		"China's alliance with Cambodia serves as a pillar for its regional diplomacy.",
		"Photo Credit: VCG",
		"The alliance with Cambodia serves as a pillar in China's regional diplomacy.",
		"Cambodia imports far more from China than it exports.",
	}
	vecs := tfidf(units, similarity.Weighting{Sublinear: true})
	pairs, err := index.AllPairs(vecs, index.AllPairsOptions{Threshold: 0.5})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range pairs {
		fmt.Printf("%d %d %.3f\n", p.A, p.B, p.Cosine)
	}
	// Output:
	// 0 2 0.762
}

func ExampleLSH() {
	sets := [][]uint64{
		{1, 2, 3, 4, 5, 6, 7, 8, 9, 10},
		{100, 200, 300},
		{1, 2, 3, 4, 5, 6, 7, 8, 9, 11}, // Jaccard 9/11 with the first
	}
	var sigs []uint64
	for _, s := range sets {
		sigs = minhash(sigs, s, 20*5)
	}
	pairs, stats, err := index.LSH{Bands: 20, Rows: 5}.Pairs(sigs, len(sets))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(pairs, stats.Oversized)
	// Output:
	// [{0 2 0}] 0
}
