package report_test

import (
	"fmt"
	"os"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/report"
)

// A check's findings as GitHub Actions annotations on the draft's lines.
func ExampleWriteCheck() {
	draft := "China's alliance with Cambodia serves as a pillar for its regional diplomacy."
	archived := "China's alliance with Cambodia serves as a pillar in China's regional diplomacy."
	r := &neardup.CheckResult{
		Findings: []neardup.Finding{{
			Kind:   neardup.Paraphrase,
			Scores: neardup.Scores{Score: 0.8312},
			Draft:  neardup.Unit{Location: neardup.Location{Doc: "draft.md", Path: "draft.md", Line: 5, Start: 83, End: 83 + len(draft)}, Text: draft},
			Match:  neardup.Unit{Location: neardup.Location{Doc: "2023/cambodia", Line: 12, Start: 940, End: 940 + len(archived)}, Text: archived},
		}},
		Stats: neardup.CheckStats{Documents: 1, Units: 12, Candidates: 40, Findings: 1},
	}
	if err := report.WriteCheck(os.Stdout, report.GitHub, r); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ::warning file=draft.md,line=5,title=neardup%3A paraphrase::Paraphrases 2023/cambodia:12 (score 0.8312): China's alliance with Cambodia serves as a pillar in China's regional diplomacy.
}
