package score_test

import (
	"fmt"
	"log"

	"github.com/neardup/neardup/score"
)

func Example() {
	s, err := score.New(score.Options{})
	if err != nil {
		log.Fatal(err)
	}
	texts := []string{
		"China's alliance with Cambodia serves as a pillar for its regional diplomacy.",
		"China's ties with Cambodia serve as the foundation for China's regional diplomatic efforts.",
		"Steadfast China-Cambodia alliance consistently delivers outcomes",
		"Steadfast China-Cambodia alliance consistently delivers outcomes.",
		"Bilateral trade soared past $12 billion in 2023.",
	}
	units := make([]*score.Unit, len(texts))
	for i, t := range texts {
		units[i] = s.Analyze(t) // once per text
	}
	c := s.NewCorpus(units) // document frequencies, blended with the background table
	for _, p := range [][2]int{{0, 1}, {2, 3}, {0, 4}} {
		r := s.Score(c, units[p[0]], units[p[1]])
		fmt.Printf("%d-%d: %s\n", p[0], p[1], r.Kind)
	}
	e := s.Explain(c, units[0], units[1])
	for _, w := range e.Aligned {
		fmt.Printf("%s ~ %s (%s)\n", w.A, w.B, w.How)
	}
	// Output:
	// 0-1: paraphrase
	// 2-3: duplicate
	// 0-4: different
	// diplomacy ~ diplomatic (synonym)
}
