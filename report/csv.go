package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/neardup/neardup"
)

// csvHeader returns the names of the columns of the CSV report.
func csvHeader() []string {
	return []string{
		"kind", "score", "cosine", "jaccard", "containment",
		"a_doc", "a_line", "a_start", "a_end", "a_text",
		"b_doc", "b_line", "b_start", "b_end", "b_text",
		"cluster",
	}
}

// WriteCSV writes one row per pair of r, in the Result's order, after a
// header row: kind, score, cosine, jaccard, containment, the document, line,
// byte span and text of each unit (a_*, b_*), and the ID of the cluster
// holding both units (empty when they are not in one cluster). Scores are
// rounded to four decimals. Quoting follows RFC 4180 (encoding/csv).
// The rows are the pairs only: boilerplate and the clusters' members are
// in the JSON report.
//
// Texts are written as they are, for programs: a spreadsheet that opens
// the file may take a text cell that starts with '=', '+', '-' or '@' for
// a formula (text from the web can carry one on purpose), so import the
// file with its text columns as text rather than opening it directly.
func WriteCSV(w io.Writer, r *neardup.Result) error {
	if err := check(r); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	header := csvHeader()
	if err := cw.Write(header); err != nil {
		return err
	}
	of := clusterOf(r)
	row := make([]string, 0, len(header))
	for _, p := range r.Pairs {
		a, b := &r.Units[p.A], &r.Units[p.B]
		cluster := ""
		if id := pairCluster(of, p); id != 0 {
			cluster = strconv.Itoa(id)
		}
		row = append(row[:0],
			string(p.Kind), formatScore(p.Score), formatScore(p.Cosine), formatScore(p.Jaccard), formatScore(p.Containment),
			a.Doc, strconv.Itoa(a.Line), strconv.Itoa(a.Start), strconv.Itoa(a.End), a.Text,
			b.Doc, strconv.Itoa(b.Line), strconv.Itoa(b.Start), strconv.Itoa(b.End), b.Text,
			cluster,
		)
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
