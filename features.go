package neardup

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/neardup/neardup/cluster"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/index"
	"github.com/neardup/neardup/score"
)

// seedMinHash seeds the MinHash permutations behind the near-copy sketch.
const seedMinHash uint64 = 0x6d696e68617368 // "minhash"

// analyze runs the scorer's analysis over every unit, in parallel, marks
// the units with enough content words to be compared (and not in a
// reference list: corpus.Unit.Reference), and profiles their
// sentences (one tokenisation a unit; see sentenceProfile).
func (s *scanner) analyze() {
	n := len(s.units)
	s.copies = s.findCopies()
	s.su = make([]*score.Unit, n)
	s.content = make([]bool, n)
	s.multi = make([]bool, n)
	s.near = make([]uint64, n*nearBands)
	chunks := make([]chunkProfile, (n+profileChunk-1)/profileChunk)
	parallel(len(chunks), s.opt.Workers, func(lo, hi int) {
		var p profiler
		for c := lo; c < hi; c++ {
			// Room for a chunk of paragraphs of ~40 content terms.
			p.chunk = chunkProfile{terms: make([]uint32, 0, 48*profileChunk), ends: make([]int32, 0, 6*profileChunk), count: make([]int32, 0, profileChunk)}
			for i := c * profileChunk; i < min((c+1)*profileChunk, n); i++ {
				if !s.copies.original(i) {
					p.chunk.count = append(p.chunk.count, 0) // its original's stand for it
					continue
				}
				s.su[i] = s.scorer.Analyze(s.units[i].Text)
				s.content[i] = s.su[i].ContentWords() >= s.opt.MinWords && !s.units[i].Reference
				if s.content[i] {
					s.multi[i] = s.profileUnit(&p, i)
				} else {
					p.chunk.count = append(p.chunk.count, 0)
				}
			}
			chunks[c] = p.chunk
		}
	})
	s.sent = stitchProfiles(chunks, n)
	for i, o := range s.copies.of {
		if int(o) != i {
			s.su[i], s.content[i], s.multi[i] = s.su[o], s.content[o], s.multi[o]
		}
	}
}

// boilerplateSet is the outcome of boilerplate detection.
type boilerplateSet struct {
	unit     []bool // unit i is boilerplate
	clusters []Cluster
}

// boilerplate finds units repeated verbatim (same words, whatever the case,
// punctuation and spacing) in at least Options.BoilerplateDocs documents that
// are either short (fewer than three times MinWords content words:
// navigation, bylines, "Subscribe to our newsletter") or spread over ten
// times that many documents (cookie notices, disclaimers). Longer text
// repeated in a few documents is a duplicate, not boilerplate: a wire story
// re-run by three sites must be reported as such, its short paragraphs and
// headline too, which sit next to its long ones in each copy.
func (s *scanner) boilerplate() boilerplateSet {
	b := boilerplateSet{unit: make([]bool, len(s.units))}
	// Group the units by fingerprint: sort (fingerprint, unit) pairs, so
	// that each group is a run in unit order.
	type fp struct {
		key  uint64
		unit int32
	}
	keys := make([]fp, 0, len(s.su))
	for i, u := range s.su {
		if u.Words() > 0 && !s.units[i].Reference { // references are counted apart
			keys = append(keys, fp{u.Fingerprint(), int32(i)})
		}
	}
	slices.SortFunc(keys, func(x, y fp) int {
		if x.key != y.key {
			return cmp.Compare(x.key, y.key)
		}
		return cmp.Compare(x.unit, y.unit)
	})
	// The groups repeated in enough documents: cand, boilerplate unless
	// found to be copied text, and the long groups of a few documents,
	// copied text when their documents are mostly copies (not a long
	// signature or footer beside each post's own text).
	var cand, long [][]int32
	repeated := make([]bool, len(s.units)) // in a group repeated in two documents or more
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j].key == keys[i].key {
			j++
		}
		run := keys[i:j]
		i = j
		if len(run) < 2 {
			continue
		}
		g := make([]int32, len(run))
		for k, e := range run {
			g[k] = e.unit
		}
		docs := s.docsOf(g)
		if docs >= 2 {
			for _, u := range g {
				repeated[u] = true
			}
		}
		switch words := s.su[g[0]].Words(); {
		case docs < s.opt.BoilerplateDocs:
		case words >= 3*s.opt.MinWords && docs < 10*s.opt.BoilerplateDocs:
			long = append(long, g)
		default:
			cand = append(cand, g) // short, or a long notice on very many pages
		}
	}
	copied := make([]bool, len(s.units))
	if len(cand) > 0 && len(long) > 0 {
		mostly := s.mostlyRepeated(repeated)
		for _, g := range long {
			n := 0
			for k, u := range g {
				if (k == 0 || s.udoc[u] != s.udoc[g[k-1]]) && mostly[s.udoc[u]] {
					n++
				}
			}
			if 3*n >= 2*s.docsOf(g) {
				s.markCopied(copied, g)
			}
		}
	}
	// A candidate is boilerplate unless it is part of copied stories: in
	// BoilerplateDocs of its documents or more, and two in three of them,
	// it sits next to one and the same group of copied text (a wire story
	// re-run by three sites, with its short paragraphs and headline).
	// Navigation sits beside a different story on each page, bylines and
	// notices beside pages' own text. A candidate found copied is copied
	// text itself, for the groups next to it (a story's last short
	// paragraph after another): repeat until none is.
	for more := len(long) > 0; more; {
		more = false
		rest := cand[:0]
		for _, g := range cand {
			if !s.inCopies(copied, g) {
				rest = append(rest, g)
				continue
			}
			s.markCopied(copied, g)
			more = true
		}
		cand = rest
	}
	found := cand
	for _, g := range found {
		for _, u := range g {
			b.unit[u] = true
		}
	}
	found = append(found, s.runningHeads(b.unit)...)
	slices.SortFunc(found, func(x, y []int32) int { return int(x[0] - y[0]) })
	for _, g := range found {
		c := Cluster{Kind: Boilerplate, Rep: int(g[0])}
		for _, u := range g {
			b.unit[u] = true
			s.content[u] = false
			c.Members = append(c.Members, Member{Unit: int(u), Score: 1})
		}
		b.clusters = append(b.clusters, c)
	}
	return b
}

