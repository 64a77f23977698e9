package report_test

import (
	"fmt"
	"os"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/report"
)

func ExampleWriteText() {
	at := func(doc string, line, start int, text string) neardup.Unit {
		return neardup.Unit{
			Location: neardup.Location{Doc: doc, Path: doc, Line: line, Start: start, End: start + len(text)},
			Text:     text,
		}
	}
	r := &neardup.Result{
		Units: []neardup.Unit{
			at("draft.md", 5, 83, "China's alliance with Cambodia serves as a pillar for its regional diplomacy."),
			at("draft.md", 61, 6968, "China's alliance with Cambodia serves as a pillar in China's regional diplomacy."),
			at("archive/2023.md", 12, 940, "China's ties with Cambodia serve as the foundation for its regional diplomatic efforts."),
		},
		Clusters: []neardup.Cluster{{
			ID: 1, Kind: neardup.Paraphrase, Rep: 1,
			Members: []neardup.Member{{Unit: 0, Score: 0.83}, {Unit: 1, Score: 1}, {Unit: 2, Score: 0.71}},
		}},
		Pairs: []neardup.Pair{
			{A: 0, B: 1, Kind: neardup.Paraphrase, Scores: neardup.Scores{Score: 0.83}},
			{A: 0, B: 2, Kind: neardup.Paraphrase, Scores: neardup.Scores{Score: 0.64}},
			{A: 1, B: 2, Kind: neardup.Paraphrase, Scores: neardup.Scores{Score: 0.71}},
		},
		Stats: neardup.Stats{Documents: 2, Units: 3, Candidates: 3, Pairs: 3, Clusters: 1},
	}
	if err := report.WriteText(os.Stdout, r); err != nil {
		fmt.Println(err)
	}
	// Output:
	// cluster 1 · paraphrase · 3 units
	//   draft.md:61         rep   China's alliance with Cambodia serves as a pillar in China's regional diplomacy.
	//   draft.md:5          0.83  China's alliance with Cambodia serves as a pillar for its regional diplomacy.
	//   archive/2023.md:12  0.71  China's ties with Cambodia serve as the foundation for its regional diplomatic efforts.
	//
	// 2 documents · 3 units · 3 candidates · 3 pairs · 1 cluster · 0 boilerplate
}
