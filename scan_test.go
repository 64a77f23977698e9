package neardup_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

// expectation mirrors testdata/cambodia-expected.json (a copy of the seed's
// expected findings).
type expectation struct {
	Must   []expectGroup `json:"must"`
	Should []expectGroup `json:"should"`
	Never  []expectUnit  `json:"never"`
}

type expectGroup struct {
	Name    string       `json:"name"`
	Unit    corpus.Mode  `json:"unit"`
	Members []expectUnit `json:"members"`
}

type expectUnit struct {
	Line     int    `json:"line"`
	Contains string `json:"contains"`
}

func readDocs(t testing.TB, paths ...string) []corpus.Document {
	t.Helper()
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

func scanFiles(t testing.TB, opt neardup.Options, paths ...string) *neardup.Result {
	t.Helper()
	res, err := neardup.Scan(context.Background(), readDocs(t, paths...), opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// findUnit returns the index of the unit of doc that starts at line and
// contains the phrase, or -1.
func findUnit(res *neardup.Result, doc string, line int, phrase string) int {
	for i, u := range res.Units {
		if u.Doc == doc && u.Line == line && strings.Contains(u.Text, phrase) {
			return i
		}
	}
	return -1
}

// clusterOf maps every clustered unit to its cluster id.
func clusterOf(res *neardup.Result) map[int]int {
	m := make(map[int]int)
	for _, c := range res.Clusters {
		for _, mem := range c.Members {
			m[mem.Unit] = c.ID
		}
	}
	return m
}

func paired(res *neardup.Result, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for _, p := range res.Pairs {
		if p.A == a && p.B == b {
			return true
		}
	}
	return false
}

func loadExpectation(t *testing.T) expectation {
	t.Helper()
	data, err := os.ReadFile("testdata/cambodia-expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var e expectation
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestSeedArticle asserts every `must` and `never` of the seed article's
// expected findings, in the unit mode each names.
func TestSeedArticle(t *testing.T) {
	const path = "testdata/cambodia-article.txt"
	exp := loadExpectation(t)
	for _, mode := range []corpus.Mode{corpus.Paragraph, corpus.Sentence} {
		t.Run(string(mode), func(t *testing.T) {
			res := scanFiles(t, neardup.Options{Unit: mode}, path)
			in := clusterOf(res)
			check := func(g expectGroup, must bool) {
				ids := make([]int, len(g.Members))
				for i, m := range g.Members {
					ids[i] = findUnit(res, path, m.Line, m.Contains)
					if ids[i] < 0 {
						t.Errorf("%s: no %s unit at line %d containing %q", g.Name, mode, m.Line, m.Contains)
						return
					}
				}
				for _, id := range ids[1:] {
					together := in[ids[0]] != 0 && in[ids[0]] == in[id]
					if together || (len(ids) == 2 && paired(res, ids[0], id)) {
						continue
					}
					if must {
						t.Errorf("%s: line %d (%q) and line %d (%q) are not in one cluster",
							g.Name, res.Units[ids[0]].Line, res.Units[ids[0]].Text, res.Units[id].Line, res.Units[id].Text)
					} else {
						t.Logf("should: %s: line %d and line %d not found together", g.Name, res.Units[ids[0]].Line, res.Units[id].Line)
					}
				}
			}
			for _, g := range exp.Must {
				if g.Unit == mode {
					check(g, true)
				}
			}
			for _, g := range exp.Should {
				if g.Unit == mode {
					check(g, false)
				}
			}
			for _, n := range exp.Never {
				for i, u := range res.Units {
					if u.Line == n.Line && strings.Contains(u.Text, n.Contains) && in[i] != 0 {
						t.Errorf("never: line %d %q is in cluster %d", n.Line, n.Contains, in[i])
					}
				}
			}
			// The expectation's notes: "Line 54 is a run of citations
			// with URLs; it must not be reported as a paraphrase of the
			// prose." Nor, in sentence mode, a title of it as a paraphrase
			// of its own link.
			const sources = 54
			refs := 0
			for i, u := range res.Units {
				if u.Line != sources {
					continue
				}
				if !u.Reference {
					t.Errorf("line %d, %q: not marked as a reference", sources, u.Text)
				}
				refs++
				if in[i] != 0 {
					t.Errorf("line %d, %q: in cluster %d", sources, u.Text, in[i])
				}
			}
			for _, p := range res.Pairs {
				if res.Units[p.A].Line == sources || res.Units[p.B].Line == sources {
					t.Errorf("line %d reported in a pair: %q / %q", sources, res.Units[p.A].Text, res.Units[p.B].Text)
				}
			}
			if refs == 0 || res.Stats.References != refs {
				t.Errorf("%d units at line %d, %d counted as references", refs, sources, res.Stats.References)
			}
		})
	}
}

// TestSeedHeadlineIsDuplicate checks that the repeated headline comes out
// as a duplicate cluster and the three rewordings as a paraphrase cluster.
func TestSeedKinds(t *testing.T) {
	const path = "testdata/cambodia-article.txt"
	res := scanFiles(t, neardup.Options{}, path)
	in := clusterOf(res)
	kind := func(line int, phrase string) neardup.Kind {
		u := findUnit(res, path, line, phrase)
		for _, c := range res.Clusters {
			if c.ID == in[u] {
				return c.Kind
			}
		}
		return ""
	}
	if k := kind(3, "Steadfast"); k != neardup.Duplicate {
		t.Errorf("headline cluster kind = %q, want duplicate", k)
	}
	if k := kind(60, "foundation"); k != neardup.Paraphrase {
		t.Errorf("pillar cluster kind = %q, want paraphrase", k)
	}
}

// TestMultiArticle: a paragraph of a wire story copied verbatim into a second
// article and reworded in a third, beside same-topic paragraphs that are not
// rewordings and must stay apart.
func TestMultiArticle(t *testing.T) {
	dir := filepath.Join("testdata", "coffee")
	orig := filepath.Join(dir, "wire-original.txt")
	regional := filepath.Join(dir, "regional-copy.txt")
	rewrite := filepath.Join(dir, "markets-rewrite.txt")
	res := scanFiles(t, neardup.Options{}, dir)
	in := clusterOf(res)
	unit := func(doc, phrase string) int {
		for i, u := range res.Units {
			if u.Doc == doc && strings.Contains(u.Text, phrase) {
				return i
			}
		}
		t.Fatalf("no unit of %s contains %q", doc, phrase)
		return -1
	}
	drought := []int{
		unit(orig, "A prolonged drought"),
		unit(regional, "A prolonged drought"),
		unit(rewrite, "long dry spell"),
	}
	roasters := []int{unit(orig, "Traders said roasters"), unit(rewrite, "Roasters in Europe")}
	for _, g := range [][]int{drought, roasters} {
		for _, u := range g[1:] {
			if in[g[0]] == 0 || in[g[0]] != in[u] {
				t.Errorf("%s:%d and %s:%d should share a cluster", res.Units[g[0]].Doc, res.Units[g[0]].Line, res.Units[u].Doc, res.Units[u].Line)
			}
		}
	}
	if in[drought[0]] == in[roasters[0]] {
		t.Errorf("the drought and roaster clusters were merged")
	}
	apart := []int{
		unit(orig, "Conab estimated the arabica crop"),
		unit(orig, "revised estimate in September"),
		unit(regional, "Many smallholders"),
		unit(regional, "Farmers around Varginha"),
		unit(rewrite, "Robusta prices also rose"),
		unit(rewrite, "Analysts at several banks"),
	}
	for _, u := range apart {
		if in[u] != 0 {
			t.Errorf("%s:%d %q is in cluster %d; it rewords nothing", res.Units[u].Doc, res.Units[u].Line, res.Units[u].Text, in[u])
		}
	}
	if !paired(res, drought[0], drought[1]) {
		t.Errorf("verbatim copy not reported as a pair")
	}
	for _, p := range res.Pairs {
		if p.A == drought[0] && p.B == drought[1] && p.Kind != neardup.Duplicate {
			t.Errorf("verbatim copy kind = %q, want duplicate", p.Kind)
		}
	}
}

// TestScope: within keeps only same-document pairs, across only the others.
func TestScope(t *testing.T) {
	paths := []string{"testdata/coffee", "testdata/cambodia-article.txt"}
	for _, scope := range []neardup.Scope{neardup.ScopeWithin, neardup.ScopeAcross, neardup.ScopeAll} {
		res := scanFiles(t, neardup.Options{Scope: scope}, paths...)
		var within, across int
		for _, p := range res.Pairs {
			if res.Units[p.A].Doc == res.Units[p.B].Doc {
				within++
			} else {
				across++
			}
		}
		switch {
		case scope == neardup.ScopeWithin && (across != 0 || within == 0),
			scope == neardup.ScopeAcross && (within != 0 || across == 0),
			scope == neardup.ScopeAll && (within == 0 || across == 0):
			t.Errorf("scope %s: %d within-document and %d cross-document pairs", scope, within, across)
		}
	}
}

// TestDeterministic: worker count and repetition do not change the result.
func TestDeterministic(t *testing.T) {
	paths := []string{"testdata/coffee", "testdata/cambodia-article.txt"}
	r1 := scanFiles(t, neardup.Options{Workers: 1}, paths...)
	r7 := scanFiles(t, neardup.Options{Workers: 7}, paths...)
	r1.Profile, r7.Profile = nil, nil // wall times, the one part that varies
	r1.Options.Workers, r7.Options.Workers = 0, 0
	a, _ := json.Marshal(r1)
	b, _ := json.Marshal(r7)
	if string(a) != string(b) {
		t.Errorf("results differ between 1 and 7 workers")
	}
}

func TestOptionsErrors(t *testing.T) {
	docs := readDocs(t, "testdata/cambodia-article.txt")
	for _, opt := range []neardup.Options{
		{Unit: "word"},
		{Scope: "everywhere"},
		{Threshold: 1.5},
		{Language: "klingon"},
	} {
		if _, err := neardup.Scan(context.Background(), docs, opt); err == nil {
			t.Errorf("Scan with %+v: no error", opt)
		}
	}
	if _, err := neardup.Scan(context.Background(), nil, neardup.Options{}); err == nil {
		t.Errorf("Scan of no documents: no error")
	}
}

// TestScrapedArticles: an HTML page and a Markdown brief written for these
// tests, each with a repeated headline or a reworded summary and page
// furniture (navigation, "Skip to content", "Read also", a byline) that must
// not be reported.
func TestScrapedArticles(t *testing.T) {
	html := filepath.Join("testdata", "scraped", "heatwave.html")
	md := filepath.Join("testdata", "scraped", "drought-brief.md")
	res := scanFiles(t, neardup.Options{}, html, md)
	in := clusterOf(res)
	unit := func(doc string, line int, phrase string) int {
		u := findUnit(res, doc, line, phrase)
		if u < 0 {
			t.Fatalf("no unit of %s at line %d contains %q", doc, line, phrase)
		}
		return u
	}
	for _, g := range [][2]int{
		{unit(html, 13, "Heatwave pushes Spain's power demand"), unit(html, 24, "Heatwave pushes Spain's power demand")},
		{unit(html, 14, "all-time summer peak"), unit(html, 23, "record high for the summer")},
		{unit(md, 5, "dropped below a fifth"), unit(md, 17, "less than 20 percent")},
	} {
		if in[g[0]] == 0 || in[g[0]] != in[g[1]] {
			t.Errorf("%s:%d and %s:%d are not in one cluster", res.Units[g[0]].Doc, res.Units[g[0]].Line, res.Units[g[1]].Doc, res.Units[g[1]].Line)
		}
	}
	for i, u := range res.Units {
		for _, furniture := range []string{"Skip to content", "Subscribe", "Read also", "Latest", "All rights reserved", "Updated 14:05", "dataLayer", "font-family"} {
			if strings.Contains(u.Text, furniture) && in[i] != 0 {
				t.Errorf("%s:%d %q is in cluster %d", u.Doc, u.Line, u.Text, in[i])
			}
		}
		for _, hidden := range []string{"dataLayer", "font-family"} {
			if strings.Contains(u.Text, hidden) {
				t.Errorf("%s:%d: script or style text became a unit: %q", u.Doc, u.Line, u.Text)
			}
		}
	}
	if len(res.Clusters) != 3 {
		t.Errorf("%d clusters, want the 3 above", len(res.Clusters))
	}
}

// TestBoilerplate: site furniture repeated verbatim across documents is
// reported as boilerplate, apart from the content clusters, while a long
// paragraph re-run by three documents is a duplicate, not boilerplate.
func TestBoilerplate(t *testing.T) {
	const (
		furniture = "Subscribe to our newsletter for the latest regional business updates."
		wire      = "The central bank raised its benchmark interest rate by half a percentage point on Thursday, the third increase this year, saying inflation was spreading from energy to services and wages."
	)
	bodies := []string{
		"Shipyard orders climbed in the spring as ferry operators replaced ageing vessels on northern routes.",
		"A new tram line opened in the old town after four years of construction and two changes of contractor.",
		"Farmers reported an early cherry harvest after a mild winter and a dry, sunny April across the valley.",
		"The museum will close its east wing for repairs to the roof, which was damaged in the January storms.",
	}
	var docs []corpus.Document
	for i, body := range bodies {
		text := body + "\n\n" + furniture + "\n"
		if i < 3 {
			text = wire + "\n\n" + text
		}
		docs = append(docs, corpus.Document{ID: fmt.Sprintf("site/page%d.txt", i+1), Format: corpus.Text, Text: text})
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var boiler, dup *neardup.Cluster
	for i := range res.Clusters {
		c := &res.Clusters[i]
		text := res.Units[c.Rep].Text
		switch {
		case text == furniture:
			boiler = c
		case text == wire:
			dup = c
		default:
			t.Errorf("unexpected cluster %d (%s) around %q", c.ID, c.Kind, text)
		}
	}
	if boiler == nil || boiler.Kind != neardup.Boilerplate || len(boiler.Members) != 4 {
		t.Fatalf("furniture cluster = %+v, want boilerplate with 4 members", boiler)
	}
	if dup == nil || dup.Kind != neardup.Duplicate || len(dup.Members) != 3 {
		t.Fatalf("wire cluster = %+v, want a duplicate cluster of 3", dup)
	}
	if res.Stats.Boilerplate != 1 || res.Stats.Clusters != 1 {
		t.Errorf("stats = %+v, want 1 content and 1 boilerplate cluster", res.Stats)
	}
	for _, p := range res.Pairs {
		if res.Units[p.A].Text == furniture || res.Units[p.B].Text == furniture {
			t.Errorf("boilerplate unit reported in a pair: %+v", p)
		}
	}
}

// TestReferencesNotBoilerplate: articles that end in the same list of
// sources report it neither as boilerplate nor as duplicates; its units
// are counted as references.
func TestReferencesNotBoilerplate(t *testing.T) {
	prose := []string{
		"The council approved the harbour budget on Tuesday after a long debate about dredging costs.",
		"Fishermen protested outside the town hall, saying the new fees would put small boats out of business.",
		"The mayor said the port would apply for a regional grant to cover part of the dredging next spring.",
	}
	var docs []corpus.Document
	for i, p := range prose {
		docs = append(docs, corpus.Document{ID: fmt.Sprintf("d%d.md", i), Format: corpus.Markdown,
			Text: p + "\n\n## References\n\n- Smith, J. The economy of small harbour towns. Coastal Press, 2001.\n- Port authority annual report, 2023.\n"})
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stats.Boilerplate != 0 || len(res.Clusters) != 0 || res.Stats.References != 9 {
		t.Errorf("%d boilerplate clusters, %d clusters, %d reference units; want 0, 0, 9", res.Stats.Boilerplate, len(res.Clusters), res.Stats.References)
	}
}

// countdownCtx is a context that is not done for its first n calls of Err
// and cancelled from then on: it cancels a scan at each point where the
// scan looks, without timing.
type countdownCtx struct {
	context.Context
	n, calls int
}

func (c *countdownCtx) Err() error {
	c.calls++
	if c.calls > c.n {
		return context.Canceled
	}
	return nil
}

// TestScanCancelled cancels a scan at every point where it checks its
// context, in turn: once the context reports cancellation, Scan returns
// context.Canceled and no result, never a result with a nil error.
func TestScanCancelled(t *testing.T) {
	docs := readDocs(t, "testdata/cambodia-article.txt", "testdata/coffee")
	full := (&countdownCtx{Context: context.Background(), n: 1 << 30})
	if _, err := neardup.Scan(full, docs, neardup.Options{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	checks := full.calls
	if checks < 6 {
		t.Fatalf("a scan checks its context %d times; want every stage and the scoring loop", checks)
	}
	for n := 0; n < checks; n++ {
		ctx := &countdownCtx{Context: context.Background(), n: n}
		res, err := neardup.Scan(ctx, docs, neardup.Options{Workers: 1})
		if err != context.Canceled || res != nil {
			t.Errorf("cancelled at check %d of %d: result %v, error %v; want none and context.Canceled", n+1, checks, res != nil, err)
		}
	}
	// The scoring loop looks too, every 1,024 candidates: twenty editions
	// of the article, each paragraph signed with the edition's number (exact
	// copies are scored once), make thousands of candidate pairs.
	var copies []corpus.Document
	for i := range 20 {
		d := docs[0]
		d.ID = fmt.Sprintf("copy-%d", i)
		d.Text = strings.ReplaceAll(d.Text, "\n\n", fmt.Sprintf(" (edition %d)\n\n", i))
		copies = append(copies, d)
	}
	big := &countdownCtx{Context: context.Background(), n: 1 << 30}
	res, err := neardup.Scan(big, copies, neardup.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if chunks := res.Stats.Candidates / 1024; chunks < 3 || big.calls < checks+chunks {
		t.Errorf("%d candidates, %d context checks; want one a chunk of 1,024 beyond the stages' %d", res.Stats.Candidates, big.calls, checks)
	}
}

// TestScanCountsSkipped: code and message headers make no unit, and the
// stats count them, so a report can say what it left out.
func TestScanCountsSkipped(t *testing.T) {
	post := "From: jo@example.org (Jo Smith)\nSubject: joystick port\n\n" +
		"Here is the loop I use to read the joystick port on my old machine.\n\n" +
		"int main(void) {\n    int x = readjoy(0);\n    return x;\n}\n\n" +
		"It returns zero when nothing is plugged in, which confused me for a week.\n"
	docs := []corpus.Document{
		{ID: "a.txt", Format: corpus.Text, Text: post},
		{ID: "b.md", Format: corpus.Markdown, Text: "---\ntitle: x\n---\n\nThe harbour will be dredged next spring, the council said.\n\n```c\nint x;\n```\n"},
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Stats; s.Units != 3 || s.Code != 2 || s.Metadata != 2 {
		t.Errorf("%d units, %d code blocks, %d metadata blocks; want 3, 2, 2", s.Units, s.Code, s.Metadata)
	}
}

// TestWireStoryRerunNotBoilerplate: a wire story re-run whole by three
// sites is reported as duplicates, its short paragraphs and headline too,
// not as boilerplate; so the rewrite of a short paragraph is still found.
// Furniture beside different stories stays boilerplate.
func TestWireStoryRerunNotBoilerplate(t *testing.T) {
	wire, err := os.ReadFile("testdata/coffee/wire-original.txt")
	if err != nil {
		t.Fatal(err)
	}
	rewrite, err := os.ReadFile("testdata/coffee/markets-rewrite.txt")
	if err != nil {
		t.Fatal(err)
	}
	const furniture = "Subscribe to our newsletter for the day's top stories."
	var docs []corpus.Document
	for _, site := range []string{"a", "b", "c"} {
		docs = append(docs, corpus.Document{ID: site, Format: corpus.Text, Text: furniture + "\n\n" + string(wire)})
	}
	others := []string{
		"The council voted on Tuesday to dredge the northern harbour at a cost of 2.5 million dollars.",
		"Fishermen protested outside the town hall, saying the new fees would put small boats out of business.",
		"The mayor said the port would apply for a regional grant to cover part of the dredging next spring.",
	}
	for i, o := range others {
		docs = append(docs, corpus.Document{ID: fmt.Sprint("other", i), Format: corpus.Text, Text: o + "\n\n" + furniture + "\n"})
	}
	docs = append(docs, corpus.Document{ID: "rewrite", Format: corpus.Text, Text: string(rewrite)})
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var boiler []string
	rewriteFound := false
	for _, c := range res.Clusters {
		rep := res.Units[c.Rep].Text
		if c.Kind == neardup.Boilerplate {
			boiler = append(boiler, rep)
			continue
		}
		for _, m := range c.Members {
			if res.Units[m.Unit].Doc == "rewrite" && strings.HasPrefix(rep, "Traders said roasters") {
				rewriteFound = true
			}
		}
	}
	if len(boiler) != 1 || boiler[0] != furniture {
		t.Errorf("boilerplate %q, want the newsletter line alone", boiler)
	}
	if !rewriteFound {
		t.Errorf("the rewrite of 'Traders said roasters ...' is in no cluster with it")
	}
}

// TestCopiedStoryNeighbours: what sits next to repeated text but is no part
// of a copied story stays boilerplate: a site's navigation beside a
// different re-run story on each page, and a signature line beside a long
// signature under posts of their own.
func TestCopiedStoryNeighbours(t *testing.T) {
	story := func(topic string) string {
		return fmt.Sprintf("The regional council approved a new plan for the %s on Tuesday after a long debate with residents and the harbour board.\n\n"+
			"Officials said the work on the %s would begin next spring and take about two years, with most of the cost met by the national government.\n\n"+
			"Opponents of the %s plan said they would appeal, arguing that the council had ignored the objections of fishermen and local shop owners.\n", topic, topic, topic)
	}
	const nav = "Home | News | Sport | Weather | Business | Opinion"
	var docs []corpus.Document
	for i, topic := range []string{"ferry terminal", "sea wall", "fish market"} {
		for _, site := range []string{"a", "b", "c"} {
			text := story(topic)
			if site == "a" {
				text = nav + "\n\n" + text
			}
			docs = append(docs, corpus.Document{ID: fmt.Sprintf("%s/%d", site, i), Format: corpus.Text, Text: text})
		}
	}
	docs = append(docs, corpus.Document{ID: "a/own", Format: corpus.Text, Text: nav + "\n\nThe lifeboat crew rescued two sailors off the northern cape in a storm on Sunday night.\n"})
	const sigLong = "Jo Smith, harbour historian and author of three books on the ships and the people of the northern coast, writes every week."
	const sigShort = "Jo Smith, Harbour Town, jo@example.org"
	for i, body := range []string{
		"I went down to the quay this morning and the old crane is finally gone, after forty years of rust.",
		"Does anyone know when the ferry timetable for the winter will be published by the operator?",
		"The tide tables in the paper were wrong again this week, off by nearly an hour on Thursday.",
	} {
		docs = append(docs, corpus.Document{ID: fmt.Sprint("post", i), Format: corpus.Text, Text: body + "\n\n" + sigLong + "\n\n" + sigShort + "\n"})
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	boiler := map[string]bool{}
	for _, c := range res.Clusters {
		if c.Kind == neardup.Boilerplate {
			boiler[res.Units[c.Rep].Text] = true
		}
	}
	for _, want := range []string{nav, sigShort} {
		if !boiler[want] {
			t.Errorf("%q is not boilerplate; boilerplate: %v", want, boiler)
		}
	}
}

// TestScanRewordedParagraphs: a paragraph reworded sentence by sentence
// shares few exact terms in any sentence ("pillar for its regional
// diplomacy, fostering harmony" / "pillar in China's regional diplomacy,
// fostering unity"; the bundled article's lines 5 and 61). The
// partial-overlap rule reads the scorer's alignment too, so the pair is a
// paraphrase, as compare calls it; with one sentence of the two replaced
// by another of the article's it is not (TestCheckVerdictNotScans).
func TestScanRewordedParagraphs(t *testing.T) {
	b, err := os.ReadFile("testdata/cambodia-article.txt")
	must(t, err)
	lines := strings.Split(string(b), "\n")
	docs := []corpus.Document{ixDoc("line5", lines[4]), ixDoc("line61", lines[60])}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	must(t, err)
	if len(res.Pairs) != 1 || res.Pairs[0].Kind != neardup.Paraphrase {
		t.Fatalf("Scan: pairs %+v, want the two paragraphs as one paraphrase", res.Pairs)
	}
}

// TestScanDocumentPairs: a page that re-runs four paragraphs of the
// bundled article beside one of its own is reported as a document pair
// (four of its five compared units shared, all as duplicates); the
// article and a page sharing one paragraph with it are not.
func TestScanDocumentPairs(t *testing.T) {
	b, err := os.ReadFile("testdata/cambodia-article.txt")
	must(t, err)
	lines := strings.Split(string(b), "\n")
	own := "The ministry said the new border crossing would open to freight traffic in the spring, after a decade of talks."
	rerun := strings.Join([]string{lines[4], lines[24], lines[28], lines[58], own}, "\n\n")
	one := strings.Join([]string{lines[4], "Farmers in the delta expect a smaller rice harvest after weeks of unusually heavy rain flooded their fields."}, "\n\n")
	docs := []corpus.Document{
		{ID: "article", Format: corpus.Text, Text: string(b)},
		{ID: "rerun", Format: corpus.Text, Text: rerun},
		{ID: "one", Format: corpus.Text, Text: one},
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	must(t, err)
	if len(res.Documents) != 1 {
		t.Fatalf("Documents = %+v, want the article and its re-run only", res.Documents)
	}
	// The re-run's copies also reword the article's own rewordings of
	// them (its line 5 is lines 60 and 61 reworded): 10 of the article's
	// units pair with the re-run's 4, 6 of them as paraphrases.
	d := res.Documents[0]
	if d.A != "article" || d.B != "rerun" || d.SharedB != 4 || d.UnitsB != 5 || d.SharedA != 10 || d.Duplicates != 4 || d.Paraphrases != 6 {
		t.Errorf("Documents[0] = %+v, want article/rerun, 4 of rerun's 5 units shared, 10 of the article's, 4 duplicates and 6 paraphrases", d)
	}
}

// TestScanDocumentPairsCopies: a story copied whole is one document pair
// with its copy, all 8 units, under either scope, though a digest given before both holds
// three of its paragraphs (the paragraphs' first copies) and the pairs
// link each copied paragraph to the digest's.
func TestScanDocumentPairsCopies(t *testing.T) {
	b, err := os.ReadFile("testdata/cambodia-article.txt")
	must(t, err)
	lines := strings.Split(string(b), "\n")
	paras := []string{lines[2], lines[4], lines[24], lines[28], lines[39]}
	own := "The ministry said the new border crossing would open to freight traffic in the spring, after a decade of talks."
	story := strings.Join(paras, "\n\n")
	docs := []corpus.Document{
		{ID: "digest", Format: corpus.Text, Text: strings.Join(append(paras[:3:3], own), "\n\n")},
		{ID: "story", Format: corpus.Text, Text: story},
		{ID: "copy", Format: corpus.Text, Text: story},
	}
	for _, scope := range []neardup.Scope{neardup.ScopeAll, neardup.ScopeAcross} {
		res, err := neardup.Scan(context.Background(), docs, neardup.Options{Scope: scope})
		must(t, err)
		found := false
		for _, d := range res.Documents {
			if d.A == "story" && d.B == "copy" {
				found = true
				// Line 40 is a lead and an inline list of three items: 8 units.
				if d.SharedA != 8 || d.UnitsA != 8 || d.SharedB != 8 || d.UnitsB != 8 || d.Duplicates != 8 {
					t.Errorf("scope %s: story/copy = %+v, want 8 of 8 units each side, 8 duplicates", scope, d)
				}
			}
		}
		if !found {
			t.Errorf("scope %s: Documents = %+v, want story/copy among them", scope, res.Documents)
		}
	}
}