// markCopied marks the units of g copied text, but for quoted ones: a
// passage that replies quote is no story re-run, and their signatures sit
// beside it.
func (s *scanner) markCopied(copied []bool, g []int32) {
	for _, u := range g {
		copied[u] = !s.quoted[u]
	}
}

// inCopies reports whether the units of g sit next to the same group of
// copied text (a unit of the same document just before or after, of one
// fingerprint) in BoilerplateDocs of their documents or more, and in two
// in three of them.
func (s *scanner) inCopies(copied []bool, g []int32) bool {
	count := map[uint64]int{}
	last := int32(-1)
	for _, u := range g {
		d := s.udoc[u]
		if d == last {
			continue
		}
		last = d
		seen := uint64(0)
		for _, v := range [2]int{int(u) - 1, int(u) + 1} {
			if v >= 0 && v < len(s.units) && s.udoc[v] == d && copied[v] {
				if f := s.su[v].Fingerprint(); f != seen {
					count[f]++
					seen = f
				}
			}
		}
	}
	docs := s.docsOf(g)
	for _, n := range count {
		if n >= s.opt.BoilerplateDocs && 3*n >= 2*docs {
			return true
		}
	}
	return false
}

// mostlyRepeated reports, by document, whether half of its units or more
// (of those with words, quotes left out) are repeated in another
// document: a copy of something, not a document of its own with a
// signature or a footer.
func (s *scanner) mostlyRepeated(repeated []bool) []bool {
	rep := make([]int, len(s.docs))
	all := make([]int, len(s.docs))
	for u, su := range s.su {
		if su.Words() == 0 || s.units[u].Reference || s.quoted[u] {
			continue // a reply's quotes make it no copy
		}
		all[s.udoc[u]]++
		if repeated[u] {
			rep[s.udoc[u]]++
		}
	}
	out := make([]bool, len(s.docs))
	for d := range out {
		out[d] = all[d] > 0 && 2*rep[d] >= all[d]
	}
	return out
}

// docsOf returns the number of documents the units of g (in unit order)
// are in.
func (s *scanner) docsOf(g []int32) int {
	docs := 1
	for j := 1; j < len(g); j++ {
		if s.udoc[g[j]] != s.udoc[g[j-1]] {
			docs++
		}
	}
	return docs
}

