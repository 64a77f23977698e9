// Package archive stores an archive of already published (or already
// crawled) text for neardup's pre-publish check and scraper API: the units
// of every document added, with their locations and document metadata, an
// inverted index from content terms to units, and the terms' document
// frequencies, kept up to date as documents are added and removed.
//
// The package deals in plain values: term ids are the uint32 ids a caller's
// analyser gives (package score's Unit.Terms), and it never analyses text
// itself. An archive lives in a file (bbolt, a B+tree in one memory-mapped
// file with ACID transactions) or, for path "", in memory with the same
// behaviour.
//
// # File format, version 3
//
// The file is a bbolt database (go.etcd.io/bbolt) with five top-level
// buckets. Integers written "u32" are 4-byte big-endian (so that bbolt's
// byte order is numeric order); "uvarint" is encoding/binary's unsigned
// varint; a "string" is a uvarint length followed by that many bytes.
//
//	meta  "version"  uvarint: the format version (Version)
//	      "params"   JSON object of Params: language, unit mode, features
//	      "counters" uvarints: next unit id, live units, live documents,
//	                 distinct terms, postings, bytes of unit text, the next
//	                 unit id at the last merge of pending postings, the
//	                 number of pending postings, and the epoch (raised by
//	                 every commit that changes a segment)
//	docs  u32 id of the document's first unit -> strings id, path, url,
//	                 title; uvarint unit count n; a byte saying how the
//	                 units are stored (0 as they are, 1 compressed with
//	                 DEFLATE, RFC 1951, compress/flate), plus 0x40 when a
//	                 uvarint record line follows it (version 3: the line
//	                 of the document's record in its JSON Lines file);
//	                 then the n units,
//	                 each a byte kind (low 7 bits) and quoted (high bit),
//	                 uvarint line, uvarint start, uvarint length (end-start),
//	                 string text
//	ids   document id (bytes as added) -> u32 id of its first unit
//	post  u32 term | u32 0  -> uvarint document frequency of the term in
//	                 its segments, then the term's first posting segment
//	      u32 term | u32 id -> a further posting segment
//	pend  u32 id of the first unit of a commit -> the postings that commit
//	                 added, not yet merged into the segments: uvarint
//	                 number of terms, then for each term in increasing
//	                 order the uvarint gap from the previous term (the
//	                 first from 0), uvarint number of ids, and the ids as
//	                 uvarint gaps, the first from the key's id
//
// A posting segment is the ids of live units containing the term,
// ascending, as uvarint gaps: the first gap from the key's id (0 for the
// first segment, whose key carries the frequency).
//
// Unit ids start at 1 and are never reused; the units of a document get
// consecutive ids (a document without units still takes one, so that
// documents have distinct keys), and units added later get larger ids, so
// a unit id is also a sequence number: NextUnit before an operation and
// after it bound the units it added. A unit is found by seeking the docs
// bucket to its id and stepping back to the document holding it. Keeping a
// document's units in one value saves bbolt's 16 bytes of per-key overhead
// on every unit, and lets them be compressed together: news text of about
// a kilobyte a document shrinks 1.8 times with DEFLATE at its fastest
// level, and text is most of the file.
//
// A term's postings are split into segments keyed by an id no larger than
// their first, in id order, so that adding is cheap: new ids go at the
// end of the term's last segment while it is shorter than segmentBytes,
// otherwise into a new segment keyed by the first new id. A segment is
// read, extended and written back whole, so the cost of an add is bounded
// by segmentBytes per term; most terms are rare and have one key, the
// frequency and the ids together. Removing a document rewrites the
// segments that hold its units (found by seeking term|id) and deletes
// emptied ones. No compaction is needed for correctness; Compact rewrites
// the file with full pages and merged segments to give back the space
// bbolt keeps after deletes, page splits and copy-on-write.
//
// A commit that adds documents does not extend the segments of each of
// their terms, which would write a page per distinct term (hundreds for a
// few paragraphs): it writes one pending record (bucket pend) with all the
// postings it added, a page or two. Once the pending postings pass
// Options.PendingLimit, the commit merges every pending record into the
// segments and deletes the records, so that a page rewritten holds the
// postings of many commits. A term's postings are its segments' ids
// followed by its ids in the pending records in key order (all larger);
// its frequency is the header's plus its pending ids. Removing a document
// merges first. This is the pending list of PostgreSQL's GIN indexes
// ("fastupdate"), inside the same transactions.
//
// The document frequency of a term, df(t), is the number of live units
// whose term set contains t. It is stored with the postings (key t|0, plus
// the term's pending ids) and
// updated in the same transaction as every add and remove, so IDF computed
// from it (with N = live units, in "counters") is exactly the IDF over the
// archive as it is now: it stays correct as the archive grows and shrinks,
// with no rebuild.
//
// Writes are bbolt read-write transactions: a process killed mid-write
// leaves the file as of the last committed transaction (bbolt writes the
// new pages, fsyncs, then flips one of two checksummed meta pages). Many
// read transactions (View) run alongside one write transaction (Update) in
// one process. bbolt locks the file: one process may open it read-write,
// or any number read-only, and Options.Timeout bounds the wait; an archive
// opened with Options.Shared takes the lock only for each transaction.
// Compact replaces the file by renaming a compacted copy over it, holding
// the old file's lock until the copy has the name; every open checks, once
// it has the lock, that the path still names the file it locked, and opens
// it again if not, so that no process writes to a replaced file.
//
// Opening checks the version and the parameters: an archive of another
// version, or built with other Params (whose features depend on them), is
// refused with an error wrapping ErrVersion or ErrMismatch. A file that is
// not a bbolt database, or whose records do not decode, gives an error
// wrapping ErrCorrupt, never a panic.
//
// # Changelog
//
//   - Version 1: first version.
//   - Version 2: pending records (bucket pend) and three more counters.
//     Version 1 files are read as they are and become version 2 with the
//     first commit that writes to them (version 1 readers refuse them from
//     then on); an open that is refused writes nothing.
//   - Version 3: a document may keep its record line (Doc.Record), flagged
//     in its units byte. Files of versions 1 and 2 are read as they are and
//     become version 3 with the first commit that writes to them.
package archive

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Version is the file format version written. Files of versions 1 and 2
// are read too, and upgraded by the first commit that writes to them.
const Version = 3

