package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/neardup/neardup"
)

// maxBoilerplateLocations is how many locations the text report lists for
// a boilerplate cluster before it only counts the rest.
const maxBoilerplateLocations = 6

// WriteText writes r for people reading a terminal, without colours:
//
//	cluster 1 · paraphrase · 3 units
//	  article.txt:61  rep   China's alliance with Cambodia serves as a pillar in China's regional…
//	  article.txt:5   0.83  China's alliance with Cambodia serves as a pillar for its regional…
//
// Each content cluster, in the Result's order, has a header line and one
// line per member: its location as DOC:LINE, its score to the
// representative (the representative itself comes first, marked "rep"), and
// a one-line snippet of its text. Boilerplate clusters follow in a short
// section of their own, then the pairs whose units are not in one cluster,
// then the pairs of documents that share most of the text of one (each
// document's units paired with the other's, of its compared units, and
// the pairs by kind), then a summary line with the counts.
func WriteText(w io.Writer, r *neardup.Result) error {
	if err := check(r); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	var boilerplate []*neardup.Cluster
	sep := ""
	for i := range r.Clusters {
		c := &r.Clusters[i]
		if c.Kind == neardup.Boilerplate {
			boilerplate = append(boilerplate, c)
			continue
		}
		fmt.Fprint(tw, sep)
		sep = "\n"
		writeTextCluster(tw, r, c)
	}
	if len(boilerplate) > 0 {
		fmt.Fprintf(tw, "%sboilerplate · repeated verbatim across documents · %s\n", sep, count(len(boilerplate), "cluster"))
		sep = "\n"
		for _, c := range boilerplate {
			writeTextBoilerplate(tw, r, c)
		}
	}
	of := clusterOf(r)
	header := false
	for _, p := range r.Pairs {
		if pairCluster(of, p) != 0 {
			continue
		}
		if !header {
			fmt.Fprintf(tw, "%spairs outside clusters\n", sep)
			sep, header = "\n", true
		}
		fmt.Fprintf(tw, "  %.2f\t%s\t%s\t%s\n", p.Score, p.Kind, location(&r.Units[p.A]), location(&r.Units[p.B]))
	}
	if len(r.Documents) > 0 {
		fmt.Fprintf(tw, "%sdocuments that share most of the text of one · %s\n", sep, count(len(r.Documents), "pair"))
		sep = "\n"
		for _, d := range r.Documents {
			fmt.Fprintf(tw, "  %s\t%s\t%d of %d · %d of %d units\t%s\n", oneLine(d.A), oneLine(d.B),
				d.SharedA, d.UnitsA, d.SharedB, d.UnitsB, pairKinds(d.Duplicates, d.Paraphrases))
		}
	}
	if sep == "" {
		fmt.Fprint(tw, "no duplicates or paraphrases found\n")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(bw, "\n%s\n", summary(&r.Stats))
	return bw.Flush()
}

func writeTextCluster(w io.Writer, r *neardup.Result, c *neardup.Cluster) {
	fmt.Fprintf(w, "cluster %d · %s · %s\n", c.ID, c.Kind, count(len(c.Members), "unit"))
	rep := &r.Units[c.Rep]
	fmt.Fprintf(w, "  %s\trep\t%s\n", location(rep), snippet(rep.Text, snippetRunes))
	for _, m := range c.Members {
		if m.Unit == c.Rep {
			continue
		}
		u := &r.Units[m.Unit]
		fmt.Fprintf(w, "  %s\t%.2f\t%s\n", location(u), m.Score, snippet(u.Text, snippetRunes))
	}
}

func writeTextBoilerplate(w io.Writer, r *neardup.Result, c *neardup.Cluster) {
	fmt.Fprintf(w, "  cluster %d · %s · %q\n", c.ID, count(len(c.Members), "unit"), snippet(r.Units[c.Rep].Text, snippetRunes/2))
	locs := make([]string, 0, min(len(c.Members), maxBoilerplateLocations))
	for _, m := range c.Members[:min(len(c.Members), maxBoilerplateLocations)] {
		locs = append(locs, location(&r.Units[m.Unit]))
	}
	more := ""
	if n := len(c.Members) - len(locs); n > 0 {
		more = fmt.Sprintf("  … and %d more", n)
	}
	fmt.Fprintf(w, "    %s%s\n", strings.Join(locs, "  "), more)
}

// pairKinds returns "24 duplicates · 1 paraphrase", leaving out a kind
// with none.
func pairKinds(dups, paras int) string {
	var parts []string
	if dups > 0 {
		parts = append(parts, count(dups, "duplicate"))
	}
	if paras > 0 {
		parts = append(parts, count(paras, "paraphrase"))
	}
	return strings.Join(parts, " · ")
}

// location returns DOC:LINE.
func location(u *neardup.Unit) string { return fmt.Sprintf("%s:%d", oneLine(u.Doc), u.Line) }

// summary returns the counts of a scan on one line.
func summary(s *neardup.Stats) string {
	parts := []string{
		count(s.Documents, "document"),
		count(s.Units, "unit"),
	}
	if s.References > 0 {
		parts = append(parts, fmt.Sprintf("%d in reference lists", s.References))
	}
	parts = appendSkipped(parts, s.Code, s.Metadata)
	if s.Templated > 0 {
		parts = append(parts, fmt.Sprintf("%d in templates", s.Templated))
	}
	parts = append(parts,
		count(s.Candidates, "candidate"),
		count(s.Pairs, "pair"),
		count(s.Clusters, "cluster"),
		fmt.Sprintf("%d boilerplate", s.Boilerplate),
	)
	if s.Errors > 0 {
		parts = append(parts, count(s.Errors, "unreadable input"))
	}
	return strings.Join(parts, " · ")
}

// appendSkipped adds to a summary's parts what the documents held that
// no unit does: code blocks and metadata (headers, attribution lines,
// front matter), when there were any.
func appendSkipped(parts []string, code, metadata int) []string {
	if code > 0 {
		parts = append(parts, count(code, "code block")+" left out")
	}
	if metadata > 0 {
		parts = append(parts, count(metadata, "header")+" left out")
	}
	return parts
}

// count returns "1 unit", "2 units".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