// runningHeads finds the running headers and footers of paginated text:
// a short line repeated through one document with its numbers changing
// ("HICNet Medical Newsletter Page 6 Volume 6, Number 10 April 20, 1993",
// then "... Page 7 ...", pages later). Left to the scorer, every two pages'
// headers are a near copy, and a 40-page newsletter reports 780 pairs of
// them. Units are one when their wording is the same but for numbers in
// digits (score.Unit.TemplateFingerprint); a document holds a running head
// when at least minRunning of its units are one with different numbers
// (not all copies: copies are found as such), none next to another (rows
// of a table, items of a list are next to each other), each short as
// short boilerplate is but long enough to be compared (MinWords: "Chapter
// 2" is never paired anyway), and they read as numbered pages (onePage). Units bp marks, boilerplate already, are left out.
// It returns one group per template, in all the documents that hold it.
func (s *scanner) runningHeads(bp []bool) [][]int32 {
	type key struct {
		tmp uint64
		doc int32
	}
	groups := map[key][]int32{}
	for i, u := range s.su {
		if cw := u.ContentWords(); bp[i] || u.TemplateFingerprint() == u.Fingerprint() || s.units[i].Reference || cw < s.opt.MinWords || cw >= 3*s.opt.MinWords {
			continue // no number in digits, or boilerplate, a reference, too short to compare ("Chapter 2"), long
		}
		k := key{u.TemplateFingerprint(), int32(s.udoc[i])}
		groups[k] = append(groups[k], int32(i))
	}
	byTemplate := map[uint64][]int32{}
	for k, g := range groups {
		if len(g) < minRunning {
			continue
		}
		varied, apart := false, true
		for j := 1; j < len(g); j++ {
			varied = varied || s.su[g[j]].Fingerprint() != s.su[g[0]].Fingerprint()
			apart = apart && g[j]-g[j-1] >= 2
		}
		if varied && apart && s.onePage(g) {
			byTemplate[k.tmp] = append(byTemplate[k.tmp], g...)
		}
	}
	var out [][]int32
	for _, g := range byTemplate {
		slices.Sort(g)
		out = append(out, g)
	}
	return out
}

// onePage reports whether the units g of one document, one in wording
// but for numbers, read as the running head of numbered pages: none ends a
// sentence, and they differ in one number only, in the same place, which
// rises from each to the next ("Page 6 of 40", "... Page 7 Volume 6",
// "[Page 8]"). Rows of a table ("Exports 450 475 395" / "Exports 200 190
// 166"), a list of prices, or a step repeated with its figures ("... bake
// for 45 minutes.", "... for 60 minutes.") are no running head.
func (s *scanner) onePage(g []int32) bool {
	var first, runs []string
	at, prev := -1, ""
	for k, u := range g {
		text := s.units[u].Text
		if endsSentence(text) {
			return false
		}
		runs = digitRuns(text, runs[:0])
		if k == 0 {
			first = slices.Clone(runs)
			continue
		}
		if len(runs) != len(first) || len(runs) == 0 {
			return false
		}
		for i := range runs {
			if runs[i] == first[i] {
				continue
			}
			if at >= 0 && at != i {
				return false // a second number changes
			}
			at = i
		}
		if at < 0 {
			return false // a copy of the first
		}
		if k == 1 {
			prev = first[at]
		}
		if !rises(prev, runs[at]) {
			return false
		}
		prev = runs[at]
	}
	return at >= 0
}

// endsSentence reports whether text ends as a sentence does: with '!',
// '?' or a '.' that no abbreviation holds ("... Company Ltd." does not).
func endsSentence(text string) bool {
	switch {
	case strings.HasSuffix(text, "!"), strings.HasSuffix(text, "?"):
		return true
	case !strings.HasSuffix(text, "."):
		return false
	}
	word := text[strings.LastIndexAny(text[:len(text)-1], " \t")+1 : len(text)-1]
	return !corpus.Abbreviation(word, "")
}

// rises reports whether the page number cur is greater than prev.
func rises(prev, cur string) bool {
	a, errA := strconv.Atoi(prev)
	b, errB := strconv.Atoi(cur)
	return errA == nil && errB == nil && a < b
}

// digitRuns appends the runs of ASCII digits of text to dst, in order.
func digitRuns(text string, dst []string) []string {
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		dst = append(dst, text[i:j])
		i = j
	}
	return dst
}

// minRunning is the number of units of one document a running head needs
// (runningHeads).
const minRunning = 3