// segmentBytes is the encoded size below which a term's last posting
// segment is extended in place; at and above it a new segment starts.
// Larger segments mean fewer keys (16 bytes of bbolt overhead each) but
// more bytes rewritten per add. 384 bytes hold about 150 gaps of 2-3 bytes.
const segmentBytes = 384

// Bucket and meta key names.
var (
	bucketMeta = []byte("meta")
	bucketDocs = []byte("docs")
	bucketIDs  = []byte("ids")
	bucketPost = []byte("post")
	// bucketPending holds the pending postings records (version 2).
	bucketPending = []byte("pend")

	keyVersion  = []byte("version")
	keyParams   = []byte("params")
	keyCounters = []byte("counters")
)

// Errors. Every error the package returns about a file wraps one of these
// and names the file.
var (
	// ErrCorrupt: the file is not an archive or a record does not decode.
	ErrCorrupt = errors.New("corrupt index")
	// ErrVersion: the archive was written by another format version.
	ErrVersion = errors.New("unsupported index format version")
	// ErrMismatch: the archive was built with other parameters.
	ErrMismatch = errors.New("index built with other options")
	// ErrNotExist: there is no archive at the path (and none is created).
	ErrNotExist = errors.New("no index")
	// ErrReadOnly: a write on an archive opened read-only.
	ErrReadOnly = errors.New("index opened read-only")
	// ErrExists: a document id that is already in the archive was added.
	ErrExists = errors.New("document already in index")
	// ErrClosed: the archive was closed.
	ErrClosed = errors.New("index closed")
)

// counters are the archive-wide counts kept under meta "counters".
type counters struct {
	nextUnit  uint32 // id of the next unit added (ids start at 1)
	units     uint64 // live units
	docs      uint64 // live documents
	terms     uint64 // distinct terms with df > 0
	postings  uint64 // sum of df over all terms
	textBytes uint64 // sum of the lengths of the live units' text
	merged    uint32 // nextUnit when pending postings were last merged
	pending   uint64 // postings in pending records
	epoch     uint64 // raised by every commit that changes a term's segments
}

