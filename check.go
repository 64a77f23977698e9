package neardup

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/neardup/neardup/archive"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/score"
	"github.com/neardup/neardup/similarity"
)

// CheckOptions controls Index.Check. The zero value checks drafts against
// the archive and against themselves.
type CheckOptions struct {
	// Scope selects what a draft is compared with: ScopeAcross the archive
	// only, ScopeWithin only its own other units (a draft repeating
	// itself), ScopeAll (the default) both.
	Scope Scope
	// IgnoreQuotes leaves quoted text out: units that are block quotes are
	// not checked, and text inside quotation marks is removed from the
	// others before they are compared (a unit left with fewer than MinWords
	// content words is not checked).
	IgnoreQuotes bool
	// Boilerplate are documents of known boilerplate (disclaimers, bylines,
	// calls to subscribe): a draft unit that duplicates one of their units is
	// never reported.
	Boilerplate []corpus.Document
}

// Constants of candidate generation.
const (
	// probeFloor stops probing a draft unit's terms, rarest first, once
	// the terms left carry so little weight that a unit sharing only them
	// could not reach this cosine (over IDF-weighted binary vectors).
	probeFloor = 0.2
	// dupShare replaces probeFloor² when only duplicates matter
	// (CheckAndAdd with SeenKind Duplicate): a candidate must be able to
	// share this much of the draft unit's squared term weight. Planted
	// near copies (1-3 words edited, punctuation and case changed) share at
	// least half of it.
	dupShare = 0.4
	// probeBudget bounds the postings read for one draft unit. With it and
	// DefaultMaxCandidates, every planted exact, near and reworded copy of
	// the bench generator (gencorpus.py, 20,000 paragraphs) ranked among
	// the first 8 candidates of its copy.
	probeBudget = 1 << 15
	// dupCandidates caps MaxCandidates when only duplicates matter: a
	// duplicate shares nearly all of the draft unit's weight and ranks
	// first.
	dupCandidates = 8
	// When only duplicates matter, the probe reads a dupBudgetShare'th of
	// probeBudget, but at least the dupMinTerms rarest terms.
	dupBudgetShare = 8
	dupMinTerms    = 3
	// dupProbed is the share of the probed terms' squared weight a
	// candidate must hold when only duplicates matter. Near copies (a few
	// words edited in a paragraph, as the scorer's duplicate rule allows)
	// keep nearly all of any subset of their terms.
	dupProbed = 0.5
)

