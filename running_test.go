package neardup_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

// TestRunningHeads: a newsletter's page header and an RFC's page footer,
// repeated between pages with the page number rising, are boilerplate,
// not 15 pairs of near copies; rows of tables, whose numbers all change,
// and a recipe step repeated with its figures are left alone.
func TestRunningHeads(t *testing.T) {
	paras := []string{
		"The harbour council approved the dredging budget after a long debate about costs and fees.",
		"Fishermen protested outside the town hall, saying the new fees would put small boats out of business.",
		"The mayor said the port would apply for a regional grant to cover part of the dredging next spring.",
		"A new tram line opened in the old town after four years of construction and two changes of contractor.",
		"Farmers reported an early cherry harvest after a mild winter and a dry, sunny April across the valley.",
		"The museum will close its east wing for repairs to the roof, which was damaged in the January storms.",
	}
	var b strings.Builder
	for i, p := range paras {
		fmt.Fprintf(&b, "Harbour Town Weekly Newsletter Page %d Volume 6, Number 10, April 20, 1993\n\n%s\n\n", i+1, p)
	}
	// Rows of two tables: every number changes.
	for _, crop := range []string{"Wheat", "Corn", "Soybeans"} {
		fmt.Fprintf(&b, "%s supply and use, million bushels\n\nExports planted area 450 475 395 395\n\nDomestic feed use total %d %d %d\n\n", crop, len(crop)*100, len(crop)*90, len(crop)*80)
	}
	// A step repeated with its figures, in recipes: prose, not a head.
	for _, m := range []int{45, 60, 35} {
		fmt.Fprintf(&b, "Preheat the oven to 180 degrees and bake the cake for %d minutes, until a skewer comes out clean.\n\nServe it warm with cream.\n\n", m)
	}
	// A footer with the page number alone, on pages of text.
	var rfc strings.Builder
	for i, p := range paras {
		fmt.Fprintf(&rfc, "%s\n\nFielding, et al.            Standards Track                    [Page %d]\n\f\n", p, i+1)
	}
	// A footer ending with an abbreviation, not a sentence.
	var report strings.Builder
	for i, p := range []string{
		"Revenue from harbour dues rose by a tenth as larger ferries called at the northern quay.",
		"The company replaced two of its dredgers and sold the oldest to a yard in the south.",
		"Staff numbers were steady, with apprentices joining the engineering team in the autumn.",
		"A new contract with the regional council secures maintenance work for another five years.",
		"The board expects the deepened channel to open to cargo ships early next year.",
		"Shareholders will vote on the dividend at the meeting in the old customs house.",
	} {
		fmt.Fprintf(&report, "%s\n\nPage %d of 40 Annual Report 2023 Harbour Dredging Company Ltd.\n\n", p, i+1)
	}
	docs := []corpus.Document{{ID: "newsletter.txt", Format: corpus.Text, Text: b.String()}, {ID: "rfc.txt", Format: corpus.Text, Text: rfc.String()},
		{ID: "report.txt", Format: corpus.Text, Text: report.String()}}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	heads := 0
	for _, c := range res.Clusters {
		rep := res.Units[c.Rep].Text
		switch {
		case strings.HasPrefix(rep, "Harbour Town Weekly"), strings.HasPrefix(rep, "Fielding, et al."), strings.HasPrefix(rep, "Page 1 of 40"):
			if c.Kind != neardup.Boilerplate || len(c.Members) != len(paras) {
				t.Errorf("%q cluster: %s with %d members, want boilerplate with %d", rep, c.Kind, len(c.Members), len(paras))
			}
			heads++
		case c.Kind == neardup.Boilerplate:
			t.Errorf("boilerplate cluster around %q: only the header is", rep)
		}
	}
	if heads != 3 {
		t.Errorf("%d header and footer clusters, want 3", heads)
	}
	for _, p := range res.Pairs {
		if a := res.Units[p.A].Text; strings.HasPrefix(a, "Harbour Town Weekly") {
			t.Errorf("header reported in a pair: %q / %q", a, res.Units[p.B].Text)
		}
	}
}
