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
	emb      int32 // 1 + row of the word vector in lexicon.vecs; 0: none
}

// lexicon is the decoded form of the embedded tables. It is built once per
// Scorer and read-only afterwards.
type lexicon struct {
	entries map[string]lexEntry
	groups  []uint32
	docs    int // N of the background collection

	dims  int       // word-vector dimensions
	vecs  []int8    // word vectors, row-major, dims a row
	norms []float32 // Euclidean norm of each row
}

// vec returns row r (0-based) of the word vectors.
func (lx *lexicon) vec(r int32) []int8 { return lx.vecs[int(r)*lx.dims : int(r+1)*lx.dims] }

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
		e.emb = int32(i + 1)
		lx.entries[string(prev)] = e
	}
	if r.err != nil {
		return nil, fmt.Errorf("%w: embedding table", errTable)
	}
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