func (c *counters) encode(dst []byte) []byte {
	dst = binary.AppendUvarint(dst, uint64(c.nextUnit))
	dst = binary.AppendUvarint(dst, c.units)
	dst = binary.AppendUvarint(dst, c.docs)
	dst = binary.AppendUvarint(dst, c.terms)
	dst = binary.AppendUvarint(dst, c.postings)
	dst = binary.AppendUvarint(dst, c.textBytes)
	dst = binary.AppendUvarint(dst, uint64(c.merged))
	dst = binary.AppendUvarint(dst, c.pending)
	return binary.AppendUvarint(dst, c.epoch)
}

// decode decodes counters of version 2, or of version 1 (without the
// last three).
func (c *counters) decode(b []byte) error {
	r := reader{b: b}
	nu := r.uvarint()
	c.units, c.docs, c.terms, c.postings, c.textBytes = r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint()
	merged := uint64(0)
	c.pending, c.epoch = 0, 0
	if r.err == nil && len(r.b) > 0 {
		merged, c.pending, c.epoch = r.uvarint(), r.uvarint(), r.uvarint()
	}
	if r.err != nil || len(r.b) != 0 || nu == 0 || nu >= 1<<32 || merged > nu || c.pending > c.postings {
		return fmt.Errorf("%w: counters", ErrCorrupt)
	}
	c.nextUnit, c.merged = uint32(nu), uint32(merged)
	return nil
}

// Doc is what the archive keeps of a document.
type Doc struct {
	ID    string // the id it was added under: a path as given, or a JSONL id
	Path  string // the file it was read from
	URL   string
	Title string
	// Record is the 1-based line of the document's record in its JSON
	// Lines file (Path), 0 for other documents and for documents stored
	// by versions before 3.
	Record int
}

// Unit is a stored unit of a document.
type Unit struct {
	Kind   uint8 // the caller's kind (corpus.UnitKind), below 128
	Quoted bool
	Line   int // 1-based line of the unit in its document
	Start  int // byte offsets of the unit in its document's text
	End    int
	Text   string
}

// Record is a unit found in the archive, with its id and document.
type Record struct {
	ID  uint32
	Doc Doc
	Unit
}

// docRecord is a decoded docs value.
type docRecord struct {
	first uint32
	n     int
	Doc
	units  []Unit // decoded on demand
	packed bool   // rest is compressed
	rest   []byte // the encoded units
}

// How a document's units are stored, and the flag of a record line.
const (
	unitsPlain = 0
	unitsFlate = 1
	hasRecord  = 0x40
)

// compressMin is the size of a document's units below which they are not
// compressed.
const compressMin = 128

// encodeDoc encodes a docs value, compressing the units with z when that
// makes them smaller (z nil: never).
func encodeDoc(dst []byte, d *Doc, units []Unit, z *codec) []byte {
	for _, s := range [...]string{d.ID, d.Path, d.URL, d.Title} {
		dst = appendString(dst, s)
	}
	dst = binary.AppendUvarint(dst, uint64(len(units)))
	mark := len(dst)
	var flag byte
	if d.Record > 0 {
		flag = hasRecord
	}
	dst = append(dst, unitsPlain|flag)
	if flag != 0 {
		dst = binary.AppendUvarint(dst, uint64(d.Record))
	}
	body := len(dst)
	for i := range units {
		u := &units[i]
		k := u.Kind & maxKind
		if u.Quoted {
			k |= 0x80
		}
		dst = append(dst, k)
		dst = binary.AppendUvarint(dst, uint64(u.Line))
		dst = binary.AppendUvarint(dst, uint64(u.Start))
		dst = binary.AppendUvarint(dst, uint64(u.End-u.Start))
		dst = appendString(dst, u.Text)
	}
	if plain := dst[body:]; z != nil && len(plain) >= compressMin {
		if packed, ok := z.compress(plain); ok && len(packed) < len(plain) {
			dst[mark] = unitsFlate | flag
			dst = append(dst[:body], packed...)
		}
	}
	return dst
}

func appendString(dst []byte, s string) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(s)))
	return append(dst, s...)
}

