package archive

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Params are the options an archive is built with that change what is
// stored: a check must analyse its drafts the same way. They are recorded
// when the archive is created and compared on every open.
type Params struct {
	Language string `json:"language"` // stemmer and stop-word language
	Unit     string `json:"unit"`     // unit mode: paragraph or sentence
	// Features names the analyser that made the term ids (its version and a
	// fingerprint of its output on fixed text): ids from another analyser
	// would not match.
	Features string `json:"features"`
}

func (p Params) complete() bool { return p.Language != "" && p.Unit != "" && p.Features != "" }

// mismatch compares the wanted params with the stored ones. Empty wanted
// fields take the stored value.
func (p Params) mismatch(stored Params) error {
	for _, f := range [...]struct{ name, want, have string }{
		{"language", p.Language, stored.Language},
		{"unit", p.Unit, stored.Unit},
		{"features", p.Features, stored.Features},
	} {
		if f.want != "" && f.want != f.have {
			return fmt.Errorf("%w: built with %s %q, this run uses %q", ErrMismatch, f.name, f.have, f.want)
		}
	}
	return nil
}

// allocSize is how much the file grows at a time beyond what a commit
// needs when it is opened (bbolt's default, 16 MiB, would be most of a
// small index); each write then sets it to a sixteenth of the data, at
// least minAllocSize, so that growing costs few truncations and wastes at
// most 6%.
const (
	allocSize    = 1 << 20
	minAllocSize = 64 << 10
)

// MaxIDLen is the longest document id an archive takes, in bytes.
const MaxIDLen = 1 << 15

// DefaultTimeout is how long Open waits for another process's lock on the
// file (Options.Timeout zero).
const DefaultTimeout = 10 * time.Second

// Options controls Open. The zero value opens an existing archive
// read-write with the parameters it was built with.
type Options struct {
	// Params: for a new archive, all three fields are required and
	// recorded; for an existing one, the fields set must equal the recorded
	// ones (ErrMismatch) and empty fields take the recorded value.
	Params Params
	// ReadOnly opens an existing archive for reading only; several
	// processes may do so at once, but not while one has it open for
	// writing.
	ReadOnly bool
	// Timeout is how long to wait for another process's lock on the file
	// (default DefaultTimeout; negative: do not wait).
	Timeout time.Duration
	// NoSync skips fsync on commit: faster, but a crash of the machine (not
	// just of the process) may lose or corrupt the archive. For tests and
	// throw-away archives.
	NoSync bool
	// PendingLimit is the number of pending postings at which a commit
	// merges them into the terms' segments (default: DefaultPendingLimit,
	// or a pendingShare'th of the archive's postings if that is more;
	// negative: every commit merges, as version 1 did). A larger limit
	// makes small commits cheaper and costs readers memory and a longer
	// first read.
	PendingLimit int
	// Shared holds the file's lock only during each transaction, opening
	// the file for it, so that other processes can open the archive
	// between transactions: checks can run while a long add goes on in
	// batches. Each transaction pays an open (a millisecond or so), and the
	// transactions of a shared archive run one at a time.
	Shared bool

	// mmapSize is bbolt's initial memory map size: tests that hold a read
	// transaction while committing set it, as a commit that grows the map
	// waits for read transactions to end.
	mmapSize int
}

// Stats are an archive's counts.
type Stats struct {
	Docs      int64  `json:"documents"`  // live documents
	Units     int64  `json:"units"`      // live units: N for IDF
	Terms     int64  `json:"terms"`      // distinct terms with a non-zero document frequency
	Postings  int64  `json:"postings"`   // sum of the document frequencies
	TextBytes int64  `json:"text_bytes"` // sum of the lengths of the live units' text
	NextUnit  uint32 `json:"next_unit"`  // id the next unit added will get
	// Pending is the number of postings written as pending records, not yet
	// merged into the terms' segments (see Options.PendingLimit).
	Pending int64 `json:"pending_postings"`
}

// Tx is a consistent view of the archive inside View or Update; its
// writes are all committed or none. It must not be used after the function
// given to View or Update returns, nor by several goroutines at once.
type Tx interface {
	// Stats returns the counts as of this transaction.
	Stats() Stats
	// DocFreq returns the number of live units containing the term.
	DocFreq(term uint32) (int, error)
	// Postings appends the ids of the live units containing the term, in
	// increasing order, to dst.
	Postings(term uint32, dst []uint32) ([]uint32, error)
	// Unit returns the live unit with the given id.
	Unit(id uint32) (Record, bool, error)
	// Doc returns the document added under id and its units in order.
	Doc(id string) (Doc, []Record, bool, error)
	// AddDoc adds a document and its units; terms[i] are the sorted unique
	// term ids of units[i] (units with no terms are stored but cannot be
	// found). It returns the id of the first unit (the others follow), or
	// an error wrapping ErrExists if the id is taken.
	AddDoc(d Doc, units []Unit, terms [][]uint32) (first uint32, err error)
	// RemoveDoc removes the document added under id and its units, taking
	// each unit's terms from the function (which must give what was given
	// to AddDoc for the same text). It reports whether there was one.
	RemoveDoc(id string, terms func(text string) []uint32) (bool, error)
}

