package neardup

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/score"
	"github.com/neardup/neardup/shingle"
)

// ErrNoInput is returned when a scan has no document to read.
var ErrNoInput = errors.New("no input")

// candidateFloor is the TF-IDF cosine at or above which the inverted index
// proposes a pair for scoring. It sits well below the paraphrase threshold:
// rewordings share few exact terms, and the scorer, not the index, decides.
const candidateFloor = 0.3

// minLinkShare is the average-linkage floor for clustering, as a share of the
// paraphrase threshold: two groups merge only if their mean similarity over
// all cross pairs is at least this share of the threshold. At 0.6 a third
// unit joins a pair on one edge of 0.55 or more, so a paragraph made of two
// others (B = A then C) joins them. At 0.8 and 1.0 it does not, but
// rewordings of rewordings fall apart too: generated corpus F1 at 10^4
// 0.9967 -> 0.9961 / 0.9954, at 10^5 0.9912 -> 0.9907 / 0.9895
// (2026-11-27, ../shared/bench/eval_clusters.py).
const minLinkShare = 0.6

func (o Options) withDefaults() (Options, error) {
	if o.Unit == "" {
		o.Unit = corpus.Paragraph
	}
	if o.Unit != corpus.Paragraph && o.Unit != corpus.Sentence {
		return o, fmt.Errorf("unit %q: want paragraph or sentence", o.Unit)
	}
	if o.Language == "" {
		o.Language = "english"
	}
	switch o.Scope {
	case "":
		o.Scope = ScopeAll
	case ScopeAll, ScopeWithin, ScopeAcross:
	default:
		return o, fmt.Errorf("scope %q: want within, across or all", o.Scope)
	}
	if o.MinWords == 0 {
		o.MinWords = DefaultMinWords
	}
	if o.MinWords < 0 {
		return o, fmt.Errorf("min words %d: want a positive number (0 for the default)", o.MinWords)
	}
	if o.Threshold == 0 {
		o.Threshold = DefaultThreshold
	}
	if !(o.Threshold > 0 && o.Threshold <= 1) { // NaN too
		return o, fmt.Errorf("threshold %v: want a number in (0,1]", o.Threshold)
	}
	if o.DuplicateThreshold == 0 {
		o.DuplicateThreshold = DefaultDuplicateThreshold
	}
	if !(o.DuplicateThreshold > 0 && o.DuplicateThreshold <= 1) {
		return o, fmt.Errorf("duplicate threshold %v: want a number in (0,1]", o.DuplicateThreshold)
	}
	if o.BoilerplateDocs == 0 {
		o.BoilerplateDocs = DefaultBoilerplateDocs
	}
	if o.BoilerplateDocs < 2 {
		// A unit repeated in one document is a duplicate, not boilerplate.
		return o, fmt.Errorf("boilerplate docs %d: want 2 or more (0 for the default)", o.BoilerplateDocs)
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o, nil
}

// Scan splits docs into units and finds the clusters of duplicated and
// paraphrased units among them.
func Scan(ctx context.Context, docs []corpus.Document, opt Options) (*Result, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, ErrNoInput
	}
	s, err := newScanner(opt)
	if err != nil {
		return nil, err
	}
	res := &Result{Options: s.opt}
	s.profile = &res.Profile
	s.stage("split", len(docs), func() { s.split(docs) })
	return s.run(ctx, res)
}

// scanner holds the state of one scan.
type scanner struct {
	opt      Options
	scorer   *score.Scorer
	analyzer *shingle.Analyzer // for sentence-level overlap checks
	minhash  *shingle.MinHasher

	docs      []corpus.Document
	units     []Unit
	udoc      []int32         // document index of each unit
	su        []*score.Unit   // each unit analysed by the scorer
	content   []bool          // unit is compared: enough content words, not boilerplate, not a reference
	templated []bool          // unit's wording is a template filled with other facts elsewhere (templates)
	restate   []bool          // unit is restated with other numbers in other wordings (restated); nil before scoring ends
	copies    copySet         // exact copies: compared through their originals (copies.go)
	refs      int             // units in reference lists
	skipped   skipCounts      // parts of the documents in no unit
	quoted    []bool          // unit i is quoted text (corpus.Unit.Quoted)
	multi     []bool          // unit has more than one sentence (paragraph mode)
	sent      sentenceProfile // content terms by sentence of the compared units
	near      []uint64        // nearBands band keys of each compared unit (see nearKeys)
	corpus    *score.Corpus   // document frequencies over the compared units

	// exactUnits is the number of compared units up to which all of them
	// go through the exact cosine search (the constant exactUnits; tests
	// lower it to run the approximate path on small inputs).
	exactUnits int

	profile *[]Stage

	// ctx is the scan's context: the long stages (candidate search,
	// scoring) check it as they go, and run returns its error.
	ctx context.Context
}

