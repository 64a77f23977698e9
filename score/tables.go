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
	entries map[string]lexEntry // while decoding only
	keys    []uint32            // open-addressing table of term ids; 0: empty slot
	vals    []lexEntry
	shift   uint
	groups  []uint32
	docs    int // N of the background collection

	dims  int       // word-vector dimensions
	vecs  []int8    // word vectors, row-major, dims a row
	norms []float32 // Euclidean norm of each row
}

// vec returns row r (0-based) of the word vectors.
func (lx *lexicon) vec(r uint32) []int8 { return lx.vecs[int(r)*lx.dims : int(r+1)*lx.dims] }

var errTable = errors.New("score: corrupt embedded table")

// decodeLexicon decodes the synonym and background tables.
func decodeLexicon(syn, bg, emb []byte) (*lexicon, error) {
	lx := &lexicon{entries: make(map[string]lexEntry, 50000)}
	r := tableReader{b: bg}
	if !r.magic("NDBKG1\n") {
		return nil, fmt.Errorf("%w: background magic", errTable)
	}
	lx.docs = int(r.uvarint())
	n := int(r.uvarint())
	var prev []byte
	for i := 0; i < n && r.err == nil; i++ {
		prev = r.frontCoded(prev)
		df := r.uvarint()
		lx.entries[string(prev)] = lexEntry{df: uint32(df)}
	}
	if r.err != nil || lx.docs <= 0 {
		return nil, fmt.Errorf("%w: background table", errTable)
	}
	r = tableReader{b: syn}
	if !r.magic("NDSYN1\n") {
		return nil, fmt.Errorf("%w: synonym magic", errTable)
	}
	n = int(r.uvarint())
	prev = prev[:0]
	for i := 0; i < n && r.err == nil; i++ {
		prev = r.frontCoded(prev)
		k := int(r.uvarint())
		e := lx.entries[string(prev)]
		e.synStart = uint32(len(lx.groups))
		id := uint32(0)
		for j := 0; j < k && r.err == nil; j++ {
			id += uint32(r.uvarint())
			lx.groups = append(lx.groups, id)
		}
		e.synEnd = uint32(len(lx.groups))
		lx.entries[string(prev)] = e
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: synonym table", errTable)
	}
	r = tableReader{b: emb}
	if !r.magic("NDEMB1\n") {
		return nil, fmt.Errorf("%w: embedding magic", errTable)
	}
	lx.dims = int(r.uvarint())
	n = int(r.uvarint())
	if r.err != nil || lx.dims <= 0 || lx.dims > 1024 || n > len(r.b)/lx.dims {
		return nil, fmt.Errorf("%w: embedding table header", errTable)
	}
	lx.vecs = make([]int8, 0, n*lx.dims)
	lx.norms = make([]float32, 0, n)
	prev = prev[:0]
	for i := 0; i < n && r.err == nil; i++ {
		prev = r.frontCoded(prev)
		if len(r.b) < lx.dims {
			r.err = errTable
			break
		}
		var ss float64
		for _, c := range r.b[:lx.dims] {
			lx.vecs = append(lx.vecs, int8(c))
			ss += float64(int8(c)) * float64(int8(c))
		}
		r.b = r.b[lx.dims:]
		lx.norms = append(lx.norms, float32(math.Sqrt(ss)))
		e := lx.entries[string(prev)]
		e.emb = uint32(i + 1)
		lx.entries[string(prev)] = e
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: embedding table", errTable)
	}
	lx.index()
	return lx, nil
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

// index moves the decoded entries into the id-keyed hash table.
func (lx *lexicon) index() {
	size := 1
	lx.shift = 32
	for size < 2*len(lx.entries) {
		size *= 2
		lx.shift--
	}
	lx.keys = make([]uint32, size)
	lx.vals = make([]lexEntry, size)
	// Of two terms whose ids collide, the one first in byte order keeps
	// the slot, whatever the order the map yields them in (which changes
	// from run to run).
	owner := make([]string, size)
	for term, e := range lx.entries {
		id := termID(term)
		i := lx.slot(id)
		for lx.keys[i] != 0 && lx.keys[i] != id {
			i = (i + 1) & (len(lx.keys) - 1)
		}
		if lx.keys[i] == 0 || term < owner[i] {
			lx.keys[i], lx.vals[i], owner[i] = id, e, term
		}
	}
	lx.entries = nil
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
