package report

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strconv"
	"testing"
)

// TestWriteCSVParses reads the CSV back with encoding/csv: a header and one
// row per pair, each naming the pair's units and, when both are in one
// cluster, its ID.
func TestWriteCSVParses(t *testing.T) {
	r := seedResult(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(r.Pairs)+1 {
		t.Fatalf("%d rows, want a header and %d pairs", len(rows), len(r.Pairs))
	}
	if !reflect.DeepEqual(rows[0], csvHeader()) {
		t.Errorf("header = %q, want %q", rows[0], csvHeader())
	}
	wantCluster := []string{"2", "1", "1", "", "1"}
	for i, p := range r.Pairs {
		row := rows[i+1]
		a, b := r.Units[p.A], r.Units[p.B]
		want := []string{
			string(p.Kind), formatScore(p.Score), formatScore(p.Cosine), formatScore(p.Jaccard), formatScore(p.Containment),
			a.Doc, strconv.Itoa(a.Line), strconv.Itoa(a.Start), strconv.Itoa(a.End), a.Text,
			b.Doc, strconv.Itoa(b.Line), strconv.Itoa(b.Start), strconv.Itoa(b.End), b.Text,
			wantCluster[i],
		}
		if !reflect.DeepEqual(row, want) {
			t.Errorf("row %d = %q\nwant %q", i+1, row, want)
		}
	}
}

// TestWriteCSVQuotes checks that text with commas, quotes and new lines
// survives the round trip.
func TestWriteCSVQuotes(t *testing.T) {
	r := seedResult(t)
	text := "He said \"no\", then left.\nNext line; =SUM(A1)"
	r.Units[uHead3].Text = text
	var buf bytes.Buffer
	if err := WriteCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[1][9]; got != text {
		t.Errorf("a_text = %q, want %q", got, text)
	}
}
