package neardup_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

// coffeeParagraphs returns paragraph k (0-based) of the wire story and of
// its rewrite in testdata/coffee: lead, crop figures, roasters, revision.
func coffeeParagraphs(t testing.TB) (wire, rewrite []string) {
	t.Helper()
	for _, d := range readDocs(t, "testdata/coffee/wire-original.txt", "testdata/coffee/markets-rewrite.txt") {
		var ps []string
		for _, u := range corpus.Split(&d, corpus.Paragraph) {
			if u.Kind == corpus.KindParagraph {
				ps = append(ps, u.Text)
			}
		}
		if strings.Contains(d.ID, "wire") {
			wire = ps
		} else {
			rewrite = ps
		}
	}
	if len(wire) < 3 || len(rewrite) < 2 {
		t.Fatalf("coffee fixture: %d and %d paragraphs", len(wire), len(rewrite))
	}
	return wire, rewrite
}

func textDoc(id string, paragraphs ...string) corpus.Document {
	return corpus.Document{ID: id, Path: id, Format: corpus.Text, Text: strings.Join(paragraphs, "\n\n") + "\n"}
}

// pairSet returns the result's pairs as "doc:line~doc:line kind score".
func pairSet(res *neardup.Result) []string {
	var out []string
	for _, p := range res.Pairs {
		a, b := res.Units[p.A], res.Units[p.B]
		out = append(out, fmt.Sprintf("%s:%d~%s:%d %s %.2f", a.Doc, a.Line, b.Doc, b.Line, p.Kind, p.Score))
	}
	return out
}

// clusterSet returns the non-boilerplate clusters as "doc:line@score" lists,
// the representative first.
func clusterSet(res *neardup.Result) [][]string {
	var out [][]string
	for _, c := range res.Clusters {
		if c.Kind == neardup.Boilerplate {
			continue
		}
		r := res.Units[c.Rep]
		ms := []string{fmt.Sprintf("%s:%d rep", r.Doc, r.Line)}
		for _, m := range c.Members {
			if m.Unit != c.Rep {
				u := res.Units[m.Unit]
				ms = append(ms, fmt.Sprintf("%s:%d@%.2f", u.Doc, u.Line, m.Score))
			}
		}
		out = append(out, ms)
	}
	return out
}

// TestExactCopies: a paragraph copied word for word is scored once; its
// copies are reported as pairs with the first of them and as members of
// its cluster, with the first copy's score to the representative.
func TestExactCopies(t *testing.T) {
	wire, rewrite := coffeeParagraphs(t)
	lead, figures, roasters := wire[1], wire[2], wire[3]
	docs := []corpus.Document{
		textDoc("a", lead, figures, lead, lead),
		textDoc("b", rewrite[1], roasters),
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	must(t, err)
	pairs := pairSet(res)
	var para string
	for _, p := range pairs {
		if strings.HasPrefix(p, "a:1~b:1 paraphrase ") {
			para = p
		}
	}
	if para == "" {
		t.Fatalf("the rewritten lead is not paired with the first copy of the lead: %q", pairs)
	}
	want := []string{"a:1~a:5 duplicate 1.00", "a:1~a:7 duplicate 1.00", para}
	if !slices.Equal(pairs, want) {
		t.Errorf("pairs %q\nwant %q (one pair a copy, the rewrite paired once)", pairs, want)
	}
	score := strings.Fields(para)[2]
	wantClusters := [][]string{{"a:1 rep", "a:5@1.00", "a:7@1.00", "b:1@" + score}}
	if got := clusterSet(res); fmt.Sprint(got) != fmt.Sprint(wantClusters) {
		t.Errorf("clusters %q\nwant %q", got, wantClusters)
	}
	if res.Stats.Pairs != len(res.Pairs) || res.Stats.Clusters != 1 {
		t.Errorf("stats %+v", res.Stats)
	}
}

// TestExactCopiesScope: under a scope, copies are copies within one
// document, so the scope decides about them as it would about each copy.
func TestExactCopiesScope(t *testing.T) {
	wire, _ := coffeeParagraphs(t)
	lead, figures, roasters := wire[1], wire[2], wire[3]
	docs := []corpus.Document{
		textDoc("a", lead, figures, lead),
		textDoc("b", roasters, lead),
	}
	for _, tc := range []struct {
		scope    neardup.Scope
		pairs    []string
		clusters [][]string
	}{
		{neardup.ScopeAll,
			[]string{"a:1~a:5 duplicate 1.00", "a:1~b:3 duplicate 1.00"},
			[][]string{{"a:1 rep", "a:5@1.00", "b:3@1.00"}}},
		{neardup.ScopeWithin,
			[]string{"a:1~a:5 duplicate 1.00"},
			[][]string{{"a:1 rep", "a:5@1.00"}}},
		// The copy within a is no pair across documents, but it says what
		// the pair a:1~b:3 says and joins their cluster, as it would if it
		// were scored.
		{neardup.ScopeAcross,
			[]string{"a:1~b:3 duplicate 1.00"},
			[][]string{{"a:1 rep", "a:5@1.00", "b:3@1.00"}}},
	} {
		res, err := neardup.Scan(context.Background(), docs, neardup.Options{Scope: tc.scope})
		must(t, err)
		if got := pairSet(res); !slices.Equal(got, tc.pairs) {
			t.Errorf("scope %s: pairs %q, want %q", tc.scope, got, tc.pairs)
		}
		if got := clusterSet(res); fmt.Sprint(got) != fmt.Sprint(tc.clusters) {
			t.Errorf("scope %s: clusters %q, want %q", tc.scope, got, tc.clusters)
		}
	}
}

// TestExactCopiesLinear: thousands of copies of one paragraph in one file
// make one pair a copy, not one a pair of copies, and no candidate of
// their own.
func TestExactCopiesLinear(t *testing.T) {
	wire, _ := coffeeParagraphs(t)
	const n = 3000
	ps := make([]string, 0, n+1)
	for range n {
		ps = append(ps, wire[1])
	}
	ps = append(ps, wire[3])
	res, err := neardup.Scan(context.Background(), []corpus.Document{textDoc("copies", ps...)}, neardup.Options{})
	must(t, err)
	if res.Stats.Candidates != 0 || len(res.Pairs) != n-1 || len(res.Clusters) != 1 || len(res.Clusters[0].Members) != n {
		t.Errorf("%d copies: %d candidates, %d pairs, %d clusters; want 0, %d and one of %d members",
			n, res.Stats.Candidates, len(res.Pairs), len(res.Clusters), n-1, n)
	}
}

// BenchmarkScanCopies: a file of one paragraph 10,000 times over (a
// scraper's repeated page furniture within one document, a log of one
// message) costs about what reading and splitting it costs.
func BenchmarkScanCopies(b *testing.B) {
	wire, _ := coffeeParagraphs(b)
	ps := make([]string, 0, 10_000)
	for range 10_000 {
		ps = append(ps, wire[1])
	}
	docs := []corpus.Document{textDoc("copies", ps...)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := neardup.Scan(context.Background(), docs, neardup.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
