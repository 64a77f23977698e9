package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/neardup/neardup"
)

// WriteCheckGitHub writes one GitHub Actions workflow command a finding,
// which the Actions runner turns into an annotation on the draft's line:
//
//	::warning file=draft.md,line=12,title=neardup: duplicate::Duplicates wire-2024-117:5 (score 0.97): China's alliance…
//
// Property values and the message are escaped as the Actions toolkit does
// (% CR LF, and : , in properties). Inputs that could not be read
// (CheckStats.Errors) make one ::error command first, not tied to a file.
func WriteCheckGitHub(w io.Writer, r *neardup.CheckResult) error {
	if err := checkNotNil(r); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if r.Stats.Errors > 0 {
		fmt.Fprintf(bw, "::error title=%s::%s\n", escapeProperty("neardup: unreadable input"), escapeData(unreadMessage(r)))
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		msg := fmt.Sprintf("%s %s (score %s): %s", verb(f), matchName(&f.Match), formatScore(f.Score), snippet(f.Match.Text, snippetRunes))
		fmt.Fprintf(bw, "::warning file=%s,line=%d,title=%s::%s\n",
			escapeProperty(draftFile(&f.Draft)), f.Draft.FileLine(), escapeProperty("neardup: "+string(f.Kind)), escapeData(msg))
	}
	return bw.Flush()
}

// verb says what a finding's draft unit does to its match.
func verb(f *neardup.Finding) string {
	if f.Kind == neardup.Duplicate {
		return "Duplicates"
	}
	return "Paraphrases"
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// unreadMessage says that inputs could not be read.
func unreadMessage(r *neardup.CheckResult) string {
	return fmt.Sprintf("%s could not be read, so the check is incomplete (the log names them).", count(r.Stats.Errors, "input"))
}