// Archive is an open archive. It is safe for concurrent use: any number of
// View calls run at once, Update calls one at a time alongside them.
type Archive struct {
	path   string
	params Params
	ro     bool
	db     *bolt.DB // nil in memory, and between transactions when shared
	bopt   *bolt.Options
	shared bool
	smu    sync.Mutex // serialises the transactions of a shared archive
	mem    *memStore  // nil on disk

	mu     sync.RWMutex // guards closed against Close
	closed bool
	codecs sync.Pool // *codec

	pendLimit int
	pmu       sync.Mutex // guards pc
	pc        *pendCache // pending postings of the newest generation read
	dmu       sync.Mutex // guards dc
	dc        *dfCache   // segment frequencies of the newest epoch read
}

// pendingLimit returns the pending postings count at which commits merge
// in an archive holding postings postings.
func (a *Archive) pendingLimit(postings uint64) uint64 {
	switch {
	case a.pendLimit == 0:
		return max(DefaultPendingLimit, postings/pendingShare)
	case a.pendLimit < 0:
		return 0
	}
	return uint64(a.pendLimit)
}

// Open opens the archive in the file at path, creating it if it does not
// exist and Options.ReadOnly is false. Path "" makes an archive in memory,
// gone when closed.
func Open(path string, opt Options) (*Archive, error) {
	if path == "" {
		if !opt.Params.complete() {
			return nil, fmt.Errorf("archive: a new index needs language, unit and features (got %+v)", opt.Params)
		}
		return &Archive{params: opt.Params, mem: newMemStore()}, nil
	}
	st, err := os.Stat(path)
	create := false
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && st.Size() == 0:
		if opt.ReadOnly || !opt.Params.complete() {
			return nil, fmt.Errorf("%s: %w", path, ErrNotExist)
		}
		create = true
	case err != nil:
		return nil, err
	case st.IsDir():
		return nil, fmt.Errorf("%s: is a directory, not an index", path)
	}
	timeout := opt.Timeout
	switch {
	case timeout == 0:
		timeout = DefaultTimeout
	case timeout < 0:
		timeout = time.Nanosecond
	}
	bopt := &bolt.Options{
		Timeout:      timeout,
		ReadOnly:     opt.ReadOnly,
		NoSync:       opt.NoSync,
		FreelistType: bolt.FreelistMapType,
		// The free-page list is rebuilt from the tree when a process first
		// writes (0.1 s for 10^6 paragraphs) rather than written by every
		// commit: at 10^6 it was a tenth of a CheckAndAdd's CPU time.
		NoFreelistSync:  true,
		InitialMmapSize: opt.mmapSize,
	}
	db, err := openBolt(path, bopt, create)
	if err != nil {
		if !create && errors.Is(err, bolt.ErrTimeout) && heldHere(st, !opt.ReadOnly) {
			// The lock waited for is this process's own: say so, rather
			// than blame another process.
			return nil, fmt.Errorf("%s: index is open in this process already and was not closed within the lock timeout (open it once and share it: an Index is safe for many goroutines): %w", path, bolt.ErrTimeout)
		}
		return nil, err
	}
	db.AllocSize = allocSize
	a := &Archive{path: path, ro: opt.ReadOnly, db: db, bopt: bopt, pendLimit: opt.PendingLimit}
	if err := a.init(opt.Params); err != nil {
		db.Close()
		return nil, err
	}
	if opt.Shared {
		a.shared = true
		a.db = nil
		if err := db.Close(); err != nil {
			return nil, a.wrap(err)
		}
	} else if fi, err := os.Stat(path); err == nil {
		hold(a, fi)
	}
	return a, nil
}

// held are the archives of this process that hold their file's lock for
// as long as they are open (not Shared), with the file they hold.
var held struct {
	sync.Mutex
	files map[*Archive]os.FileInfo
}

func hold(a *Archive, fi os.FileInfo) {
	held.Lock()
	defer held.Unlock()
	if held.files == nil {
		held.files = make(map[*Archive]os.FileInfo)
	}
	held.files[a] = fi
}

