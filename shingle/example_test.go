package shingle_test

import (
	"fmt"

	"github.com/neardup/neardup/shingle"
)

func ExampleNormalize() {
	fmt.Println(shingle.Normalize("“China’s ﬁrst” – ＦＵＬＬ\u00a0STRAẞE…"))
	// Output: "china's first" - full strasse...
}

func ExampleAnalyzer_Tokens() {
	a, err := shingle.NewAnalyzer(shingle.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "The U.S.-led talks don’t cover China’s $12,000.50 ﬁnes."
	for _, t := range a.Tokens(text, nil) {
		fmt.Printf("%-10q %2d-%-2d norm=%-9s term=%-8s stop=%-5v number=%v\n",
			text[t.Start:t.End], t.Start, t.End, t.Norm, t.Term, t.Stop, t.Number)
	}
	// Output:
	// "The"       0-3  norm=the       term=the      stop=true  number=false
	// "U.S."      4-8  norm=us        term=us       stop=false number=false
	// "led"       9-12 norm=led       term=led      stop=false number=false
	// "talks"    13-18 norm=talks     term=talk     stop=false number=false
	// "don’t"    19-26 norm=don't     term=don't    stop=true  number=false
	// "cover"    27-32 norm=cover     term=cover    stop=false number=false
	// "China’s"  33-42 norm=china     term=china    stop=false number=false
	// "12,000.50" 44-53 norm=12,000.50 term=12000.5  stop=false number=true
	// "ﬁnes"     54-60 norm=fines     term=fine     stop=false number=false
}

func ExampleAnalyzer_Terms() {
	a, err := shingle.NewAnalyzer(shingle.Options{Language: "english"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Terms("China’s alliance with Cambodia serves as a pillar for its regional diplomacy.", nil))
	fr, _ := shingle.NewAnalyzer(shingle.Options{Language: "french"})
	fmt.Println(fr.Terms("L’alliance de la Chine avec le Cambodge sert de pilier à sa diplomatie régionale.", nil))
	// Output:
	// [china allianc cambodia serv pillar region diplomaci]
	// [allianc chin cambodg sert pili diplomat régional]
}

// Two rewordings of one paragraph of the seed article: their word 2-shingle
// sets, the exact Jaccard similarity, and the MinHash estimate.
func ExampleMinHasher() {
	a, _ := shingle.NewAnalyzer(shingle.Options{})
	x := shingle.WordShingles(a.Terms("China's alliance with Cambodia serves as a pillar for its regional diplomacy, fostering harmony, growth, and mutual prosperity.", nil), 2, 1, nil)
	y := shingle.WordShingles(a.Terms("China's alliance with Cambodia serves as a pillar in China's regional diplomacy, fostering unity, growth, and mutual wealth.", nil), 2, 1, nil)

	m, err := shingle.NewMinHasher(128, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	sx, sy := m.Sign(x, nil), m.Sign(y, nil)
	fmt.Printf("%d and %d shingles, %d shared\n", len(x), len(y), shared(x, y))
	fmt.Printf("exact Jaccard %.2f, MinHash estimate %.2f\n", float64(shared(x, y))/float64(len(x)+len(y)-shared(x, y)), shingle.EstimateJaccard(sx, sy))
	// Output:
	// 11 and 12 shingles, 7 shared
	// exact Jaccard 0.44, MinHash estimate 0.45
}

func ExampleWordShingles() {
	terms := []string{"china", "allianc", "cambodia", "china", "allianc"}
	fmt.Println(len(shingle.WordShingles(terms, 2, 1, nil)), "distinct 2-shingles")
	fmt.Println(len(shingle.WordShingles(terms, 9, 1, nil)), "shingle when there are fewer terms than k")
	fmt.Println(len(shingle.WordShingles(nil, 2, 1, nil)), "shingles of no terms")
	// Output:
	// 3 distinct 2-shingles
	// 1 shingle when there are fewer terms than k
	// 0 shingles of no terms
}

// shared counts the elements two sorted sets have in common.
func shared(a, b []uint64) int {
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
	return n
}
