package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/neardup/neardup"
)

// WriteCheckText writes a check's findings for people reading a terminal:
//
//	draft.md:12: duplicate of wire-2024-117:5 (Title) · score 0.97
//	  draft    China's alliance with Cambodia serves as a pillar for its…
//	  archive  China's alliance with Cambodia serves as a pillar for its…
//
// one block per finding in the CheckResult's order, then a summary line.
func WriteCheckText(w io.Writer, r *neardup.CheckResult) error {
	if err := checkNotNil(r); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	for i := range r.Findings {
		f := &r.Findings[i]
		if i > 0 {
			bw.WriteByte('\n')
		}
		fmt.Fprintf(bw, "%s: %s of %s · score %s\n", unitLocation(&f.Draft), f.Kind, matchName(&f.Match), formatScore(f.Score))
		fmt.Fprintf(bw, "  draft    %s\n", snippet(f.Draft.Text, snippetRunes))
		fmt.Fprintf(bw, "  %-8s %s\n", matchRole(f), snippet(f.Match.Text, snippetRunes))
	}
	if len(r.Findings) == 0 {
		fmt.Fprint(bw, "no duplicates or paraphrases found\n")
	}
	fmt.Fprintf(bw, "\n%s\n", checkSummary(r))
	return bw.Flush()
}

// matchRole names the matching unit: "archive", or "earlier" for a
// repetition inside the draft.
func matchRole(f *neardup.Finding) string {
	if f.Match.Doc == f.Draft.Doc && f.Match.Path == f.Draft.Path {
		return "earlier"
	}
	return "archive"
}