func release(a *Archive) {
	held.Lock()
	defer held.Unlock()
	delete(held.files, a)
}

// heldHere reports whether an archive of this process holds a lock on
// the file st that an open (for writing if write) would wait for: a
// writer's lock, or any lock when the open is for writing.
func heldHere(st os.FileInfo, write bool) bool {
	held.Lock()
	defer held.Unlock()
	for a, fi := range held.files {
		if os.SameFile(fi, st) && (write || !a.ro) {
			return true
		}
	}
	return false
}

// handle returns the database to run a transaction on and a function to
// call after it: the open database, or for a shared archive one opened
// for the transaction (read-only for reads) and closed after it.
func (a *Archive) handle(write bool) (*bolt.DB, func(), error) {
	if !a.shared {
		return a.db, func() {}, nil
	}
	a.smu.Lock()
	o := *a.bopt
	o.ReadOnly = a.ro || !write
	// Keep the free-page list in the file: a process that opens it for each
	// write must not rebuild it each time.
	o.NoFreelistSync = false
	db, err := openBolt(a.path, &o, false)
	if err != nil {
		a.smu.Unlock()
		return nil, nil, err
	}
	db.AllocSize = allocSize
	return db, func() {
		db.Close()
		a.smu.Unlock()
	}, nil
}

// openBolt opens the bbolt file, turning its errors (and any panic on a
// damaged file) into errors naming the path. It creates the file only if
// create is set.
//
// The lock bbolt takes is on the file it opened. Compact (in this process
// or another) renames a new file over the path while it holds the lock on
// the old one: a process that opened the old file and waited for its lock
// would otherwise get it once the compaction closes the old file, and
// commit to a file that no longer has a name. So once the lock is held,
// openBolt checks that the path still names the file it opened, and opens
// the path again if not.
//
// The time spent waiting for the locks of replaced files counts against
// the timeout.
func openBolt(path string, o *bolt.Options, create bool) (*bolt.DB, error) {
	deadline := time.Now().Add(o.Timeout)
	for {
		var f *os.File
		oo := *o
		oo.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
			if !create {
				flag &^= os.O_CREATE
			}
			file, err := os.OpenFile(name, flag, perm)
			f = file
			return file, err
		}
		db, err := openBolt1(path, &oo)
		if err != nil {
			return nil, err
		}
		same, err := samePath(f, path)
		switch {
		case same:
			return db, nil
		case err != nil && !create:
			db.Close()
			return nil, err
		}
		db.Close()
		if oo.Timeout > 0 {
			if oo.Timeout = time.Until(deadline); oo.Timeout <= 0 {
				return nil, fmt.Errorf("%s: index is locked by another process (compacting it again and again): %w", path, bolt.ErrTimeout)
			}
		}
		o = &oo
	}
}

// samePath reports whether path names the open file f. A path that no
// longer exists is reported as an error wrapping ErrNotExist.
func samePath(f *os.File, path string) (bool, error) {
	fi, err := f.Stat()
	if err != nil {
		return false, err
	}
	pi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("%s: %w (removed while it was opened)", path, ErrNotExist)
	case err != nil:
		return false, err
	}
	return os.SameFile(fi, pi), nil
}

func openBolt1(path string, o *bolt.Options) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("%s: %w: %s", path, ErrCorrupt, damaged(r))
		}
	}()
	db, err = bolt.Open(path, 0o644, o)
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolt.ErrTimeout):
		return nil, fmt.Errorf("%s: index is locked by another process (a writer, or readers while this opens it for writing): %w", path, err)
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, ErrNotExist)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, err // the file system's error names the file
	}
	// bbolt's checks of the header pages: invalid magic, checksum or
	// version, a file too small, a bad page size.
	return nil, fmt.Errorf("%s: %w: not a neardup index, or damaged: %v", path, ErrCorrupt, err)
}