// Check compares the drafts with the archive (and with themselves, by
// opt.Scope) and returns the units of the drafts that duplicate or
// paraphrase other text, with the archive document's id and the unit's
// location in it. An archive document with the same id as a draft is the
// draft's own earlier version and is not compared with it; a draft read
// from standard input (ID and Path "-", as corpus.Read names it) has no id
// of its own and is compared with every archive document. Once ctx is
// done, Check returns ctx.Err(): it looks at ctx throughout (before each
// probe, each unit analysed and each pair scored, and every few thousand
// cheaper steps).
//
// Candidates come from the inverted index, never from a scan of the
// archive. For a draft unit d with content terms T, each weighed by
// w(t) = ln((N+1)/(df(t)+1)) + 1 with the archive's current document
// frequencies, the postings of T are read rarest term first; each unit
// found accumulates Σ w(t)² over the terms it shares with d. Probing stops
// when the terms left hold less than probeFloor² of Σ_T w(t)² (a unit
// sharing only those could not reach cosine probeFloor) or after
// probeBudget postings. Of the units found, those whose shared weight could
// still reach probeFloor are ranked by it and the best MaxCandidates are
// analysed from their stored text and scored with the scorer; pairs it
// calls duplicate or paraphrase are findings. This is the prefix filtering
// of all-pairs similarity search (Bayardo, Ma & Srikant 2007), cut to a
// fixed number of candidates. Within a draft (opt.Scope within or all),
// each checked unit is probed the same way against an inverted index of
// the draft's earlier units, with the scoring corpus's weights (the
// archive's counts and the drafts'); that index holds a repeated text
// once, and each text proposed comes with up to MaxMatches of its earlier
// copies (see withinProbe).
//
// The scorer weighs terms by the archive's document frequencies with the
// drafts' checked units counted beside them, so a pair gets the scores
// (Score, Cosine, Jaccard, Containment) and the scorer's kind that a scan
// of the archive's documents and the drafts together gives it (up to the
// units a scan leaves out of its counts and the archive keeps: those under
// MinWords, and boilerplate). A finding's kind is the scorer's. Scan's
// verdict applies two rules of its own after scoring, which Check does
// not: a pair whose units both give numbers, share none, and consist of
// numbers for at least a fifth of either one's content is different (the
// same wording with other figures: earnings lines, scores), and a
// paraphrase between two multi-sentence paragraphs is different when
// neither says at least three quarters of its sentences in the other,
// whether read by exact terms or by the scorer's alignment (a shared
// sentence or two, not a rewording). Both apply the templates
// rule (a pair where one unit is worded in a frame filled in three or
// more ways and the two give other numbers or mostly other names is no
// finding), but where scan counts a frame's fillings over the corpus, a
// check counts them among a draft unit and the archive units it is
// compared with (candidateTemplates), and so finds fewer templates (and
// none between drafts, or with documents added since its snapshot). So
// Check can report as a duplicate or paraphrase a pair that scan, with
// the same score, does not
// (line 5 of testdata/cambodia-article.txt archived and line 61, its
// two-sentence rewording, as a draft: a paraphrase at 0.947 that a scan of
// the two leaves out);
// the candidates differ too, each search proposing pairs the other does
// not (Check's probe reaches lower cosines).
func (ix *Index) Check(ctx context.Context, drafts []corpus.Document, opt CheckOptions) (*CheckResult, error) {
	switch opt.Scope {
	case "":
		opt.Scope = ScopeAll
	case ScopeAll, ScopeWithin, ScopeAcross:
	default:
		return nil, fmt.Errorf("scope %q: want within, across or all", opt.Scope)
	}
	c, err := ix.newChecker(ctx, drafts, opt)
	if err != nil {
		return nil, err
	}
	c.notSelf = true
	if opt.Scope != ScopeWithin {
		// Documents staged but not committed (AsyncCommit) are not in the
		// snapshot: they are compared after it, with those committed since.
		low := ix.enter()
		defer ix.leave(low)
		if err := c.archive(ctx); err != nil {
			return nil, err
		}
		ix.rmu.Lock()
		delta, _ := ix.delta(c.snap, 0)
		ix.rmu.Unlock()
		if err := c.compare(ctx, delta); err != nil {
			return nil, err
		}
	}
	if opt.Scope != ScopeAcross {
		if err := c.within(ctx); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return c.result(), nil
}

// CheckAndAdd checks doc against the archive and adds it unless it was
// already seen: unless at least SeenShare of its content units match
// archive text at SeenKind or closer. With SeenKind Duplicate (the
// default) only candidates that could be duplicates are scored (see
// dupShare), so the findings are the duplicates and, at most, paraphrases
// among those candidates. The decision and the add are atomic:
// of several goroutines adding near-duplicates of one another at the same
// time, exactly one adds. It returns the findings and whether doc was
// added; a doc whose id is in the archive already replaces it when added.
//
// Unlike Check, which leaves out the archive document with the draft's
// id, CheckAndAdd compares doc with that document too: "have I seen
// this?" is yes for a page crawled again, which matches its stored
// version and is not added. A page that changed little (a correction)
// is seen too, so the stored version stays; to store the new one, call
// Add, which replaces by id.
//
// A page is seen when at least IndexOptions.SeenShare of its checked
// units match archive text at SeenKind or closer; every checked unit
// counts once, whatever its length, so a short page of two lines is seen
// when one of them is a stock line another page has ("Qtly div 25 cts vs
// 25 cts prior"). A page with no unit to check (a script shell, a login
// wall, text under MinWords: Stats.Units is 0) is never seen: it is
// added, again under each id it comes with.
//
// Checks run in parallel; each is completed, under a lock that
// serialises the decisions, against the units committed or staged since
// its snapshot of the archive. The adds are committed in groups; with
// IndexOptions.AsyncCommit, CheckAndAdd does not wait for the commit.
func (ix *Index) CheckAndAdd(ctx context.Context, doc corpus.Document) (*CheckResult, bool, error) {
	if ix.ar.ReadOnly() {
		return nil, false, archive.ErrReadOnly
	}
	if err := checkID(&doc); err != nil {
		return nil, false, err
	}
	low := ix.enter()
	defer ix.leave(low)
	c, err := ix.newChecker(ctx, []corpus.Document{doc}, CheckOptions{Scope: ScopeAcross})
	if err != nil {
		return nil, false, err
	}
	if ix.opt.SeenKind == Duplicate {
		c.floor = dupShare
	}
	if err := c.archive(ctx); err != nil {
		return nil, false, err
	}
	p := &pending{doc: &doc, units: c.drafts[0].units, checker: c, snap: c.snap, done: make(chan struct{})}
	staged, err := ix.stageCheck(ctx, p)
	switch {
	case err != nil:
		return nil, false, err
	case !staged:
		return c.result(), false, nil
	case p.async:
		ix.kick()
		return c.result(), true, nil
	}
	if err := ix.wait(p); err != nil {
		return nil, false, err
	}
	return c.result(), true, nil
}

// draft is a document being checked.
type draft struct {
	doc   *corpus.Document
	units []analysed
	skips []corpus.Skip // parts of doc in no unit
}

// analysed is one unit of a document with its scorer analysis.
type analysed struct {
	Unit
	su      *score.Unit
	content bool // enough content words to be checked or matched
	skip    bool // not checked: quoted, boilerplate, or a reference
}

// checker is the state of one check.
type checker struct {
	ix     *Index
	opt    CheckOptions
	drafts []draft
	snap   uint32 // NextUnit of the archive snapshot

	mu       sync.Mutex
	n        int               // archive units (N)
	extra    int               // units compared after the snapshot (compare)
	df       map[uint32]uint32 // document frequencies of every term scored
	corpus   *score.Corpus
	findings [][]Finding // by draft unit, in order of drafts then units
	// figures holds, beside each finding, its match when the draft unit
	// and the match give other numbers (score.OtherNumbers) and share no
	// rare one in a paraphrase, else nil (see unitFindings).
	figures [][]*score.Unit
	cands   int
	heap    []candidate // scratch of probe
	read    int         // postings read by the probes
	// floor is the share of a draft unit's squared term weight a candidate
	// must be able to share: probeFloor² for a full check, dupShare when
	// only duplicates matter.
	floor float64
	// notSelf leaves out archive units of a document with a draft's id.
	notSelf bool
}

func (ix *Index) newChecker(ctx context.Context, docs []corpus.Document, opt CheckOptions) (*checker, error) {
	c := &checker{ix: ix, opt: opt, drafts: make([]draft, len(docs)), df: make(map[uint32]uint32), floor: probeFloor * probeFloor}
	err := forEachCtx(ctx, len(docs), ix.opt.Workers, func(i int) {
		us, skips := ix.analyze(&docs[i], opt.IgnoreQuotes)
		c.drafts[i] = draft{doc: &docs[i], units: us, skips: skips}
	})
	if err != nil {
		return nil, err
	}
	if len(opt.Boilerplate) > 0 {
		if err := c.dropBoilerplate(ctx, opt.Boilerplate); err != nil {
			return nil, err
		}
	}
	n := 0
	for _, d := range c.drafts {
		n += len(d.units)
	}
	c.findings = make([][]Finding, n)
	c.figures = make([][]*score.Unit, n)
	return c, nil
}

// newCorpus returns the corpus pairs are scored in: the n archive units
// whose document frequencies c.df holds and the checked draft units, as
// scan would count them with the drafts beside the archive (the scorer
// leaves each scored pair's own two units out of the counts).
func (c *checker) newCorpus(n int) *score.Corpus {
	df := maps.Clone(c.df)
	c.each(func(_ int, _ *draft, a *analysed) {
		n++
		for _, t := range a.su.Terms() {
			df[t]++
		}
	})
	return c.ix.scorer.CorpusOf(n, df)
}

// analyze splits doc into units and analyses them; it also returns the
// parts of doc left out of every unit. With quotes set, quoted units are
// skipped and quoted text is removed before analysis.
func (ix *Index) analyze(doc *corpus.Document, quotes bool) ([]analysed, []corpus.Skip) {
	us, skips := corpus.SplitSkips(doc, ix.opt.Unit)
	out := make([]analysed, len(us))
	for i, u := range us {
		a := &out[i]
		a.Unit = Unit{
			Location:  Location{Doc: doc.ID, Path: doc.Path, URL: doc.URL, Title: doc.Title, Line: u.Line, Start: u.Start, End: u.End, Record: doc.Record},
			Kind:      u.Kind,
			Text:      u.Text,
			Reference: u.Reference,
		}
		if u.Reference {
			a.skip = true // a list of sources: never checked nor stored
			continue
		}
		text := u.Text
		if quotes {
			if u.Quoted {
				a.skip = true
				continue
			}
			text = maskQuotes(text)
		}
		a.su = ix.scorer.Analyze(text)
		a.content = a.su.ContentWords() >= ix.opt.MinWords
	}
	return out, skips
}

// checked reports whether the unit is compared at all.
func (a *analysed) checked() bool { return a.content && !a.skip }

// each calls fn for every checked draft unit with its flat index.
func (c *checker) each(fn func(k int, d *draft, a *analysed)) {
	k := 0
	for i := range c.drafts {
		d := &c.drafts[i]
		for j := range d.units {
			if d.units[j].checked() {
				fn(k, d, &d.units[j])
			}
			k++
		}
	}
}

// archive finds the archive units that match the drafts' units.
func (c *checker) archive(ctx context.Context) error {
	cands, byID, recs, err := c.propose(ctx)
	if err != nil {
		return ctxOr(ctx, err)
	}
	// Analyse the candidates read from the archive (outside the
	// transaction), keep those worth scoring, then look up the frequencies
	// of their terms.
	ids := make([]uint32, 0, len(recs))
	for id := range recs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	units := make([]*cachedUnit, len(ids))
	err = forEachCtx(ctx, len(ids), c.ix.opt.Workers, func(i int) {
		units[i] = c.ix.cache.add(recs[ids[i]], c.ix.scorer)
	})
	if err != nil {
		return err
	}
	for i, id := range ids {
		byID[id] = units[i]
	}
	flat := c.flat()
	kept := cands[:0]
	for _, cd := range cands {
		u := byID[cd.id]
		if u == nil || u.su.ContentWords() < c.ix.opt.MinWords || c.dupOnly() && !overlaps(flat[cd.draft].su.Terms(), u.su.Terms()) ||
			c.self(flat[cd.draft], u.rec.Doc.ID) {
			continue
		}
		kept = append(kept, cd)
	}
	c.cands = len(kept)
	scored := make([]*score.Unit, len(kept))
	for i, cd := range kept {
		scored[i] = byID[cd.id].su
	}
	if err := c.lookupDF(ctx, scored); err != nil {
		return ctxOr(ctx, err)
	}
	c.corpus = c.newCorpus(c.n)
	tmpl := candidateTemplates(kept, flat, byID)
	return forEachCtx(ctx, len(kept), c.ix.opt.Workers, func(i int) {
		cd := kept[i]
		u := byID[cd.id]
		c.score(cd.draft, flat[cd.draft], u.su, recordUnit(&u.rec), tmpl[i])
	})
}

// candidateTemplates reports, for each candidate, whether its draft unit
// or its archive unit is worded in a template (templated) among the draft
// unit and its candidates: the archive's fillings of a frame that a
// draft unit is worded in are among its candidates, since they share its
// words. Scan counts a frame's fillings over the whole corpus; a check
// counts those it reads. cands are grouped by draft unit.
func candidateTemplates(cands []candidate, flat []*analysed, byID map[uint32]*cachedUnit) []bool {
	out := make([]bool, len(cands))
	var units []*score.Unit
	for i := 0; i < len(cands); {
		j := i
		units = append(units[:0], flat[cands[i].draft].su)
		for ; j < len(cands) && cands[j].draft == cands[i].draft; j++ {
			units = append(units, byID[cands[j].id].su)
		}
		t := templated(units)
		for k := i; k < j; k++ {
			out[k] = t[0] || t[1+k-i]
		}
		i = j
	}
	return out
}

// ctxOr returns ctx.Err() if ctx is done, else err: an archive read
// stopped by a done context returns the context's own error, not the
// archive's wrapping of it.
func ctxOr(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	return err
}

// self reports whether an archive unit of the document added under id
// belongs to the draft unit's own document (see notSelf). A draft read
// from standard input is nobody's earlier version: "-" names any stdin.
func (c *checker) self(a *analysed, id string) bool {
	return c.notSelf && id == a.Doc && (a.Doc != "-" || a.Path != "-")
}

// dupOnly reports whether only duplicates matter to this check.
func (c *checker) dupOnly() bool { return c.floor == dupShare }

// flat returns the draft units by flat index.
func (c *checker) flat() []*analysed {
	var out []*analysed
	for i := range c.drafts {
		for j := range c.drafts[i].units {
			out = append(out, &c.drafts[i].units[j])
		}
	}
	return out
}

// score scores draft unit k against a matching unit and records a
// finding. When one of the two is worded in a template (candidateTemplates),
// the pair is a finding only if they give the same facts (FactsDiffer).
func (c *checker) score(k int, a *analysed, su *score.Unit, match Unit, template bool) {
	if template && score.FactsDiffer(a.su, su) {
		return
	}
	r := c.ix.scorer.Score(c.corpus, a.su, su)
	kind := Kind(r.Kind)
	if kind != Duplicate && kind != Paraphrase {
		return
	}
	f := Finding{Kind: kind, Scores: Scores{Score: r.Score, Cosine: r.Cosine, Jaccard: r.Jaccard, Containment: r.Containment}, Draft: a.Unit, Match: match}
	var fig *score.Unit
	if kind == Paraphrase && score.OtherNumbers(a.su, su) && !score.SharedNumber(a.su, su, c.rareNumber) {
		fig = su
	}
	c.mu.Lock()
	c.findings[k] = append(c.findings[k], f)
	c.figures[k] = append(c.figures[k], fig)
	c.mu.Unlock()
}

// rareNumber reports whether at most rareFigure of the units compared
// (the archive's and the drafts') give the number term besides the two of
// a pair (scan's rule: overlap.go, otherNumbers).
func (c *checker) rareNumber(term uint32) bool { return rareIn(c.corpus, term) }

// unitFindings returns the findings of draft unit k, without its
// paraphrases that give other numbers when two of those give other
// numbers than each other too (fillings): the draft unit is restated with
// other figures, a template, as scan's restated rule reads a unit that the
// corpus restates so (overlap.go). Where scan counts a unit's
// restatements among all the pairs it keeps, a check counts the draft
// unit's among its findings.
func (c *checker) unitFindings(k int) []Finding {
	var ps []*score.Unit
	for _, u := range c.figures[k] {
		if u != nil {
			ps = append(ps, u)
		}
	}
	if !fillings(ps) {
		return slices.Clone(c.findings[k]) // result sorts it: figures stay beside findings
	}
	var out []Finding
	for i, f := range c.findings[k] {
		if c.figures[k][i] == nil {
			out = append(out, f)
		}
	}
	return out
}

// recordUnit is the Unit of an archive record, located in its document.
func recordUnit(r *archive.Record) Unit {
	return Unit{
		Location: Location{Doc: r.Doc.ID, Path: r.Doc.Path, URL: r.Doc.URL, Title: r.Doc.Title, Line: r.Line, Start: r.Start, End: r.End, Record: r.Doc.Record},
		Kind:     corpus.UnitKind(r.Kind),
		Text:     r.Text,
	}
}

// within finds the units of each draft that repeat an earlier unit of the
// same draft: the later unit is the finding, the earlier its match. The
// earlier units are proposed as the archive's are (see Check and
// withinProbe), from an inverted index of the draft's units so far.
func (c *checker) within(ctx context.Context) error {
	if c.corpus == nil {
		err := c.ix.ar.View(func(tx archive.Tx) error {
			c.n = int(tx.Stats().Units)
			var err error
			var look looker
			c.each(func(_ int, _ *draft, a *analysed) {
				if err == nil {
					err = look.at(ctx, len(a.su.Terms()))
				}
				for _, t := range a.su.Terms() {
					if err == nil {
						_, err = c.docFreq(tx, t)
					}
				}
			})
			return err
		})
		if err != nil {
			return ctxOr(ctx, err)
		}
		c.corpus = c.newCorpus(c.n)
	}
	type pair struct{ k, j int }
	var pairs []pair
	flat := c.flat()
	base := 0
	var look looker
	w := withinProbe{checker: c}
	for i := range c.drafts {
		us := c.drafts[i].units
		w.reset(len(us))
		for y := range us {
			if !us[y].checked() {
				continue
			}
			if err := look.at(ctx, 1+w.read); err != nil {
				return err
			}
			for _, x := range w.propose(y, us[y].su) {
				pairs = append(pairs, pair{base + y, base + int(x)})
			}
		}
		base += len(us)
	}
	c.cands += len(pairs)
	return forEachCtx(ctx, len(pairs), c.ix.opt.Workers, func(i int) {
		p := pairs[i]
		c.score(p.k, flat[p.k], flat[p.j].su, flat[p.j].Unit, false)
	})
}

// result orders the findings (by draft document, draft unit, then
// descending score and match location), keeps MaxMatches per draft unit
// (see keepMatches), and counts.
func (c *checker) result() *CheckResult {
	res := &CheckResult{Findings: []Finding{}}
	res.Stats.Documents = len(c.drafts)
	res.Stats.Candidates = c.cands
	c.each(func(int, *draft, *analysed) { res.Stats.Units++ })
	var skipped skipCounts
	for i := range c.drafts {
		for j := range c.drafts[i].units {
			if c.drafts[i].units[j].Reference {
				res.Stats.References++
			}
		}
		skipped.add(c.drafts[i].skips)
	}
	res.Stats.Code, res.Stats.Metadata = skipped.code, skipped.metadata
	for k := range c.findings {
		fs := c.unitFindings(k)
		// One finding per matching unit (a unit found by the snapshot and
		// again when a CheckAndAdd completes): the best score.
		slices.SortFunc(fs, func(x, y Finding) int {
			return cmp.Or(cmpLocation(x.Match.Location, y.Match.Location), cmp.Compare(y.Score, x.Score))
		})
		fs = slices.CompactFunc(fs, func(x, y Finding) bool { return x.Match.Location == y.Match.Location })
		sortFindings(fs)
		res.Findings = append(res.Findings, keepMatches(fs, c.ix.opt.MaxMatches)...)
	}
	res.Stats.Findings = len(res.Findings)
	return res
}

// keepMatches returns the findings of one draft unit to report, sorted by
// sortFindings: the best n, except that when none of them is a duplicate
// and a lower-scored one is, the best duplicate takes the last place. A
// paraphrase can outscore a duplicate (a differing number makes two
// otherwise identical units paraphrases), and whether a unit duplicates
// other text, which --fail-on duplicate and the counts report, must not
// depend on how many matches are shown.
func keepMatches(fs []Finding, n int) []Finding {
	isDup := func(f Finding) bool { return f.Kind == Duplicate }
	if len(fs) <= n || n < 1 || slices.ContainsFunc(fs[:n], isDup) {
		return fs[:min(len(fs), max(n, 0))]
	}
	i := slices.IndexFunc(fs[n:], isDup)
	if i < 0 {
		return fs[:n]
	}
	kept := slices.Clone(fs[:n])
	kept[n-1] = fs[n+i]
	return kept
}

// sortFindings orders the findings of one draft unit: descending score,
// then match document and offset.
func sortFindings(fs []Finding) {
	slices.SortFunc(fs, func(x, y Finding) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmpLocation(x.Match.Location, y.Match.Location))
	})
}

