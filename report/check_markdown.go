package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/neardup/neardup"
)

// WriteCheckMarkdown writes a check's result for a pull-request comment: a
// heading with the counts, a table with one row per finding (draft
// location, kind, score, match), then each finding's two texts as
// quotes inside a collapsed <details> block. Table cells escape '|' and
// keep to one line.
func WriteCheckMarkdown(w io.Writer, r *neardup.CheckResult) error {
	if err := checkNotNil(r); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### neardup check: %s\n\n", count(len(r.Findings), "finding"))
	fmt.Fprintf(bw, "%s\n", checkSummary(r))
	if len(r.Findings) == 0 {
		fmt.Fprint(bw, "\nNo duplicated or paraphrased text found.\n")
		return bw.Flush()
	}
	fmt.Fprint(bw, "\n| Draft | Kind | Score | Matches |\n|---|---|---:|---|\n")
	for i := range r.Findings {
		f := &r.Findings[i]
		fmt.Fprintf(bw, "| `%s` | %s | %s | %s |\n", cell(unitLocation(&f.Draft)), f.Kind, formatScore(f.Score), markdownMatch(&f.Match))
	}
	fmt.Fprint(bw, "\n<details><summary>Texts</summary>\n")
	for i := range r.Findings {
		f := &r.Findings[i]
		fmt.Fprintf(bw, "\n**`%s`** %s of `%s` (score %s)\n\n", cell(unitLocation(&f.Draft)), f.Kind, cell(unitLocation(&f.Match)), formatScore(f.Score))
		fmt.Fprintf(bw, "%s\n\n%s\n", quoteBlock(f.Draft.Text), quoteBlock(f.Match.Text))
	}
	fmt.Fprint(bw, "\n</details>\n")
	return bw.Flush()
}

// markdownMatch is the match's location, linked to its URL when known.
func markdownMatch(u *neardup.Unit) string {
	s := "`" + cell(unitLocation(u)) + "`"
	switch {
	case u.URL != "" && u.Title != "":
		s += fmt.Sprintf(" [%s](%s)", text(u.Title), urlEscaper.Replace(cell(u.URL)))
	case u.URL != "":
		s += fmt.Sprintf(" <%s>", urlEscaper.Replace(cell(u.URL)))
	case u.Title != "":
		s += " " + text(u.Title)
	}
	return s
}

// text makes s safe as Markdown text in a cell: HTML and Markdown
// punctuation escaped, so that a page title cannot inject markup.
func text(s string) string {
	return markdownEscaper.Replace(cell(s))
}

// urlEscaper percent-encodes the characters that would end a Markdown
// link's destination.
var urlEscaper = strings.NewReplacer(" ", "%20", "<", "%3C", ">", "%3E", "(", "%28", ")", "%29")

var markdownEscaper = strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;", "[", `\[`, "]", `\]`, "*", `\*`, "_", `\_`)

// cell makes s safe inside a table cell or inline code: one line, '|'
// escaped, backticks replaced.
func cell(s string) string {
	s = strings.ReplaceAll(oneLine(s), "|", `\|`)
	return strings.ReplaceAll(s, "`", "'")
}

// quoteBlock quotes s as a Markdown block quote on one line, HTML and
// Markdown punctuation escaped.
func quoteBlock(s string) string { return "> " + markdownEscaper.Replace(snippet(s, 4*snippetRunes)) }
