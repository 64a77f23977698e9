package neardup

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/neardup/neardup/archive"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/score"
)

// IndexOptions controls OpenIndex. The zero value is valid: every field
// documents the default it stands for when left zero.
type IndexOptions struct {
	// Unit is the unit of comparison. A new index records it (default
	// corpus.Paragraph); an existing one was built with its own, which a
	// zero value adopts and any other value must equal.
	Unit corpus.Mode
	// Language is the stemmer and stop-word language, recorded and adopted
	// like Unit (default "english").
	Language string
	// ReadOnly opens an existing index for checks only. Any number of
	// processes may do so at once, but not while one has it open for
	// writing (they wait up to LockTimeout).
	ReadOnly bool
	// MustExist opens an existing index for writing and never creates
	// one: a missing file is an error wrapping archive.ErrNotExist, as
	// with ReadOnly (for removals and compaction, where a new index is
	// a mistyped path).
	MustExist bool
	// LockTimeout is how long opening waits for another process's lock on
	// the file (default archive.DefaultTimeout; negative: do not wait).
	LockTimeout time.Duration
	// NoSync skips fsync on commit: faster, but a crash of the machine (not
	// of the process) may lose the index. For throw-away indexes.
	NoSync bool
	// Shared holds the index file's lock only during each read or commit,
	// so that other processes can check against the index between them (a
	// batched add that runs for minutes, `neardup index add`). Each
	// transaction reopens the file, and they run one at a time. Between
	// this process's transactions another may write: CheckAndAdd is then
	// atomic among this process's goroutines only.
	Shared bool
	// AsyncCommit makes CheckAndAdd return as soon as its document is
	// decided: an added document is staged in memory, where the checks and
	// CheckAndAdds of this Index see it at once, and a goroutine of the
	// Index commits the staged documents in groups, as many at a time as
	// have gathered while the previous commit ran. Flush waits until what
	// is staged is committed, and Close flushes. A crash loses the documents
	// staged and not yet committed (those of the last commit's duration:
	// milliseconds without fsync, about 120 ms and 19 documents in a kill
	// test with fsync on; a crawler adds them again when it sees them
	// again). It is not always the faster mode: see the README. Add,
	// Remove and Compact still wait for their own commits, and commit what
	// is staged before them. If a commit fails, its
	// documents are dropped and CheckAndAdd returns the error, adding
	// nothing, until Flush has returned it. Without AsyncCommit every
	// CheckAndAdd that adds waits for its commit, shared with the
	// CheckAndAdds running alongside (group commit).
	AsyncCommit bool
	// PendingLimit is the number of postings a writer keeps in pending
	// records before merging them into the inverted index (default: see
	// archive.DefaultPendingLimit; it grows with the archive). A larger
	// limit makes commits cheaper on average and costs each new reading
	// process a longer first read (about 4 ms per 100,000 postings
	// pending), which is why `neardup index add`, whose indexes are read by
	// one-shot `neardup check`s, keeps archive.DefaultPendingLimit.
	PendingLimit int

	// MinWords is the number of distinct content words (neither stop words
	// nor numbers in digits) a unit needs to be checked or to be matched (default
	// DefaultMinWords), as in Options.MinWords.
	MinWords int
	// Threshold is the score at or above which a pair is a paraphrase
	// (default score.DefaultThreshold).
	Threshold float64
	// DuplicateThreshold is the word-sequence similarity at or above which
	// a pair is a near-identical duplicate, as in Options.DuplicateThreshold
	// (0: the scorer's default).
	DuplicateThreshold float64
	// MaxCandidates is the number of archive units scored for each draft
	// unit: the ones sharing the most inverse-document-frequency weight with
	// it among the postings of its rarest terms (default
	// DefaultMaxCandidates), and of texts of earlier units of the same
	// draft when the scope includes it (each with up to MaxMatches of its
	// copies: see Index.Check).
	MaxCandidates int
	// MaxMatches is the number of findings kept for each draft unit, the
	// best scores first (default DefaultMaxMatches). A unit's best
	// duplicate finding is always kept, in the last place if paraphrases
	// outscore it, so that whether a unit duplicates other text does not
	// depend on MaxMatches.
	MaxMatches int

	// SeenKind and SeenShare decide when CheckAndAdd treats a document as
	// already seen: when at least SeenShare of its content units (default
	// DefaultSeenShare) match archive text at SeenKind or closer (Duplicate,
	// the default: near-identical wording; or Paraphrase: rewordings too).
	SeenKind  Kind
	SeenShare float64

	// CacheUnits is the number of analysed archive units kept in memory
	// between checks (default DefaultCacheUnits; negative: none).
	CacheUnits int
	// Workers is the number of goroutines a call uses (0 or less:
	// GOMAXPROCS).
	// Results do not depend on it.
	Workers int
}