// decodeDoc decodes the head of a docs value whose key is first; the
// units are left for decodeUnits.
func decodeDoc(first uint32, b []byte) (docRecord, error) {
	r := reader{b: b}
	d := docRecord{first: first}
	d.ID, d.Path, d.URL, d.Title = r.str(), r.str(), r.str(), r.str()
	n := r.uvarint()
	how := r.byte()
	if how&hasRecord != 0 {
		how &^= hasRecord
		rec := r.uvarint()
		if rec == 0 || rec > 1<<40 {
			r.err = ErrCorrupt
		}
		d.Record = int(rec)
	}
	// A unit takes at least 6 bytes; DEFLATE expands at most 1032 times.
	most := uint64(len(r.b)) / 6
	if how == unitsFlate {
		most *= 1032
	}
	if r.err != nil || first == 0 || n > most || uint64(first)+n > 1<<32-1 || how > unitsFlate {
		return d, fmt.Errorf("%w: document record", ErrCorrupt)
	}
	d.n, d.packed, d.rest = int(n), how == unitsFlate, r.b
	return d, nil
}

// decodeUnits decodes all the units of a document record (texts copied),
// decompressing them with z.
func (d *docRecord) decodeUnits(z *codec) error {
	if d.units != nil || d.n == 0 {
		return nil
	}
	b := d.rest
	if d.packed {
		var err error
		if b, err = z.decompress(b); err != nil {
			return fmt.Errorf("%w: units of document %q: %v", ErrCorrupt, d.ID, err)
		}
	}
	r := reader{b: b}
	units := make([]Unit, d.n)
	const maxOff = 1 << 40
	for i := range units {
		k := r.byte()
		line, start, n := r.uvarint(), r.uvarint(), r.uvarint()
		text := r.str()
		if r.err != nil || line == 0 || line > maxOff || start > maxOff || n == 0 || n > maxOff || text == "" {
			return fmt.Errorf("%w: unit %d of document %q", ErrCorrupt, i, d.ID)
		}
		units[i] = Unit{Kind: k & maxKind, Quoted: k&0x80 != 0, Line: int(line), Start: int(start), End: int(start + n), Text: text}
	}
	if len(r.b) != 0 {
		return fmt.Errorf("%w: trailing bytes in document %q", ErrCorrupt, d.ID)
	}
	d.units = units
	return nil
}

// maxKind is the largest unit kind that fits the record's 7 bits.
const maxKind = 0x7f

// postKey is the post bucket key of a term and an id (0: the df header).
func postKey(term, id uint32) []byte {
	var k [8]byte
	binary.BigEndian.PutUint32(k[:4], term)
	binary.BigEndian.PutUint32(k[4:], id)
	return k[:]
}

func splitPostKey(k []byte) (term, id uint32, ok bool) {
	if len(k) != 8 {
		return 0, 0, false
	}
	return binary.BigEndian.Uint32(k[:4]), binary.BigEndian.Uint32(k[4:]), true
}

func u32Key(x uint32) []byte {
	var k [4]byte
	binary.BigEndian.PutUint32(k[:], x)
	return k[:]
}

// appendSegment appends ids (ascending, all > last) to a segment whose
// last id is last (the key's id for an empty segment).
func appendSegment(dst []byte, last uint32, ids []uint32) []byte {
	for _, id := range ids {
		dst = binary.AppendUvarint(dst, uint64(id-last))
		last = id
	}
	return dst
}

// decodeSegment appends the ids of a segment keyed by base to dst.
func decodeSegment(dst []uint32, base uint32, b []byte) ([]uint32, error) {
	cur := uint64(base)
	first := true
	for len(b) > 0 {
		g, n := binary.Uvarint(b)
		if n <= 0 || (g == 0 && !first) {
			return dst, fmt.Errorf("%w: posting segment", ErrCorrupt)
		}
		cur += g
		if cur >= 1<<32 || cur == 0 {
			return dst, fmt.Errorf("%w: posting segment", ErrCorrupt)
		}
		dst = append(dst, uint32(cur))
		b = b[n:]
		first = false
	}
	return dst, nil
}

// splitHeader splits the value of a term's first key into the document
// frequency and the first segment.
func splitHeader(v []byte) (df int, seg []byte, err error) {
	x, n := binary.Uvarint(v)
	if n <= 0 || x == 0 || x >= 1<<32 {
		return 0, nil, fmt.Errorf("%w: document frequency", ErrCorrupt)
	}
	return int(x), v[n:], nil
}

// reader reads varints, bytes and strings, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = ErrCorrupt
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.err = ErrCorrupt
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) str() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = ErrCorrupt
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}
