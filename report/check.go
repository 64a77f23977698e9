package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/neardup/neardup"
)

// The formats of a check report, beside Text and JSON.
const (
	JSONL    Format = "jsonl"    // one finding a line, for programs that stream
	GitHub   Format = "github"   // GitHub Actions workflow commands: one ::warning annotation a finding
	SARIF    Format = "sarif"    // SARIF 2.1.0, for code-scanning tools
	Markdown Format = "markdown" // a summary table and the texts, for a pull-request comment
)

// CheckFormats returns the names of the formats of a check report, the
// default (text) first.
func CheckFormats() []string {
	return []string{string(Text), string(JSON), string(JSONL), string(GitHub), string(SARIF), string(Markdown)}
}

// KnownCheck reports whether f is one of CheckFormats.
func KnownCheck(f Format) bool {
	switch f {
	case Text, JSON, JSONL, GitHub, SARIF, Markdown:
		return true
	}
	return false
}

// WriteCheck writes the result of a check to w in the given format. Like
// the scan reports, every format is byte-deterministic: findings are
// written in the CheckResult's order, scores rounded to four decimals, and
// nothing comes from a map's order or a clock.
func WriteCheck(w io.Writer, format Format, r *neardup.CheckResult) error {
	if err := checkNotNil(r); err != nil {
		return err
	}
	switch format {
	case Text:
		return WriteCheckText(w, r)
	case JSON:
		return WriteCheckJSON(w, r)
	case JSONL:
		return WriteCheckJSONL(w, r)
	case GitHub:
		return WriteCheckGitHub(w, r)
	case SARIF:
		return WriteCheckSARIF(w, r)
	case Markdown:
		return WriteCheckMarkdown(w, r)
	}
	return fmt.Errorf("%w %q: want one of %s", ErrFormat, format, strings.Join(CheckFormats(), ", "))
}

// checkNotNil refuses a nil check result, which every check writer
// would otherwise dereference.
func checkNotNil(r *neardup.CheckResult) error {
	if r == nil {
		return fmt.Errorf("%w: nil check result", ErrResult)
	}
	return nil
}

// unitLocation returns DOC:LINE of a finding's unit.
func unitLocation(u *neardup.Unit) string { return fmt.Sprintf("%s:%d", oneLine(u.Doc), u.Line) }

// draftFile is the file a draft unit was read from, as an annotation
// names it: its path, or the document id for standard input.
func draftFile(u *neardup.Unit) string {
	if u.Path == "" || u.Path == "-" {
		return u.Doc
	}
	return u.Path
}

// matchName describes where a match is: the archive document's id, line,
// and its title or URL when known.
func matchName(u *neardup.Unit) string {
	s := unitLocation(u)
	switch {
	case u.Title != "":
		s += fmt.Sprintf(" (%s)", oneLine(u.Title))
	case u.URL != "":
		s += fmt.Sprintf(" (%s)", oneLine(u.URL))
	}
	return s
}

// checkSummary returns the counts of a check on one line.
func checkSummary(r *neardup.CheckResult) string {
	dup, para, units := 0, 0, map[string]bool{}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Kind == neardup.Duplicate {
			dup++
		} else {
			para++
		}
		units[fmt.Sprintf("%s\x00%d", f.Draft.Doc, f.Draft.Start)] = true
	}
	parts := []string{
		count(r.Stats.Documents, "document"),
		count(r.Stats.Units, "unit") + " checked",
	}
	if r.Stats.References > 0 {
		parts = append(parts, fmt.Sprintf("%d in reference lists", r.Stats.References))
	}
	parts = appendSkipped(parts, r.Stats.Code, r.Stats.Metadata)
	parts = append(parts,
		count(len(units), "unit")+" with findings",
		count(dup, "duplicate"),
		count(para, "paraphrase"),
	)
	if r.Stats.Errors > 0 {
		parts = append(parts, count(r.Stats.Errors, "unreadable input"))
	}
	return strings.Join(parts, " · ")
}