// weigh counts the document frequencies of the content units' terms for
// the scorer: what score.NewCorpus counts, in parallel. Worker w counts the
// terms t with t mod workers = w over every unit, so the counts need no
// merging, only joining.
func (s *scanner) weigh() {
	var content []*score.Unit
	for i, u := range s.su {
		if s.content[i] {
			content = append(content, u)
		}
	}
	w := max(1, min(s.opt.Workers, len(content)/4096))
	shards := make([]map[uint32]uint32, w)
	parallel(w, w, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			m := make(map[uint32]uint32)
			for _, u := range content {
				for _, t := range u.Terms() {
					if int(t%uint32(w)) == k {
						m[t]++
					}
				}
			}
			shards[k] = m
		}
	})
	n := 0
	for _, m := range shards {
		n += len(m)
	}
	df := make(map[uint32]uint32, n)
	for _, m := range shards {
		for t, c := range m {
			df[t] = c
		}
	}
	s.corpus = s.scorer.CorpusOf(len(content), df)
}

// otherFacts reports whether one of units a and b is worded in a template
// (templates) and they give other facts (score.FactsDiffer: other numbers,
// or mostly other names).
func (s *scanner) otherFacts(a, b int) bool {
	return (s.templated[a] || s.templated[b]) && score.FactsDiffer(s.su[a], s.su[b])
}

// scorePair scores units a and b with the scorer.
func (s *scanner) scorePair(a, b int) (Scores, Kind) {
	r := s.scorer.Score(s.corpus, s.su[a], s.su[b])
	kind := Kind(r.Kind)
	switch {
	case kind == Different:
	case s.differentFigures(a, b, r.Features.Numbers):
		kind = Different
	case s.otherFacts(a, b), s.otherFigures(a, b):
		kind = Different
	case kind == Paraphrase && s.multi[a] && s.multi[b] && r.Features.Said < partialCoverage && s.partialOverlap(a, b):
		kind = Different
	}
	return Scores{Score: r.Score, Cosine: r.Cosine, Jaccard: r.Jaccard, Containment: r.Containment}, kind
}

// score scores every candidate in parallel and keeps the pairs at or above
// the thresholds, in (A, B) order.
func (s *scanner) score(cands []index.Pair) []Pair {
	const chunk = 1024
	kept := make([][]Pair, (len(cands)+chunk-1)/chunk)
	parallel(len(kept), s.opt.Workers, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			if s.ctxErr() != nil {
				return // run returns the context's error
			}
			for _, c := range cands[k*chunk : min((k+1)*chunk, len(cands))] {
				if s.otherFacts(int(c.A), int(c.B)) {
					continue // different whatever the score: not worth scoring
				}
				sc, kind := s.scorePair(int(c.A), int(c.B))
				if kind != Different {
					kept[k] = append(kept[k], Pair{A: int(c.A), B: int(c.B), Kind: kind, Scores: sc})
				}
			}
		}
	})
	var out []Pair
	for _, k := range kept {
		out = append(out, k...)
	}
	return out
}

// cluster groups the kept pairs of originals with average linkage, names
// each group's representative and kind, and gives the groups their copies
// back (see expandCopies; all is pairs with the copy pairs, withCopies).
func (s *scanner) cluster(pairs, all []Pair) ([]Cluster, error) {
	edges := make([]cluster.Edge, len(pairs))
	for i, p := range pairs {
		edges[i] = cluster.Edge{A: int32(p.A), B: int32(p.B), Score: float32(min(max(p.Score, 0), 1))}
	}
	groups, err := cluster.Build(len(s.units), edges, cluster.Options{MinLink: minLinkShare * s.opt.Threshold})
	if err != nil {
		return nil, err
	}
	// Members are scored against the representative in parallel; most
	// such pairs were kept by scoring already, whose verdicts are reused.
	return s.expandCopies(groups, all, func(g cluster.Group, m int32) (Scores, Kind) {
		a, b := int(min(m, g.Rep)), int(max(m, g.Rep))
		if p, ok := findPair(pairs, a, b); ok {
			return p.Scores, p.Kind
		}
		return s.scorePair(a, b)
	}), nil
}

// findPair returns the pair (a, b) of pairs, sorted by (A, B), if it is one.
func findPair(pairs []Pair, a, b int) (Pair, bool) {
	k, ok := slices.BinarySearchFunc(pairs, [2]int{a, b}, func(p Pair, t [2]int) int {
		if p.A != t[0] {
			return p.A - t[0]
		}
		return p.B - t[1]
	})
	if !ok {
		return Pair{}, false
	}
	return pairs[k], true
}
