package neardup

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/neardup/neardup/archive"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/score"
	"github.com/neardup/neardup/similarity"
)

// TestCandidatesCoverBruteForce builds a small archive of real text and
// scores every checked draft unit against every archive unit (the slow,
// obviously right reference). Every pair the scorer calls a duplicate or
// paraphrase and that shares enough IDF weight to reach the probe floor
// must be among the candidates that the postings propose, and Check must
// report exactly those pairs with the same scores. Pairs below the floor
// are out of reach by design; they are logged and must stay rare.
func TestCandidatesCoverBruteForce(t *testing.T) {
	read := func(paths ...string) []corpus.Document {
		var docs []corpus.Document
		err := corpus.Read(paths, nil, corpus.Options{}, func(d *corpus.Document) error {
			docs = append(docs, *d)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return docs
	}
	ix, err := OpenIndex("", IndexOptions{MaxMatches: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// The archive: the article cut into documents of a few paragraphs, and
	// two coffee stories. The drafts: a rewrite, a copy, and the article's
	// own reworded paragraphs.
	b, err := os.ReadFile("testdata/cambodia-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(string(b), "\n\n")
	var docs []corpus.Document
	for i := 0; i < len(paras); i += 5 {
		docs = append(docs, corpus.Document{ID: "part" + string(rune('a'+i/5)), Format: corpus.Text, Text: strings.Join(paras[i:min(i+5, len(paras))], "\n\n")})
	}
	docs = append(docs, read("testdata/coffee/wire-original.txt", "testdata/coffee/regional-copy.txt")...)
	if err := ix.Add(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	drafts := read("testdata/coffee/markets-rewrite.txt", "testdata/cambodia-article.txt")

	c, err := ix.newChecker(context.Background(), drafts, CheckOptions{Scope: ScopeAcross})
	if err != nil {
		t.Fatal(err)
	}
	cands, _, _, err := c.propose(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	proposed := map[[2]uint32]bool{}
	for _, cd := range cands {
		proposed[[2]uint32{uint32(cd.draft), cd.id}] = true
	}

	// The reference: every archive unit, its analysis, and the document
	// frequencies counted from scratch.
	type archived struct {
		rec archive.Record
		su  *score.Unit
	}
	var all []archived
	var sus []*score.Unit
	err = ix.ar.View(func(tx archive.Tx) error {
		for id := uint32(1); id < tx.Stats().NextUnit; id++ {
			r, ok, err := tx.Unit(id)
			if err != nil {
				return err
			}
			if ok {
				su := ix.scorer.Analyze(r.Text)
				all = append(all, archived{r, su})
				sus = append(sus, su)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ref := ix.scorer.NewCorpus(sus)
	for _, a := range all {
		for _, term := range a.su.Terms() {
			if got, want := c.df[term], ref.DocFreq(term); got != 0 && int(got) != want {
				t.Fatalf("stored df of term %#x = %d, counted %d", term, got, want)
			}
		}
	}
	// reach reports whether archive unit a shares enough of draft unit d's
	// squared term weight to reach cosine probeFloor: the pairs candidate
	// generation promises to find (see Check).
	weight := func(t uint32) float64 {
		w := math.Log(float64(len(sus)+1)/float64(ref.DocFreq(t)+1)) + 1
		return w * w
	}
	reach := func(d, a *score.Unit) bool {
		var total, shared float64
		for _, t := range d.Terms() {
			total += weight(t)
			if _, ok := slices.BinarySearch(a.Terms(), t); ok {
				shared += weight(t)
			}
		}
		return shared >= probeFloor*probeFloor*total
	}
	// Pairs are scored as scan would score them with the drafts beside the
	// archive: the checked draft units are counted too.
	scored := ix.scorer.NewCorpus(sus)
	c.each(func(_ int, _ *draft, d *analysed) { scored.Add(d.su) })
	want := map[[2]uint32]score.Result{}
	below := 0
	c.each(func(k int, _ *draft, d *analysed) {
		for _, a := range all {
			if a.su.ContentWords() < ix.opt.MinWords {
				continue
			}
			if r := ix.scorer.Score(scored, d.su, a.su); r.Kind != score.Different {
				if !reach(d.su, a.su) {
					below++
					t.Logf("below the probe floor, out of reach by design: %s (%.3f)\n  %s\n  %s", r.Kind, r.Score, d.su.Text(), a.rec.Text)
					continue
				}
				want[[2]uint32{uint32(k), a.rec.ID}] = r
			}
		}
	})
	if below > len(want)/10 {
		t.Errorf("%d pairs the scorer calls paraphrases share less than the probe floor, against %d that share more", below, len(want))
	}
	if len(want) == 0 {
		t.Fatal("the reference found no pair")
	}
	missed := 0
	for p := range want {
		if !proposed[p] {
			missed++
			t.Errorf("draft unit %d and archive unit %d: %s by brute force, not a candidate", p[0], p[1], want[p].Kind)
		}
	}
	t.Logf("%d pairs found by brute force, %d candidates proposed, %d missed", len(want), len(cands), missed)

	// Check reports the same pairs with the same scores.
	res, err := ix.Check(context.Background(), drafts, CheckOptions{Scope: ScopeAcross})
	if err != nil {
		t.Fatal(err)
	}
	flat := c.flat()
	index := map[Location]int{}
	for k, a := range flat {
		index[a.Location] = k
	}
	byLoc := map[Location]uint32{}
	for _, a := range all {
		byLoc[recordUnit(&a.rec).Location] = a.rec.ID
	}
	got := 0
	for _, f := range res.Findings {
		p := [2]uint32{uint32(index[f.Draft.Location]), byLoc[f.Match.Location]}
		r, ok := want[p]
		switch {
		case !ok:
			t.Errorf("Check reports %s:%d ~ %s:%d, which brute force does not", f.Draft.Doc, f.Draft.Line, f.Match.Doc, f.Match.Line)
		case r.Score != f.Score || string(f.Kind) != r.Kind:
			t.Errorf("Check scores %s:%d ~ %s:%d %v %s, brute force %v %s", f.Draft.Doc, f.Draft.Line, f.Match.Doc, f.Match.Line, f.Score, f.Kind, r.Score, r.Kind)
		}
		got++
	}
	if got != len(want) {
		t.Errorf("Check reports %d pairs, brute force finds %d", got, len(want))
	}
}

func TestMaskQuotes(t *testing.T) {
	tests := []struct{ in, want string }{
		{`He said "we will not back down" and left.`, `He said   and left.`},
		{`“Curly quotes,” she said, “twice.”`, `  she said,  `},
		{`Le ministre a dit « non » hier.`, `Le ministre a dit   hier.`},
		{`Die „Zeitung“ schreibt.`, `Die   schreibt.`},
		{`It's the Governments’ view, isn't it?`, `It's the Governments’ view, isn't it?`},
		{`A ‘single quoted phrase’ here.`, `A   here.`},
		{`An "unclosed quote stays.`, `An "unclosed quote stays.`},
		{`No quotes at all.`, `No quotes at all.`},
	}
	for _, tc := range tests {
		if got := maskQuotes(tc.in); got != tc.want {
			t.Errorf("maskQuotes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestDuplicateProbeUnderBudget: when the probe's budget stops it after the
// few rarest terms (as on a large archive, where common terms have long
// postings), CheckAndAdd still finds every near copy of an archive
// paragraph: a copy with one word in ten dropped, as the duplicate rule
// allows, is seen, not added.
func TestDuplicateProbeUnderBudget(t *testing.T) {
	var paras []string
	for _, path := range []string{"testdata/cambodia-article.txt", "testdata/coffee/wire-original.txt", "testdata/coffee/markets-rewrite.txt", "testdata/coffee/regional-copy.txt"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			// One unit each; a list of sources is never stored nor checked.
			if p = strings.TrimSpace(p); p != "" && !strings.Contains(p, "\n") && !corpus.SplitText(p, corpus.Paragraph)[0].Reference {
				paras = append(paras, p)
			}
		}
	}
	ctx := context.Background()
	for _, budget := range []int{probeBudget, 8} {
		ix, err := OpenIndex("", IndexOptions{})
		if err != nil {
			t.Fatal(err)
		}
		ix.budget = budget
		var docs []corpus.Document
		for i, p := range paras {
			docs = append(docs, corpus.Document{ID: "p" + strconv.Itoa(i), Format: corpus.Text, Text: p})
		}
		if err := ix.Add(ctx, docs...); err != nil {
			t.Fatal(err)
		}
		tried := 0
		for i, p := range paras {
			w := strings.Fields(p)
			if ix.scorer.Analyze(p).ContentWords() < 8 {
				continue
			}
			var kept []string
			for j, x := range w {
				if j%10 != 5 {
					kept = append(kept, x)
				}
			}
			tried++
			res, added, err := ix.CheckAndAdd(ctx, corpus.Document{ID: "copy" + strconv.Itoa(i), Format: corpus.Text, Text: strings.Join(kept, " ")})
			if err != nil {
				t.Fatal(err)
			}
			if added {
				t.Errorf("budget %d: a copy of paragraph %d with one word in ten dropped was added, not seen (%d findings)", budget, i, len(res.Findings))
			}
		}
		if tried < 15 {
			t.Fatalf("only %d paragraphs tried", tried)
		}
		ix.Close()
	}
}

// TestOverlaps compares overlaps, which stops as soon as the answer is
// known, with its definition on random sets of term ids.
func TestOverlaps(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	set := func() []uint32 {
		n := r.IntN(12)
		m := map[uint32]bool{}
		for len(m) < n {
			m[uint32(r.IntN(24))] = true
		}
		var s []uint32
		for x := range m {
			s = append(s, x)
		}
		slices.Sort(s)
		return s
	}
	for range 20000 {
		a, b := set(), set()
		n := similarity.Intersect(a, b)
		want := n > 0 && 2*n >= min(len(a), len(b))
		if got := overlaps(a, b); got != want {
			t.Fatalf("overlaps(%v, %v) = %v, want %v (%d shared)", a, b, got, want, n)
		}
	}
}

// TestAccumulator compares the accumulator with a map over enough ids to
// make its table grow twice, and checks that it drains in the order ids
// were first added and comes back empty.
func TestAccumulator(t *testing.T) {
	ix := &Index{}
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 2; round++ {
		acc := ix.accumulator()
		want := map[uint32]float64{}
		var order []uint32
		for range 6 * accInitial {
			id := uint32(r.IntN(4 * accInitial))
			if round == 1 {
				id *= 977 // ids spread over millions
			}
			if _, ok := want[id]; !ok {
				order = append(order, id)
			}
			want[id] += 0.5
			acc.add(id, 0.5)
		}
		var got []uint32
		acc.drain(func(id uint32, w float64) {
			got = append(got, id)
			if w != want[id] {
				t.Fatalf("round %d: id %d: weight %v, want %v", round, id, w, want[id])
			}
		})
		if !slices.Equal(got, order) {
			t.Fatalf("round %d: drained %d ids, want %d in the order first added", round, len(got), len(order))
		}
		if len(acc.keys) <= 2*accInitial {
			t.Errorf("round %d: the table did not grow (%d slots for %d ids)", round, len(acc.keys), len(order))
		}
		acc.drain(func(id uint32, _ float64) { t.Fatalf("round %d: id %d left after drain", round, id) })
		ix.accs.Put(acc)
	}
}

// TestKeepMatches: the findings kept for a unit are its best MaxMatches,
// but its best duplicate is kept in the last place when paraphrases
// outscore it.
func TestKeepMatches(t *testing.T) {
	f := func(kind Kind, score float64, doc string) Finding {
		return Finding{Kind: kind, Scores: Scores{Score: score}, Match: Unit{Location: Location{Doc: doc}}}
	}
	p1, p2, p3 := f(Paraphrase, 0.97, "p1"), f(Paraphrase, 0.96, "p2"), f(Paraphrase, 0.95, "p3")
	d1, d2 := f(Duplicate, 0.93, "d1"), f(Duplicate, 0.92, "d2")
	docs := func(fs []Finding) string {
		var s []string
		for _, f := range fs {
			s = append(s, f.Match.Doc)
		}
		return strings.Join(s, ",")
	}
	for _, tc := range []struct {
		fs   []Finding
		n    int
		want string
	}{
		{[]Finding{p1, p2, p3, d1, d2}, 3, "p1,p2,d1"},
		{[]Finding{p1, p2, p3, d1, d2}, 1, "d1"},
		{[]Finding{p1, p2, p3, d1, d2}, 5, "p1,p2,p3,d1,d2"},
		{[]Finding{p1, d1, p2, d2}, 2, "p1,d1"},
		{[]Finding{p1, p2, p3}, 2, "p1,p2"},
		{[]Finding{d1, d2}, 1, "d1"},
		{[]Finding{p1}, 3, "p1"},
		{nil, 3, ""},
	} {
		in := slices.Clone(tc.fs)
		if got := docs(keepMatches(tc.fs, tc.n)); got != tc.want {
			t.Errorf("keepMatches(%s, %d) = %s, want %s", docs(tc.fs), tc.n, got, tc.want)
		}
		if docs(in) != docs(tc.fs) {
			t.Errorf("keepMatches changed its argument")
		}
	}
}

// TestWithinProbeUnderBudget: when the within-draft probe's budget is
// smaller than the draft (as a budget of 32,768 postings is for a draft of
// 40,000 units), a unit still finds its near copies: a term no earlier unit
// holds (the unit's own word) is passed over, not counted as the one term
// the probe must read before the budget may stop it. A draft of the same
// sentence a hundred times, one word made up anew in each, at budget 64.
func TestWithinProbeUnderBudget(t *testing.T) {
	ix, err := OpenIndex("", IndexOptions{MaxMatches: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.budget = 64
	var paras []string
	for i := range 100 {
		paras = append(paras, fmt.Sprintf("The port authority %s on Tuesday that the strike by dock workers had ended after three weeks of talks.", "zq"+strconv.Itoa(i*7919)+"x"))
	}
	draft := corpus.Document{ID: "draft", Format: corpus.Text, Text: strings.Join(paras, "\n\n")}
	res, err := ix.Check(context.Background(), []corpus.Document{draft}, CheckOptions{Scope: ScopeWithin})
	if err != nil {
		t.Fatal(err)
	}
	found := map[int]bool{}
	for _, f := range res.Findings {
		found[f.Draft.Line] = true
	}
	for i := 1; i < len(paras); i++ {
		if !found[2*i+1] {
			t.Errorf("unit %d (line %d) has no finding; %d of %d later units have one", i, 2*i+1, len(found), len(paras)-1)
			break
		}
	}
}
