package neardup_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/shingle"
)

// unitsOf returns the units of documents as a check reports them.
func unitsOf(docs []corpus.Document) []neardup.Unit {
	var out []neardup.Unit
	for i := range docs {
		d := &docs[i]
		for _, u := range corpus.Split(d, corpus.Paragraph) {
			out = append(out, neardup.Unit{
				Location: neardup.Location{Doc: d.ID, Path: d.Path, URL: d.URL, Title: d.Title, Line: u.Line, Start: u.Start, End: u.End},
				Kind:     u.Kind,
				Text:     u.Text,
			})
		}
	}
	return out
}

// normalized is a unit's text as the scorer's duplicate rule sees
// identical wording: normalised words, punctuation dropped.
func normalized(an *shingle.Analyzer, text string) string {
	var words []string
	for _, t := range an.Tokens(text, nil) {
		words = append(words, t.Norm)
	}
	return strings.Join(words, " ")
}

// TestCheckCopies checks a draft that copies a paragraph of an archive
// article against the archive. The reference is the slow, obviously right
// one: every pair of a draft unit and an archive unit with the same
// normalised words (and enough content words) is a duplicate, located
// exactly.
func TestCheckCopies(t *testing.T) {
	archiveDocs := ixRead(t, "testdata/coffee/wire-original.txt", "testdata/cambodia-article.txt")
	drafts := ixRead(t, "testdata/coffee/regional-copy.txt")
	// The draft also copies two paragraphs of the article, one re-spaced.
	paras := ixParagraphs(t)
	drafts = append(drafts, ixDoc("blog.txt", "An opening of our own about coffee, farms and rain in the south of Brazil this year.", paras[4], strings.ReplaceAll(paras[7], " ", "  ")))
	an, err := shingle.NewAnalyzer(shingle.Options{})
	must(t, err)
	var want []string
	for _, d := range unitsOf(drafts) {
		for _, a := range unitsOf(archiveDocs) {
			if normalized(an, d.Text) == normalized(an, a.Text) && len(strings.Fields(d.Text)) >= 8 {
				want = append(want, fmt.Sprintf("%+v -> %+v", d, a))
			}
		}
	}
	if len(want) != 3 {
		t.Fatalf("reference found %d copied paragraphs, want 3", len(want))
	}
	for name, ix := range ixBoth(t, neardup.IndexOptions{}) {
		t.Run(name, func(t *testing.T) {
			must(t, ix.Add(context.Background(), archiveDocs...))
			res, err := ix.Check(context.Background(), drafts, neardup.CheckOptions{})
			must(t, err)
			var got []string
			for _, f := range res.Findings {
				if f.Kind == neardup.Duplicate {
					got = append(got, fmt.Sprintf("%+v -> %+v", f.Draft, f.Match))
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("duplicate findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if res.Stats.Documents != 2 || res.Stats.Units == 0 || res.Stats.Findings != len(res.Findings) {
				t.Errorf("Stats = %+v", res.Stats)
			}
		})
	}
}

// TestCheckScope: a draft repeating its own paragraph is reported within
// it, the later unit matching the earlier, and only with a scope that
// includes it.
func TestCheckScope(t *testing.T) {
	paras := ixParagraphs(t)
	ix := ixOpen(t, "", neardup.IndexOptions{})
	must(t, ix.Add(context.Background(), ixDoc("archived", paras[5])))
	draft := ixDoc("draft", paras[1], paras[5], paras[1])
	units := unitsOf([]corpus.Document{draft})
	tests := []struct {
		scope neardup.Scope
		want  []string // draft line -> match doc:line
	}{
		{neardup.ScopeWithin, []string{"5 -> draft:1"}},
		{neardup.ScopeAcross, []string{"3 -> archived:1"}},
		{neardup.ScopeAll, []string{"3 -> archived:1", "5 -> draft:1"}},
	}
	for _, tc := range tests {
		t.Run(string(tc.scope), func(t *testing.T) {
			res, err := ix.Check(context.Background(), []corpus.Document{draft}, neardup.CheckOptions{Scope: tc.scope})
			must(t, err)
			var got []string
			for _, f := range res.Findings {
				if f.Kind == neardup.Duplicate {
					got = append(got, fmt.Sprintf("%d -> %s:%d", f.Draft.Line, f.Match.Doc, f.Match.Line))
					if f.Match.Doc == "draft" && f.Match != units[0] {
						t.Errorf("within match = %+v, want %+v", f.Match, units[0])
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Check(scope %s) duplicates = %v, want %v", tc.scope, got, tc.want)
			}
		})
	}
	if _, err := ix.Check(context.Background(), []corpus.Document{draft}, neardup.CheckOptions{Scope: "nearby"}); err == nil {
		t.Errorf("Check with scope %q succeeded", "nearby")
	}
}

// TestCheckIgnoreQuotes: quoted text is left out with IgnoreQuotes.
func TestCheckIgnoreQuotes(t *testing.T) {
	paras := ixParagraphs(t)
	ix := ixOpen(t, "", neardup.IndexOptions{})
	must(t, ix.Add(context.Background(), ixDoc("speech", paras[6], paras[8])))
	draft := corpus.Document{ID: "draft.md", Path: "draft.md", Format: corpus.Markdown, Text: "" +
		"The minister repeated it: “" + paras[6] + "” That was all.\n\n" +
		"> " + paras[8] + "\n"}
	for _, ignore := range []bool{false, true} {
		res, err := ix.Check(context.Background(), []corpus.Document{draft}, neardup.CheckOptions{IgnoreQuotes: ignore})
		must(t, err)
		lines := map[int]bool{}
		for _, f := range res.Findings {
			lines[f.Draft.Line] = true
		}
		want := map[int]bool{1: !ignore, 3: !ignore}
		for line, w := range want {
			if lines[line] != w {
				t.Errorf("IgnoreQuotes %v: finding at line %d = %v, want %v", ignore, line, lines[line], w)
			}
		}
	}
}

// TestCheckBoilerplate: units duplicating known boilerplate are never
// reported.
func TestCheckBoilerplate(t *testing.T) {
	paras := ixParagraphs(t)
	const notice = "Subscribe to our newsletter to get the latest news, analysis and opinion from our reporters every morning."
	ix := ixOpen(t, "", neardup.IndexOptions{})
	must(t, ix.Add(context.Background(), ixDoc("old", paras[2], notice)))
	draft := ixDoc("draft", paras[2], notice)
	boiler := ixDoc("boilerplate.txt", "Site footer.", strings.ToUpper(notice[:1])+notice[1:])
	for _, withBoiler := range []bool{false, true} {
		opt := neardup.CheckOptions{}
		if withBoiler {
			opt.Boilerplate = []corpus.Document{boiler}
		}
		res, err := ix.Check(context.Background(), []corpus.Document{draft}, opt)
		must(t, err)
		var lines []int
		for _, f := range res.Findings {
			lines = append(lines, f.Draft.Line)
		}
		want := []int{1, 3}
		if withBoiler {
			want = []int{1}
		}
		if !slices.Equal(lines, want) {
			t.Errorf("boilerplate %v: findings at lines %v, want %v", withBoiler, lines, want)
		}
	}
}

// TestCheckDeterministic: the result does not depend on the number of
// goroutines or on the index being on disk or in memory.
func TestCheckDeterministic(t *testing.T) {
	archiveDocs := ixRead(t, "testdata/cambodia-article.txt", "testdata/coffee/wire-original.txt")
	drafts := ixRead(t, "testdata/coffee/markets-rewrite.txt", "testdata/coffee/regional-copy.txt")
	var first *neardup.CheckResult
	for _, workers := range []int{1, 7} {
		for name, ix := range ixBoth(t, neardup.IndexOptions{Workers: workers, MaxMatches: 5}) {
			must(t, ix.Add(context.Background(), archiveDocs...))
			res, err := ix.Check(context.Background(), drafts, neardup.CheckOptions{})
			must(t, err)
			if first == nil {
				first = res
				continue
			}
			if !reflect.DeepEqual(res, first) {
				t.Errorf("%d workers, %s: result differs from the first run", workers, name)
			}
		}
	}
	// Findings come by draft document, draft unit, then best score first,
	// at most MaxMatches a unit.
	per := map[string]int{}
	for i, f := range first.Findings {
		per[fmt.Sprint(f.Draft.Location)]++
		if i == 0 {
			continue
		}
		p := first.Findings[i-1]
		if f.Draft.Doc == p.Draft.Doc && f.Draft.Start < p.Draft.Start ||
			f.Draft.Location == p.Draft.Location && f.Score > p.Score {
			t.Errorf("finding %d (%s:%d %.4f) out of order after %s:%d %.4f", i, f.Draft.Doc, f.Draft.Line, f.Score, p.Draft.Doc, p.Draft.Line, p.Score)
		}
	}
	for loc, n := range per {
		if n > 5 {
			t.Errorf("%s: %d findings, want at most MaxMatches 5", loc, n)
		}
	}
}

// TestCheckSkipsItself: a draft is not reported against the archive's copy
// of the same document (its id), only against other documents.
func TestCheckSkipsItself(t *testing.T) {
	paras := ixParagraphs(t)
	ix := ixOpen(t, "", neardup.IndexOptions{})
	must(t, ix.Add(context.Background(), ixDoc("published.md", paras[3], paras[4]), ixDoc("other.md", paras[4])))
	if got, want := matchedDocs(t, ix, ixDoc("published.md", paras[3], paras[4])), []string{"other.md"}; !slices.Equal(got, want) {
		t.Errorf("checking published.md again: duplicates of %v, want %v", got, want)
	}
}

// TestCheckStdinDraft: a draft read from standard input ("-") is nobody's
// earlier version: it is compared with an archive document added under
// "-" too (as indexes built before `neardup index add` refused an id-less
// standard input hold), while another document with id "-" still skips
// its own earlier version.
func TestCheckStdinDraft(t *testing.T) {
	paras := ixParagraphs(t)
	ix := ixOpen(t, "", neardup.IndexOptions{})
	stdin := corpus.Document{ID: "-", Path: "-", Format: corpus.Text, Text: paras[3] + "\n"}
	must(t, ix.Add(context.Background(), stdin))
	if got, want := matchedDocs(t, ix, stdin), []string{"-"}; !slices.Equal(got, want) {
		t.Errorf("checking standard input against an archived standard input: duplicates of %v, want %v", got, want)
	}
	named := corpus.Document{ID: "-", Format: corpus.Text, Text: paras[3]} // a library caller's id "-", not standard input
	if got := matchedDocs(t, ix, named); len(got) != 0 {
		t.Errorf("checking a document with id \"-\" not read from standard input: duplicates of %v, want none (its own earlier version)", got)
	}
}

// TestCheckMaxMatchesKeepsDuplicate: a draft unit with three paraphrases
// (a number changed) that outscore a duplicate (a few words changed) keeps
// the duplicate among its findings whatever MaxMatches, so whether it
// duplicates archive text does not depend on how many are shown.
func TestCheckMaxMatchesKeepsDuplicate(t *testing.T) {
	const draft = "The city council approved a budget of 45 million dollars on Tuesday to repair bridges, resurface roads and expand the bus network across the northern districts over the next three years."
	archive := []corpus.Document{ixDoc("dup", "The town board passed a budget of 45 million dollars on Monday to repair bridges, resurface roads and expand the bus network across the northern districts over the next three years.")}
	// A figure more, each in a wording of its own: three fillings of one
	// wording would be a template (TestCheckTemplated), and three other
	// figures for the draft's a restatement with other figures
	// (TestCheckRestated).
	for i, n := range []string{"to repair 12 bridges", "to fix 14 bridges", "to mend 16 bridges"} {
		archive = append(archive, ixDoc(fmt.Sprint("n", i+1), strings.Replace(draft, "to repair bridges", n, 1)))
	}
	check := func(maxMatches int) []neardup.Finding {
		ix := ixOpen(t, "", neardup.IndexOptions{MaxMatches: maxMatches})
		must(t, ix.Add(context.Background(), archive...))
		res, err := ix.Check(context.Background(), []corpus.Document{ixDoc("draft", draft)}, neardup.CheckOptions{})
		must(t, err)
		return res.Findings
	}
	all := check(10)
	var kinds []string
	for _, f := range all {
		kinds = append(kinds, fmt.Sprintf("%s %s %.4f", f.Match.Doc, f.Kind, f.Score))
	}
	if len(all) != 4 || all[3].Kind != neardup.Duplicate || all[3].Match.Doc != "dup" {
		t.Fatalf("the fixture wants three paraphrases outscoring one duplicate, got %v", kinds)
	}
	for _, n := range []int{1, 2, 3} {
		got := check(n)
		if len(got) != n || got[n-1].Kind != neardup.Duplicate || got[n-1].Match.Doc != "dup" {
			t.Errorf("MaxMatches %d: %d findings, the last %+v; want %d, the duplicate last", n, len(got), got[len(got)-1].Match.Location, n)
		}
		for i := 1; i < len(got); i++ {
			if got[i].Score > got[i-1].Score {
				t.Errorf("MaxMatches %d: findings out of order", n)
			}
		}
	}
}

// TestCheckScoresAsScan: a draft checked against an archive gets the
// scores scan gives the same pairs over the archive's documents and the
// draft together (the scorer's IDF counts the draft's units beside the
// archive's, and leaves each scored pair's own two units out), and every
// pair scan finds between the draft and the archive. (Check may find more:
// its candidate search reaches lower cosines than scan's.)
func TestCheckScoresAsScan(t *testing.T) {
	archiveDocs := ixRead(t, "testdata/coffee/wire-original.txt", "testdata/coffee/regional-copy.txt")
	drafts := ixRead(t, "testdata/coffee/markets-rewrite.txt")
	scan, err := neardup.Scan(context.Background(), append(slices.Clone(archiveDocs), drafts...), neardup.Options{})
	must(t, err)
	// Scan reports a pair once for a text and its exact copies (the
	// regional paper reprints the wire's lead): a copy scores as its
	// original does.
	copies := map[string][]neardup.Location{}
	for _, u := range scan.Units {
		copies[u.Text] = append(copies[u.Text], u.Location)
	}
	want := map[string]float64{}
	for _, p := range scan.Pairs {
		for _, x := range copies[scan.Units[p.A].Text] {
			for _, y := range copies[scan.Units[p.B].Text] {
				a, b := x, y
				if b.Doc == drafts[0].ID {
					a, b = b, a
				}
				if a.Doc == drafts[0].ID && b.Doc != drafts[0].ID {
					want[fmt.Sprint(a, b)] = p.Score
				}
			}
		}
	}
	if len(want) < 3 {
		t.Fatalf("scan finds %d pairs between the draft and the archive, want its three rewordings", len(want))
	}
	for name, ix := range ixBoth(t, neardup.IndexOptions{}) {
		t.Run(name, func(t *testing.T) {
			must(t, ix.Add(context.Background(), archiveDocs...))
			res, err := ix.Check(context.Background(), drafts, neardup.CheckOptions{Scope: neardup.ScopeAcross})
			must(t, err)
			found := 0
			for _, f := range res.Findings {
				w, ok := want[fmt.Sprint(f.Draft.Location, f.Match.Location)]
				if !ok {
					continue
				}
				found++
				if f.Score != w {
					t.Errorf("%s:%d ~ %s:%d: check %.6f, scan %.6f", f.Draft.Doc, f.Draft.Line, f.Match.Doc, f.Match.Line, f.Score, w)
				}
			}
			if found != len(want) {
				t.Errorf("check finds %d of the %d pairs scan finds between the draft and the archive", found, len(want))
			}
		})
	}
}

// TestCheckContext: Check and CheckAndAdd look at their context all along
// the work (the probe of each draft unit, the analysis and scoring of each
// candidate, the within-draft pairs) and stop at the first look that finds
// it done, returning ctx.Err(). A full run counts the looks; a run whose
// context cancels itself at a quarter of them returns ctx.Err() having
// looked no further (but for the error it returns), so having started no
// more of the work after it.
func TestCheckContext(t *testing.T) {
	paras := ixParagraphs(t)
	archiveDocs := ixRead(t, "testdata/coffee/wire-original.txt", "testdata/coffee/regional-copy.txt")
	long := ixDoc("long", paras...) // a draft repeating itself: many within-draft pairs
	for _, tc := range []struct {
		name string
		run  func(ctx context.Context, ix *neardup.Index) error
	}{
		{"within", func(ctx context.Context, ix *neardup.Index) error {
			_, err := ix.Check(ctx, []corpus.Document{long}, neardup.CheckOptions{Scope: neardup.ScopeWithin})
			return err
		}},
		{"across", func(ctx context.Context, ix *neardup.Index) error {
			_, err := ix.Check(ctx, ixRead(t, "testdata/coffee/markets-rewrite.txt", "testdata/cambodia-article.txt"), neardup.CheckOptions{Scope: neardup.ScopeAcross})
			return err
		}},
		{"all", func(ctx context.Context, ix *neardup.Index) error {
			_, err := ix.Check(ctx, []corpus.Document{long}, neardup.CheckOptions{Boilerplate: ixRead(t, "testdata/coffee/regional-copy.txt")})
			return err
		}},
		{"CheckAndAdd", func(ctx context.Context, ix *neardup.Index) error {
			_, _, err := ix.CheckAndAdd(ctx, long)
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix := ixOpen(t, "", neardup.IndexOptions{Workers: 2})
			must(t, ix.Add(context.Background(), append(archiveDocs, ixDoc("cambodia", paras[:len(paras)/2]...))...))

			full := newCancelAfter(-1) // never cancels
			must(t, tc.run(full, ix))
			n := full.calls.Load()
			if n < 20 {
				t.Fatalf("a full run looked at its context %d times, want it to look all along", n)
			}
			ctx := newCancelAfter(n / 4)
			if err := tc.run(ctx, ix); err != ctx.Context.Err() || err == nil {
				t.Errorf("cancelled at look %d of %d: error %v, want %v", n/4, n, err, context.Canceled)
			}
			// One more look may fetch the error to return.
			if got := ctx.calls.Load(); got > n/4+1 {
				t.Errorf("cancelled at look %d of %d: looked %d times, want no look after the cancellation but the error's", n/4, n, got)
			}

			done, cancel := context.WithCancel(context.Background())
			cancel()
			if err := tc.run(done, ix); err != done.Err() {
				t.Errorf("cancelled before: error %v, want %v", err, done.Err())
			}
		})
	}
}

// TestCheckVerdictNotScans pins what the Check documentation says of scan:
// the scores agree, but scan's verdict has rules of its own. Line 5 of the
// bundled article archived, and as a draft its first sentence followed by
// another of the article's (line 58's): Check reports a paraphrase; a scan
// of the two documents, whose sentence-coverage rule for multi-sentence
// paragraphs applies (one sentence of two said), reports no pair.
func TestCheckVerdictNotScans(t *testing.T) {
	b, err := os.ReadFile("testdata/cambodia-article.txt")
	must(t, err)
	lines := strings.Split(string(b), "\n")
	first, _, _ := strings.Cut(lines[4], ". ")
	other := strings.TrimPrefix(strings.TrimSpace(lines[57]), "3. ")
	archived, draft := ixDoc("archived", lines[4]), ixDoc("draft", first+". "+other)
	ix := ixOpen(t, "", neardup.IndexOptions{})
	must(t, ix.Add(context.Background(), archived))
	res, err := ix.Check(context.Background(), []corpus.Document{draft}, neardup.CheckOptions{})
	must(t, err)
	if len(res.Findings) != 1 || res.Findings[0].Kind != neardup.Paraphrase || res.Findings[0].Score < 0.8 {
		t.Errorf("Check: %+v, want one paraphrase scoring above 0.8", res.Findings)
	}
	scan, err := neardup.Scan(context.Background(), []corpus.Document{archived, draft}, neardup.Options{})
	must(t, err)
	if len(scan.Pairs) != 0 {
		t.Errorf("Scan: %+v, want no pair (its partial-overlap rule)", scan.Pairs)
	}
}

// TestCheckTemplated: a draft worded in a house phrasing that the archive
// fills with other facts is no finding of theirs; the same facts reworded
// and a phrasing filled twice are (templateLines).
func TestCheckTemplated(t *testing.T) {
	ix := ixOpen(t, "", neardup.IndexOptions{})
	for i, l := range []string{templateLines[0], templateLines[1], templateLines[2], templateLines[5]} {
		must(t, ix.Add(context.Background(), ixDoc(fmt.Sprint("old", i+1), l)))
	}
	drafts := []corpus.Document{
		ixDoc("other-facts", "Oakwood Paper said its board raised the quarterly dividend to seven cents a share, payable August 3 to holders of record July 20."),
		ixDoc("reworded", templateLines[4]),
		ixDoc("corrected", templateLines[6]),
	}
	res, err := ix.Check(context.Background(), drafts, neardup.CheckOptions{})
	must(t, err)
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Draft.Doc+"~"+f.Match.Doc)
	}
	if want := []string{"reworded~old2", "corrected~old4"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
}

// TestCheckRestated: a draft unit that the archive restates with other
// figures in two other wordings is a template (scan's restated rule,
// TestRestatedFigures): those are no findings; the archive's rewording
// with the draft's figures is, and so is a story told once before with
// other figures.
func TestCheckRestated(t *testing.T) {
	ix := ixOpen(t, "", neardup.IndexOptions{})
	for _, i := range []int{2, 3, 4, 6, 7} {
		must(t, ix.Add(context.Background(), ixDoc(fmt.Sprint("old", i), restatedLines[i-1])))
	}
	drafts := []corpus.Document{ixDoc("bank", restatedLines[0]), ixDoc("quake", restatedLines[4])}
	res, err := ix.Check(context.Background(), drafts, neardup.CheckOptions{})
	must(t, err)
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Draft.Doc+"~"+f.Match.Doc)
	}
	if want := []string{"bank~old4", "quake~old6", "quake~old7"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	// With one restatement archived, it is a finding.
	ix2 := ixOpen(t, "", neardup.IndexOptions{})
	must(t, ix2.Add(context.Background(), ixDoc("old2", restatedLines[1])))
	res, err = ix2.Check(context.Background(), drafts[:1], neardup.CheckOptions{})
	must(t, err)
	if len(res.Findings) != 1 || res.Findings[0].Match.Doc != "old2" || res.Findings[0].Kind != neardup.Paraphrase {
		t.Errorf("one restatement archived: findings %+v, want old2 as a paraphrase", res.Findings)
	}
}

// TestCheckCountsSkipped: a draft's code and front matter are not
// checked, and the stats say so.
func TestCheckCountsSkipped(t *testing.T) {
	paras := ixParagraphs(t)
	ix := ixOpen(t, "", neardup.IndexOptions{})
	must(t, ix.Add(context.Background(), ixDoc("speech", paras[6])))
	draft := corpus.Document{ID: "draft.md", Format: corpus.Markdown,
		Text: "---\ntitle: draft\n---\n\n" + paras[6] + "\n\n```\nfor (;;) { run(); }\n```\n"}
	res, err := ix.Check(context.Background(), []corpus.Document{draft}, neardup.CheckOptions{})
	must(t, err)
	if s := res.Stats; s.Units != 1 || s.Code != 1 || s.Metadata != 1 || s.Findings != 1 {
		t.Errorf("%d units, %d code blocks, %d metadata blocks, %d findings; want 1, 1, 1, 1", s.Units, s.Code, s.Metadata, s.Findings)
	}
}

// TestCheckMatchRecordLine: an archive document read from a JSON Lines
// file keeps its record's line, in an index on disk too, so that a match
// in it can be placed in the file.
func TestCheckMatchRecordLine(t *testing.T) {
	paras := ixParagraphs(t)
	ix := ixOpen(t, filepath.Join(t.TempDir(), "x.ndx"), neardup.IndexOptions{})
	doc := ixDoc("story-7", paras[4])
	doc.Path, doc.Record = "archive.jsonl", 7
	must(t, ix.Add(context.Background(), doc))
	res, err := ix.Check(context.Background(), []corpus.Document{ixDoc("draft", paras[4])}, neardup.CheckOptions{})
	must(t, err)
	if len(res.Findings) == 0 || res.Findings[0].Match.Record != 7 || res.Findings[0].Match.FileLine() != 7 {
		t.Errorf("findings %+v; want a match at record line 7", res.Findings)
	}
}