// init checks the version and parameters of an opened file, or writes them
// into a new one.
func (a *Archive) init(want Params) error {
	var stored Params
	var fresh bool
	err := a.guard(func() error {
		return a.db.View(func(tx *bolt.Tx) error {
			m := tx.Bucket(bucketMeta)
			if m == nil {
				if tx.Bucket(bucketPost) != nil || tx.Bucket(bucketDocs) != nil || !isEmpty(tx) {
					return fmt.Errorf("%w: not a neardup index (no meta bucket)", ErrCorrupt)
				}
				fresh = true
				return nil
			}
			v, n := uvarint(m.Get(keyVersion))
			if n <= 0 {
				return fmt.Errorf("%w: no format version", ErrCorrupt)
			}
			if v < 1 || v > Version {
				return fmt.Errorf("%w: the index has format version %d, this neardup reads version %d (rebuild it with this version's `neardup index add`)", ErrVersion, v, Version)
			}
			if err := json.Unmarshal(m.Get(keyParams), &stored); err != nil || !stored.complete() {
				return fmt.Errorf("%w: index parameters", ErrCorrupt)
			}
			var c counters
			return c.decode(m.Get(keyCounters))
		})
	})
	if err != nil {
		return a.wrap(err)
	}
	if !fresh {
		if err := want.mismatch(stored); err != nil {
			return a.wrap(err)
		}
		// A file of an earlier version stays as it is until this process
		// writes to it: the commit that does marks it Version (see
		// boltTx.commit),
		// so that an open refused later (by the caller's own checks) has
		// written nothing.
		a.params = stored
		return nil
	}
	if a.ro || !want.complete() {
		return a.wrap(ErrNotExist)
	}
	a.params = want
	return a.wrap(a.guard(func() error {
		return a.db.Update(func(tx *bolt.Tx) error {
			m, err := tx.CreateBucket(bucketMeta)
			if err != nil {
				return err
			}
			for _, b := range [][]byte{bucketDocs, bucketIDs, bucketPost, bucketPending} {
				if _, err := tx.CreateBucket(b); err != nil {
					return err
				}
			}
			p, _ := json.Marshal(want)
			c := counters{nextUnit: 1}
			if err := m.Put(keyVersion, binaryUvarint(Version)); err != nil {
				return err
			}
			if err := m.Put(keyParams, p); err != nil {
				return err
			}
			return m.Put(keyCounters, c.encode(nil))
		})
	}))
}

func isEmpty(tx *bolt.Tx) bool {
	k, _ := tx.Cursor().First()
	return k == nil
}

// Path returns the file of the archive ("" in memory).
func (a *Archive) Path() string { return a.path }

// Params returns the parameters the archive was built with.
func (a *Archive) Params() Params { return a.params }

// ReadOnly reports whether the archive was opened read-only.
func (a *Archive) ReadOnly() bool { return a.ro }

// View runs fn in a read transaction.
func (a *Archive) View(fn func(Tx) error) error {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.closed {
		return a.wrap(ErrClosed)
	}
	if a.mem != nil {
		return a.mem.view(fn)
	}
	db, done, err := a.handle(false)
	if err != nil {
		return a.wrap(err)
	}
	defer done()
	return a.wrap(a.guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			t, err := newBoltTx(a, tx, false)
			if err != nil {
				return err
			}
			defer t.release()
			return fn(t)
		})
	}))
}

// Update runs fn in a read-write transaction, committed if fn returns nil
// and rolled back otherwise. Updates run one at a time.
func (a *Archive) Update(fn func(Tx) error) error {
	a.mu.RLock()
	defer a.mu.RUnlock()
	switch {
	case a.closed:
		return a.wrap(ErrClosed)
	case a.ro:
		return a.wrap(ErrReadOnly)
	case a.mem != nil:
		return a.mem.update(fn)
	}
	db, done, err := a.handle(true)
	if err != nil {
		return a.wrap(err)
	}
	defer done()
	return a.wrap(a.guard(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			db.AllocSize = max(minAllocSize, int(tx.Size()/16))
			t, err := newBoltTx(a, tx, true)
			if err != nil {
				return err
			}
			defer t.release()
			if err := fn(t); err != nil {
				return err
			}
			return t.commit()
		})
	}))
}

// Close closes the archive, waiting for transactions in progress.
func (a *Archive) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return nil
	}
	a.closed = true
	release(a)
	if a.db != nil {
		return a.wrap(a.db.Close())
	}
	return nil
}

// guard runs fn and turns a panic (bbolt panics on some damaged pages)
// or a memory fault (a damaged page pointing outside the mapped file) into
// an error wrapping ErrCorrupt.
func (a *Archive) guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %s", ErrCorrupt, damaged(r))
		}
	}()
	return fn()
}

// damaged says what a panic or fault in reading the file means to a user,
// the store's own words after it.
func damaged(r any) string {
	return fmt.Sprintf("the file is damaged (cut short or overwritten); restore a copy or build the index again (bbolt: %v)", r)
}

// wrap prefixes an error with the archive's path.
func (a *Archive) wrap(err error) error {
	if err == nil || a.path == "" {
		return err
	}
	return &PathError{Path: a.path, Err: err}
}

// PathError is an error about the archive in a file.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }
