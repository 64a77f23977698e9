package score

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// The embedded tables are written by the generators in internal/gen (see
// gen.go); their formats are documented there.

//go:embed synonyms.bin
var synonymsBin []byte

//go:embed background.bin
var backgroundBin []byte

//go:embed embeddings.bin
var embeddingsBin []byte

// lexEntry is what the scorer knows about one stemmed term from the embedded
// tables: its background document frequency and its WordNet synonym groups
// (groups[synStart:synEnd] of the lexicon).
type lexEntry struct {
	df       uint32
	synStart uint32
	synEnd   uint32
	emb      uint32 // 1 + row of the word vector in lexicon.vecs; 0: none
}

// lexicon is the decoded form of the embedded tables. It is built once per
// Scorer and read-only afterwards.
//
// Terms are looked up by their 32-bit term id in an open-addressing hash
// table (linear probing, load factor at most 1/2), which is several times
// faster than a map keyed by string. A corpus word whose id collides with
// a lexicon term's (probability about 2^-17 per distinct word for the
// ~60,000 terms) borrows that term's background frequency, synonyms and
// vector.
type lexicon struct {
	// dirs and ords are the words of movement and the ordinals,
	// particles and idioms what keeps a word of movement from reading as
	// one (direction.go); English only, set by New.
	dirs, ords, particles, idioms classTerms
	keys                          []uint32 // open-addressing table of term ids; 0: empty slot
	vals                          []lexEntry
	shift                         uint
	groups                        []uint32
	docs                          int // N of the background collection
	// ants holds, per term id with WordNet antonyms, 2p or 2p+1 for each
	// antonym pair p it is the first or the second stem of: two terms are
	// antonyms when one holds 2p and the other 2p+1.
	ants map[uint32][]uint32

	dims  int       // word-vector dimensions
	vecs  []int8    // word vectors, row-major, dims a row
	norms []float32 // Euclidean norm of each row
}

// vec returns row r (0-based) of the word vectors.
func (lx *lexicon) vec(r uint32) []int8 { return lx.vecs[int(r)*lx.dims : int(r+1)*lx.dims] }

var errTable = errors.New("score: corrupt embedded table")

// decodeLexicon decodes the synonym, background and embedding tables into
// the id-keyed table, directly: the three are read side by side, their
// sizes first, so that the table can be sized before any entry is put.
func decodeLexicon(syn, bg, emb []byte) (*lexicon, error) {
	lx := &lexicon{}
	rb, rs, re := tableReader{b: bg}, tableReader{b: syn}, tableReader{b: emb}
	if !rb.magic("NDBKG1\n") {
		return nil, fmt.Errorf("%w: background magic", errTable)
	}
	if !rs.magic("NDSYN2\n") {
		return nil, fmt.Errorf("%w: synonym magic", errTable)
	}
	if !re.magic("NDEMB1\n") {
		return nil, fmt.Errorf("%w: embedding magic", errTable)
	}
	lx.docs = int(rb.uvarint())
	nb, ns := int(rb.uvarint()), int(rs.uvarint())
	lx.dims = int(re.uvarint())
	ne := int(re.uvarint())
	if rb.err != nil || rs.err != nil || re.err != nil || lx.docs <= 0 || nb < 0 || ns < 0 ||
		nb > len(rb.b) || ns > len(rs.b) || lx.dims <= 0 || lx.dims > 1024 || ne < 0 || ne > len(re.b)/lx.dims {
		return nil, fmt.Errorf("%w: table headers", errTable)
	}
	t := lx.newTable(nb + ns + ne)

	var prev []byte
	for i := 0; i < nb && rb.err == nil; i++ {
		prev = rb.frontCoded(prev)
		df := rb.uvarint()
		t.at(prev).df = uint32(df)
	}
	if rb.err != nil {
		return nil, fmt.Errorf("%w: background table", errTable)
	}
	prev = prev[:0]
	for i := 0; i < ns && rs.err == nil; i++ {
		prev = rs.frontCoded(prev)
		k := int(rs.uvarint())
		start := uint32(len(lx.groups))
		id := uint32(0)
		for j := 0; j < k && rs.err == nil; j++ {
			id += uint32(rs.uvarint())
			lx.groups = append(lx.groups, id)
		}
		e := t.at(prev)
		e.synStart, e.synEnd = start, uint32(len(lx.groups))
	}
	na := int(rs.uvarint())
	if na < 0 || na > len(rs.b) {
		rs.err = errTable
	}
	lx.ants = make(map[uint32][]uint32)
	for p := 0; p < na && rs.err == nil; p++ {
		// Pair p: its first stem gets 2p, its second 2p+1.
		for side := range 2 {
			n := int(rs.uvarint())
			if rs.err != nil || n > len(rs.b) {
				rs.err = errTable
				break
			}
			id := termID(string(rs.b[:n]))
			rs.b = rs.b[n:]
			lx.ants[id] = append(lx.ants[id], uint32(2*p+side))
		}
	}
	if rs.err != nil {
		return nil, fmt.Errorf("%w: synonym table", errTable)
	}
	lx.vecs = make([]int8, 0, ne*lx.dims)
	lx.norms = make([]float32, 0, ne)
	prev = prev[:0]
	for i := 0; i < ne && re.err == nil; i++ {
		prev = re.frontCoded(prev)
		if len(re.b) < lx.dims {
			re.err = errTable
			break
		}
		var ss float64
		for _, c := range re.b[:lx.dims] {
			lx.vecs = append(lx.vecs, int8(c))
			ss += float64(int8(c)) * float64(int8(c))
		}
		re.b = re.b[lx.dims:]
		lx.norms = append(lx.norms, float32(math.Sqrt(ss)))
		t.at(prev).emb = uint32(i + 1)
	}
	if re.err != nil {
		return nil, fmt.Errorf("%w: embedding table", errTable)
	}
	return lx, nil
}

// filling is the lexicon's id-keyed table while the tables are decoded:
// each slot remembers the term that owns it.
type filling struct {
	lx    *lexicon
	owner []string
}

// newTable sizes the id-keyed table for at most n terms.
func (lx *lexicon) newTable(n int) *filling {
	size := 1
	lx.shift = 32
	for size < 2*n {
		size *= 2
		lx.shift--
	}
	lx.keys = make([]uint32, size)
	lx.vals = make([]lexEntry, size)
	return &filling{lx: lx, owner: make([]string, size)}
}

// at returns the entry of a term, taking a slot for it if it has none. Of
// two terms whose 32-bit ids collide, the one first in byte order keeps
// the slot (and the other's fields are dropped), whatever order the tables
// give them in.
func (f *filling) at(term []byte) *lexEntry {
	lx := f.lx
	id := termID(string(term))
	i := lx.slot(id)
	for lx.keys[i] != 0 && lx.keys[i] != id {
		i = (i + 1) & (len(lx.keys) - 1)
	}
	switch {
	case lx.keys[i] == 0:
		lx.keys[i], f.owner[i] = id, string(term)
	case f.owner[i] == string(term):
	case string(term) < f.owner[i]:
		lx.vals[i], f.owner[i] = lexEntry{}, string(term)
	default:
		return &lexEntry{} // a collision lost: written and dropped
	}
	return &lx.vals[i]
}

// tableReader reads varints and front-coded strings, remembering the first
// error.
type tableReader struct {
	b   []byte
	err error
}

func (r *tableReader) magic(m string) bool {
	if len(r.b) < len(m) || string(r.b[:len(m)]) != m {
		return false
	}
	r.b = r.b[len(m):]
	return true
}

func (r *tableReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errTable
		return 0
	}
	r.b = r.b[n:]
	return v
}

// frontCoded reads "shared prefix length, suffix length, suffix" and
// returns prev[:shared]+suffix, reusing prev's storage.
func (r *tableReader) frontCoded(prev []byte) []byte {
	p := int(r.uvarint())
	s := int(r.uvarint())
	if r.err != nil || p > len(prev) || s > len(r.b) {
		r.err = errTable
		return prev[:0]
	}
	prev = append(prev[:p], r.b[:s]...)
	r.b = r.b[s:]
	return prev
}

func (lx *lexicon) slot(id uint32) int { return int((id * 0x9e3779b1) >> lx.shift) }

// lookup returns the entry of a term id.
func (lx *lexicon) lookup(id uint32) (lexEntry, bool) {
	if len(lx.keys) == 0 {
		return lexEntry{}, false
	}
	for i := lx.slot(id); ; i = (i + 1) & (len(lx.keys) - 1) {
		switch lx.keys[i] {
		case id:
			return lx.vals[i], true
		case 0:
			return lexEntry{}, false
		}
	}
}

// entry returns the entry of a term.
func (lx *lexicon) entry(term string) lexEntry {
	e, _ := lx.lookup(termID(term))
	return e
}