func cmpLocation(x, y Location) int {
	return cmp.Or(cmp.Compare(x.Doc, y.Doc), cmp.Compare(x.Start, y.Start), cmp.Compare(x.Path, y.Path),
		cmp.Compare(x.End, y.End), cmp.Compare(x.Line, y.Line), cmp.Compare(x.URL, y.URL), cmp.Compare(x.Title, y.Title))
}

// ctxEvery is the units of cheap work (postings, term look-ups, pairs
// tested for a shared term) a long loop does between looks at its
// context; see looker.
const ctxEvery = 1 << 12

// looker spaces a loop's looks at its context: at most one every
// ctxEvery units of work.
type looker struct{ done int }

// at counts n more units of work and, once ctxEvery have been done since
// the last look, returns ctx.Err().
func (l *looker) at(ctx context.Context, n int) error {
	if l.done += n; l.done < ctxEvery {
		return nil
	}
	l.done = 0
	return ctx.Err()
}

// forEachCtx is forEach that looks at ctx before each call of fn (fn
// analyses or scores a unit, microseconds against the atomic load of a
// cancellable context's Err) and, once ctx is done, starts no more calls
// and returns ctx.Err().
func forEachCtx(ctx context.Context, n, workers int, fn func(i int)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var mu sync.Mutex
	var err error
	next := 0
	take := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if next >= n || err != nil {
			return 0, false
		}
		if err = ctx.Err(); err != nil {
			return 0, false
		}
		next++
		return next - 1, true
	}
	forEach(max(1, min(workers, n)), workers, func(int) {
		for {
			i, ok := take()
			if !ok {
				return
			}
			fn(i)
		}
	})
	return err
}

// forEach calls fn(i) for i in [0,n) on up to workers goroutines.
func forEach(n, workers int, fn func(i int)) {
	if n == 0 {
		return
	}
	workers = max(1, min(workers, n))
	if workers == 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// shareTerm reports whether two sorted id lists have an element in common.
func shareTerm(a, b []uint32) bool { return similarity.AtLeast(a, b, 1) }
