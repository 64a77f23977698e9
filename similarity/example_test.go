package similarity_test

import (
	"fmt"

	"github.com/neardup/neardup/similarity"
)

func Example() {
	units := []string{
		"China's alliance with Cambodia serves as a pillar for its regional diplomacy",
		"The alliance with Cambodia serves as a pillar of China's regional diplomacy",
		"Photo credit: VCG",
	}
	voc := similarity.NewVocabulary()
	var df similarity.DocFreq
	terms := make([][]uint32, len(units))
	for i, u := range units {
		for _, w := range words(u) {
			terms[i] = append(terms[i], voc.ID(w))
		}
		df.Add(terms[i])
	}
	vecs := make([]similarity.Vector, len(units))
	for i := range units {
		similarity.Weighting{Sublinear: true}.Vector(terms[i], &df, &vecs[i])
	}
	fmt.Printf("cosine(0,1) = %.3f\n", similarity.Cosine(vecs[0], vecs[1]))
	fmt.Printf("cosine(0,2) = %.3f\n", similarity.Cosine(vecs[0], vecs[2]))
	// Output:
	// cosine(0,1) = 0.761
	// cosine(0,2) = 0.000
}

func ExampleJaccard() {
	a := []uint64{10, 20, 30, 40}
	b := []uint64{20, 30, 40, 50, 60}
	fmt.Println(similarity.Intersect(a, b), similarity.Jaccard(a, b), similarity.Containment(a, b))
	// Output:
	// 3 0.5 0.75
}