// stage runs fn and records its wall time under name.
func (s *scanner) stage(name string, count int, fn func()) {
	t := time.Now()
	fn()
	*s.profile = append(*s.profile, Stage{Name: name, Count: count, Duration: time.Since(t)})
}

func newScanner(opt Options) (*scanner, error) {
	sc, err := score.New(score.Options{Language: opt.Language, Threshold: opt.Threshold, DuplicateThreshold: opt.DuplicateThreshold})
	if err != nil {
		return nil, err
	}
	mh, err := shingle.NewMinHasher(nearBands*nearRows, seedMinHash)
	if err != nil {
		return nil, err
	}
	an, err := shingle.NewAnalyzer(shingle.Options{Language: opt.Language})
	if err != nil {
		return nil, err
	}
	return &scanner{opt: opt, scorer: sc, analyzer: an, minhash: mh, exactUnits: exactUnits}, nil
}

// split cuts every document into units, in document order.
func (s *scanner) split(docs []corpus.Document) {
	s.docs = docs
	per := make([][]corpus.Unit, len(docs))
	skips := make([][]corpus.Skip, len(docs))
	parallel(len(docs), s.opt.Workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			per[i], skips[i] = corpus.SplitSkips(&docs[i], s.opt.Unit)
		}
	})
	n := 0
	for i, us := range per {
		n += len(us)
		s.skipped.add(skips[i])
	}
	s.units = make([]Unit, 0, n)
	s.udoc = make([]int32, 0, n)
	s.quoted = make([]bool, 0, n)
	for i, us := range per {
		d := &docs[i]
		for _, u := range us {
			s.units = append(s.units, Unit{
				Location:  Location{Doc: d.ID, Path: d.Path, URL: d.URL, Title: d.Title, Line: u.Line, Start: u.Start, End: u.End, Record: d.Record},
				Kind:      u.Kind,
				Text:      u.Text,
				Reference: u.Reference,
			})
			if u.Reference {
				s.refs++
			}
			s.udoc = append(s.udoc, int32(i))
			s.quoted = append(s.quoted, u.Quoted)
		}
	}
}

func (s *scanner) run(ctx context.Context, res *Result) (*Result, error) {
	s.ctx = ctx
	res.Units = s.units
	res.Stats.Documents = len(s.docs)
	res.Stats.Units = len(s.units)
	res.Stats.References = s.refs
	res.Stats.Code, res.Stats.Metadata = s.skipped.code, s.skipped.metadata
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.stage("analyse", len(s.units), s.analyze)
	var boiler boilerplateSet
	s.stage("boilerplate", len(s.units), func() { boiler = s.boilerplate() })
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.stage("weigh", len(s.units), func() {
		s.weigh()
		s.templated = s.templates()
	})
	for _, t := range s.templated {
		if t {
			res.Stats.Templated++
		}
	}
	var cands []index.Pair
	var err error
	s.stage("candidates", 0, func() { cands, err = s.candidates() })
	if err != nil {
		return nil, err
	}
	res.Profile[len(res.Profile)-1].Count = len(cands)
	res.Stats.Candidates = len(cands)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var pairs []Pair
	s.stage("score", len(cands), func() { pairs = s.restated(s.score(cands)) })
	if err := ctx.Err(); err != nil {
		return nil, err // scoring stopped part-way
	}
	for i, t := range s.restate {
		if t && !s.templated[i] {
			res.Stats.Templated++
		}
	}
	var clusters []Cluster
	s.stage("cluster", len(pairs), func() {
		res.Pairs = s.withCopies(pairs)
		clusters, err = s.cluster(pairs, res.Pairs)
	})
	if err != nil {
		return nil, err
	}
	res.Stats.Pairs = len(res.Pairs)
	res.Documents = s.documentPairs(res.Pairs)
	for _, b := range boiler.clusters {
		clusters = append(clusters, b)
	}
	for i := range clusters {
		clusters[i].ID = i + 1
		if clusters[i].Kind == Boilerplate {
			res.Stats.Boilerplate++
		} else {
			res.Stats.Clusters++
		}
	}
	res.Clusters = clusters
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

// parallel runs fn over [0,n) cut into contiguous chunks, on up to workers
// goroutines, and waits.
func parallel(n, workers int, fn func(lo, hi int)) {
	if n == 0 {
		return
	}
	if workers > n {
		workers = n
	}
	if workers <= 1 {
		fn(0, n)
		return
	}
	chunk := (n + workers*4 - 1) / (workers * 4)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lo := range next {
				fn(lo, min(lo+chunk, n))
			}
		}()
	}
	for lo := 0; lo < n; lo += chunk {
		next <- lo
	}
	close(next)
	wg.Wait()
}

// sortPairs orders pairs by (A, B).
func sortPairs(ps []Pair) {
	slices.SortFunc(ps, func(x, y Pair) int {
		if x.A != y.A {
			return x.A - y.A
		}
		return x.B - y.B
	})
}
