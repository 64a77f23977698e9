package neardup_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

// TestCheckWithinAsScan: a draft checked against an empty archive within
// itself finds every pair a scan of the draft finds, with the same score
// (the draft's units make the whole corpus either way), the later unit
// matching the earlier (units are keyed by offset: a line can hold two). The within-draft candidates come from an inverted
// index of the draft (the archive probe's rule), not from every pair.
func TestCheckWithinAsScan(t *testing.T) {
	for _, path := range []string{"testdata/cambodia-article.txt", "testdata/scraped"} {
		for _, d := range ixRead(t, path) {
			scan, err := neardup.Scan(context.Background(), []corpus.Document{d}, neardup.Options{})
			must(t, err)
			if len(scan.Pairs) == 0 {
				continue
			}
			ix := ixOpen(t, "", neardup.IndexOptions{MaxMatches: 1000})
			res, err := ix.Check(context.Background(), []corpus.Document{d}, neardup.CheckOptions{Scope: neardup.ScopeWithin})
			must(t, err)
			got := map[string]float64{}
			for _, f := range res.Findings {
				got[fmt.Sprintf("%d~%d", f.Match.Start, f.Draft.Start)] = f.Score
			}
			for _, p := range scan.Pairs {
				a, b := scan.Units[p.A], scan.Units[p.B]
				key := fmt.Sprintf("%d~%d", a.Start, b.Start)
				s, ok := got[key]
				switch {
				case !ok:
					t.Errorf("%s: scan pair of lines %d and %d (%.3f) not found within the draft", d.ID, a.Line, b.Line, p.Score)
				case s != p.Score:
					t.Errorf("%s: lines %d and %d: check %.6f, scan %.6f", d.ID, a.Line, b.Line, s, p.Score)
				}
			}
		}
	}
}

// TestCheckWithinCopies: a draft of one paragraph thousands of times over
// makes a bounded number of candidates a unit (the text once, with the
// MaxMatches first copies: they tie), not one a pair of units, and each
// later copy is reported as a duplicate of the first copies.
func TestCheckWithinCopies(t *testing.T) {
	paras := ixParagraphs(t)
	const n = 2000
	ps := make([]string, n)
	for i := range ps {
		ps[i] = paras[1]
	}
	ix := ixOpen(t, "", neardup.IndexOptions{})
	res, err := ix.Check(context.Background(), []corpus.Document{ixDoc("copies", ps...)}, neardup.CheckOptions{Scope: neardup.ScopeWithin})
	must(t, err)
	if max := n * (1 + neardup.DefaultMaxMatches); res.Stats.Candidates > max {
		t.Errorf("%d candidates for %d copies, want at most %d", res.Stats.Candidates, n, max)
	}
	if want := 3*(n-3) + 2 + 1; len(res.Findings) != want {
		t.Errorf("%d findings, want %d (the first copies of each copy, three at most)", len(res.Findings), want)
	}
	for _, f := range res.Findings {
		if f.Kind != neardup.Duplicate || f.Match.Line >= f.Draft.Line || f.Match.Line > 5 {
			t.Errorf("finding %s:%d -> %s:%d %s; want a duplicate of one of the first three copies", f.Draft.Doc, f.Draft.Line, f.Match.Doc, f.Match.Line, f.Kind)
			break
		}
	}
}

// TestCheckWithinCrowded: a draft's rewording of its own lead is found
// when thirty long paragraphs between them repeat the draft's subject
// words (Brazil, arabica, Conab ...) and each share more of the rewording's
// terms than the lead does. The within-draft probe weighs terms by the
// draft's counts too, so the subject words weigh little and the lead's
// rarer shared words rank it among the candidates. (Weighed by the empty
// archive's counts alone, every term weighed the same and the thirty
// paragraphs took the 24 places.)
func TestCheckWithinCrowded(t *testing.T) {
	wire, rewrite := coffeeParagraphs(t)
	fill := strings.Fields("maple gypsum slate ibex hemlock talc quartz opal gold lynx tin falcon copper cedar shale toad gecko beryl ivory silver coral garnet laurel bison amber mica marble juniper ebony cobalt walrus badger nickel onyx topaz myrtle iron platinum aspen lead")
	paras := []string{wire[1]}
	for i := range 30 {
		words := slices.Clone(fill)
		rand.New(rand.NewPCG(uint64(i), 1)).Shuffle(len(words), func(a, b int) { words[a], words[b] = words[b], words[a] })
		paras = append(paras, fmt.Sprintf("In Brazil, output of arabica coffee, dry spell, Minas Gerais, growing state, government crop forecaster Conab, Tuesday, futures prices and the high year were noted beside %s at meeting %d.", strings.Join(words, ", "), i))
	}
	paras = append(paras, rewrite[1])
	ix := ixOpen(t, "", neardup.IndexOptions{})
	res, err := ix.Check(context.Background(), []corpus.Document{ixDoc("draft", paras...)}, neardup.CheckOptions{Scope: neardup.ScopeWithin})
	must(t, err)
	last := 2*len(paras) - 1 // ixDoc: one paragraph every other line
	for _, f := range res.Findings {
		if f.Draft.Line == last && f.Match.Line == 1 {
			return
		}
	}
	var got []string
	for _, f := range res.Findings {
		if f.Draft.Line == last {
			got = append(got, fmt.Sprintf("%d %s %.2f", f.Match.Line, f.Kind, f.Score))
		}
	}
	t.Errorf("the rewritten lead (line %d) is not matched with the lead (line 1); its findings: %v", last, got)
}

// TestCheckWithinCopiesOfCandidates: a draft says A, its rewording B, then
// A and B again. Every later unit is matched with every earlier one: the
// second B with the second A too, a copy of its first copy's candidate.
func TestCheckWithinCopiesOfCandidates(t *testing.T) {
	wire, rewrite := coffeeParagraphs(t)
	a, b := wire[1], rewrite[1]
	ix := ixOpen(t, "", neardup.IndexOptions{MaxMatches: 10})
	res, err := ix.Check(context.Background(), []corpus.Document{ixDoc("draft", a, b, a, b)}, neardup.CheckOptions{Scope: neardup.ScopeWithin})
	must(t, err)
	var got []string
	for _, f := range res.Findings {
		got = append(got, fmt.Sprintf("%d->%d %s", f.Draft.Line, f.Match.Line, f.Kind))
	}
	slices.Sort(got)
	want := []string{"3->1 paraphrase", "5->1 duplicate", "5->3 paraphrase", "7->1 paraphrase", "7->3 duplicate", "7->5 paraphrase"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q\nwant %q", got, want)
	}
}