// Index defaults.
const (
	DefaultMaxCandidates = 24
	DefaultMaxMatches    = 3
	DefaultSeenShare     = 0.5
	DefaultCacheUnits    = 1 << 14
)

func (o IndexOptions) withDefaults() (IndexOptions, error) {
	if o.Unit != "" && o.Unit != corpus.Paragraph && o.Unit != corpus.Sentence {
		return o, fmt.Errorf("unit %q: want paragraph or sentence", o.Unit)
	}
	if o.MinWords == 0 {
		o.MinWords = DefaultMinWords
	}
	if o.MaxCandidates == 0 {
		o.MaxCandidates = DefaultMaxCandidates
	}
	if o.MaxMatches == 0 {
		o.MaxMatches = DefaultMaxMatches
	}
	switch o.SeenKind {
	case "":
		o.SeenKind = Duplicate
	case Duplicate, Paraphrase:
	default:
		return o, fmt.Errorf("seen kind %q: want duplicate or paraphrase", o.SeenKind)
	}
	if o.SeenShare == 0 {
		o.SeenShare = DefaultSeenShare
	}
	if o.CacheUnits == 0 {
		o.CacheUnits = DefaultCacheUnits
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	// The float options are tested for being in range, not for being out
	// of it, so that NaN (which compares false with everything) is refused.
	switch {
	case o.MinWords < 0 || o.MaxCandidates < 0 || o.MaxMatches < 0:
		return o, fmt.Errorf("min words %d, max candidates %d, max matches %d: want positive numbers", o.MinWords, o.MaxCandidates, o.MaxMatches)
	case !(o.SeenShare > 0 && o.SeenShare <= 1):
		return o, fmt.Errorf("seen share %v: want a number in (0,1]", o.SeenShare)
	case o.Threshold != 0 && !(o.Threshold > 0 && o.Threshold <= 1):
		return o, fmt.Errorf("threshold %v: want a number in (0,1]", o.Threshold)
	case o.DuplicateThreshold != 0 && !(o.DuplicateThreshold > 0 && o.DuplicateThreshold <= 1):
		return o, fmt.Errorf("duplicate threshold %v: want a number in (0,1]", o.DuplicateThreshold)
	}
	return o, nil
}

// Index is an archive of documents to check drafts and crawled pages
// against: kept on disk (or in memory), grown and shrunk incrementally, and
// queried without reading it whole. All methods are safe for concurrent use
// by many goroutines: checks run in parallel with each other and with one
// writer; writes (Add, Remove, the add of CheckAndAdd) are serialised and
// committed in groups.
//
// Each unit's features are recomputed from its stored text with the same
// scorer a scan uses (package score), so an index stores text, locations
// and an inverted index, not features. Inverse document frequencies come
// from the document frequencies stored in the index, updated by every add
// and remove in the same transaction (see package archive): a check always
// weighs terms by the archive as it is (with the drafts it checks), with no
// rebuild as it grows.
type Index struct {
	opt    IndexOptions
	scorer *score.Scorer
	ar     *archive.Archive
	cache  *unitCache
	accs   sync.Pool // *accumulator
	budget int       // postings a probe may read (probeBudget; tests change it)
	// maxStaged is the staged documents at which an asynchronous
	// CheckAndAdd waits for a commit (the constant maxStaged; tests change
	// it).
	maxStaged int

	// See archive_commit.go for how writes are staged and committed.
	wmu sync.Mutex // held while committing
	dmu sync.Mutex // held while deciding and staging

	kicks   chan struct{} // documents staged (AsyncCommit)
	stop    chan struct{} // closed by Close: the committer returns
	stopped chan struct{} // closed by the committer on return

	rmu      sync.Mutex     // guards the fields below
	staged   []*pending     // decided and not yet committed, in order
	seq      uint64         // documents staged so far
	recent   []recentUnit   // units committed by this Index, ascending ids
	inflight map[uint32]int // lower bounds of the snapshots of checks in progress
	next     uint32         // NextUnit after this Index's last commit
	failed   error          // a failed asynchronous commit, until Flush
	closed   bool
}

// ErrIndexClosed is returned by the methods of a closed Index.
var ErrIndexClosed = archive.ErrClosed

// featuresVersion names the way units are turned into stored term ids;
// change it when score's term ids change in a way the fingerprint below
// might miss.
const featuresVersion = "score-terms/2" // 2: amounts, shares and dated months (2026-11-27)

// featuresProbe is analysed to fingerprint the scorer's term ids: it runs
// through normalisation (curly quotes, dashes, case, accents), stop words,
// numbers, amounts, dates, hyphens, apostrophes and stemming.
const featuresProbe = "The Governments’ new policies weren't announced: 3.5% of São Paulo's " +
	"citizens—running, runners, ran—re-elected “Dr. Smith” in 2024 (U.S.); ÉCOLES, naïve CAFÉS " +
	"spent $1.2bn, twenty-five million euros, by Nov. 11."

// features returns the Features parameter of indexes built with s.
func features(s *score.Scorer) string {
	h := fnv.New64a()
	for _, t := range s.Analyze(featuresProbe).Terms() {
		h.Write([]byte{byte(t), byte(t >> 8), byte(t >> 16), byte(t >> 24)})
	}
	return fmt.Sprintf("%s %016x", featuresVersion, h.Sum64())
}

// OpenIndex opens the index in the file at path, creating it unless
// opt.ReadOnly or opt.MustExist; path "" makes a new, empty index in
// memory (with ReadOnly or MustExist, which want an existing index, it is
// an error wrapping archive.ErrNotExist). An
// index built with other options (unit, language, scorer features) or by
// another format version is refused with an error wrapping
// archive.ErrMismatch or archive.ErrVersion, a damaged file with one
// wrapping archive.ErrCorrupt. A refused open writes nothing to the file.
func OpenIndex(path string, opt IndexOptions) (*Index, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if path == "" && (opt.ReadOnly || opt.MustExist) {
		// Memory holds no index to open read-only or to require: a new
		// empty one would silently stand in for the one meant.
		return nil, fmt.Errorf("%w in memory: path \"\" makes a new index, which cannot be opened read-only or required to exist (give the index file's path)", archive.ErrNotExist)
	}
	aopt := archive.Options{
		Params:   archive.Params{Language: opt.Language, Unit: string(opt.Unit)},
		ReadOnly: opt.ReadOnly,
		Timeout:  opt.LockTimeout,
		NoSync:   opt.NoSync,
		Shared:   opt.Shared,

		PendingLimit: opt.PendingLimit,
	}
	var ar *archive.Archive
	if path != "" {
		ar, err = archive.Open(path, aopt)
		if err != nil && (!errors.Is(err, archive.ErrNotExist) || opt.ReadOnly || opt.MustExist) {
			return nil, err
		}
	}
	if ar != nil {
		opt.Language, opt.Unit = ar.Params().Language, corpus.Mode(ar.Params().Unit)
	} else {
		if opt.Language == "" {
			opt.Language = "english"
		}
		if opt.Unit == "" {
			opt.Unit = corpus.Paragraph
		}
	}
	s, err := score.New(score.Options{Language: opt.Language, Threshold: opt.Threshold, DuplicateThreshold: opt.DuplicateThreshold})
	if err != nil {
		if ar != nil {
			ar.Close()
		}
		return nil, err
	}
	feat := features(s)
	if ar == nil {
		aopt.Params = archive.Params{Language: opt.Language, Unit: string(opt.Unit), Features: feat}
		if ar, err = archive.Open(path, aopt); err != nil {
			return nil, err
		}
	} else if have := ar.Params().Features; have != feat {
		ar.Close()
		return nil, &archive.PathError{Path: path, Err: fmt.Errorf("%w: built with features %q, this neardup computes %q: rebuild the index", archive.ErrMismatch, have, feat)}
	}
	// Options reports the defaults in force, the scorer's among them.
	opt.Threshold, opt.DuplicateThreshold = s.Options().Threshold, s.Options().DuplicateThreshold
	if opt.LockTimeout == 0 {
		opt.LockTimeout = archive.DefaultTimeout
	}
	ix := &Index{opt: opt, scorer: s, ar: ar, cache: newUnitCache(opt.CacheUnits), inflight: make(map[uint32]int), budget: probeBudget, maxStaged: maxStaged}
	err = ar.View(func(tx archive.Tx) error {
		ix.next = tx.Stats().NextUnit
		return nil
	})
	if err != nil {
		ar.Close()
		return nil, err
	}
	if opt.AsyncCommit && !opt.ReadOnly {
		ix.kicks, ix.stop, ix.stopped = make(chan struct{}, 1), make(chan struct{}), make(chan struct{})
		go ix.committer()
	}
	return ix, nil
}

// Options returns the options in force, defaults filled in and the unit
// and language the index was built with. A zero PendingLimit stays zero:
// the default is not one number but grows with the archive (see
// IndexOptions.PendingLimit), and passing Options back to OpenIndex keeps
// it so.
func (ix *Index) Options() IndexOptions { return ix.opt }

// Close commits what is staged and closes the index, waiting for the
// commit in progress. Calls that would add after Close return
// ErrIndexClosed; the error of a failed commit not yet returned by Flush
// is returned (joined with that of closing).
func (ix *Index) Close() error {
	ix.rmu.Lock()
	was := ix.closed
	ix.closed = true
	ix.rmu.Unlock()
	if was {
		return ix.ar.Close()
	}
	if ix.stop != nil {
		close(ix.stop)
		<-ix.stopped
	}
	ix.dmu.Lock() // no decision in progress: nothing is staged after this flush
	defer ix.dmu.Unlock()
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	ix.flush()
	ix.rmu.Lock()
	failed := ix.failed
	ix.failed = nil
	ix.rmu.Unlock()
	return errors.Join(failed, ix.ar.Close())
}

// Flush waits until every document staged by CheckAndAdd (see
// IndexOptions.AsyncCommit) when it is called is committed. It returns
// the error of a failed commit since the last Flush, which CheckAndAdd
// returns until then. Without AsyncCommit there is nothing to wait for.
func (ix *Index) Flush(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	ix.wmu.Lock()
	ix.flush()
	ix.wmu.Unlock()
	ix.rmu.Lock()
	defer ix.rmu.Unlock()
	failed := ix.failed
	ix.failed = nil
	if failed == nil && ix.closed {
		return ErrIndexClosed
	}
	return failed
}

// IndexStats are an index's counts: of what is committed (documents staged
// by an asynchronous CheckAndAdd count once committed; see Flush).
type IndexStats struct {
	archive.Stats
	Path      string `json:"path,omitempty"`
	Unit      string `json:"unit"`
	Language  string `json:"language"`
	Features  string `json:"features"`
	FileBytes int64  `json:"file_bytes,omitempty"` // size of the index file (0 in memory)
}

// Stats returns the index's counts.
func (ix *Index) Stats() (IndexStats, error) {
	p := ix.ar.Params()
	st := IndexStats{Path: ix.ar.Path(), Unit: p.Unit, Language: p.Language, Features: p.Features}
	err := ix.ar.View(func(tx archive.Tx) error {
		st.Stats = tx.Stats()
		return nil
	})
	if err != nil {
		return st, err
	}
	if st.Path != "" {
		if fi, err := os.Stat(st.Path); err == nil {
			st.FileBytes = fi.Size()
		}
	}
	return st, nil
}

// Verify reads the whole index and checks that it is consistent, down to
// every unit's terms; see archive.Archive.Verify. It returns ctx.Err() if
// ctx is done before it starts or while it walks (it looks at every
// document and every few thousand postings lists); the rest of the walk
// is then not done.
func (ix *Index) Verify(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := ix.ar.VerifyContext(ctx, ix.terms)
	if cerr := ctx.Err(); cerr != nil && errors.Is(err, cerr) {
		return cerr // as the context gives it, not wrapped in the file's name
	}
	return err
}

// terms returns the stored term ids of a unit's text.
func (ix *Index) terms(text string) []uint32 { return ix.scorer.Analyze(text).Terms() }

// Compact rewrites the index file to give back the space that removals
// and page splits leave; see archive.Archive.Compact. Other calls wait
// while it runs.
func (ix *Index) Compact(ctx context.Context) error {
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	ix.flush()
	return ix.ar.Compact()
}

// Add adds documents to the index in one transaction: all or none. A
// document whose id is already in the index replaces it (so adding a
// changed article again updates it). Units without content terms, and
// units of reference lists (corpus.Unit.Reference), are not stored. Add
// waits for the commit. Once ctx is done, Add analyses no more documents
// and returns ctx.Err(), adding nothing (ctx is looked at before each
// document is analysed, and not once the add is staged).
func (ix *Index) Add(ctx context.Context, docs ...corpus.Document) error {
	if len(docs) == 0 {
		return nil
	}
	for i := range docs {
		if err := checkID(&docs[i]); err != nil {
			return err
		}
	}
	ps := make([]*pending, len(docs))
	err := forEachCtx(ctx, len(docs), ix.opt.Workers, func(i int) {
		us, _ := ix.analyze(&docs[i], false)
		ps[i] = &pending{doc: &docs[i], units: us, done: make(chan struct{})}
	})
	if err != nil {
		return err
	}
	if err := ix.stageAdds(ps); err != nil {
		return err
	}
	return ix.wait(ps[len(ps)-1])
}

// checkID refuses a document the archive would refuse at commit time,
// before it can fail a group commit shared with other documents.
func checkID(d *corpus.Document) error {
	switch {
	case d.ID == "":
		return fmt.Errorf("document without an id (path %q)", d.Path)
	case len(d.ID) > archive.MaxIDLen:
		return fmt.Errorf("document id of %d bytes (path %q): the index takes ids up to %d bytes", len(d.ID), d.Path, archive.MaxIDLen)
	}
	return nil
}

// Remove removes the document added under id and reports whether there
// was one.
func (ix *Index) Remove(ctx context.Context, id string) (bool, error) {
	ix.wmu.Lock()
	defer ix.wmu.Unlock()
	if err := ctx.Err(); err != nil {
		return false, err
	}
	ix.flush()
	var removed bool
	err := ix.ar.Update(func(tx archive.Tx) (err error) {
		removed, err = tx.RemoveDoc(id, ix.terms)
		return err
	})
	if err == nil && removed {
		ix.forget(id)
	}
	return removed, err
}

// Contains reports whether a document was added under id (and not
// removed): for a crawler, whether a URL was stored already.
func (ix *Index) Contains(id string) (bool, error) {
	ix.rmu.Lock()
	for _, p := range ix.staged {
		if p.doc.ID == id {
			ix.rmu.Unlock()
			return true, nil
		}
	}
	ix.rmu.Unlock()
	var ok bool
	err := ix.ar.View(func(tx archive.Tx) (err error) {
		_, _, ok, err = tx.Doc(id)
		return err
	})
	return ok, err
}
