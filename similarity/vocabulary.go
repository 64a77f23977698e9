package similarity

import (
	"math"
	"strings"
)

// NoTerm is the id Vocabulary.ID returns for a term it does not know once the
// vocabulary is frozen.
const NoTerm = math.MaxUint32

// Vocabulary maps term strings to dense uint32 ids, 0, 1, 2, ... in the
// order terms are first seen, and back.
//
// A Vocabulary is not safe for concurrent use while terms are being added
// with ID. Once Freeze has been called it no longer changes: ID stops adding
// terms, and Lookup, Term, Len and ID are then safe for concurrent use by any
// number of goroutines.
type Vocabulary struct {
	ids    map[string]uint32
	terms  []string
	frozen bool
}

// NewVocabulary returns an empty vocabulary.
func NewVocabulary() *Vocabulary {
	return &Vocabulary{ids: make(map[string]uint32)}
}

// ID returns the id of term, adding the term with the next free id when it
// is new. On a frozen vocabulary an unknown term is not added and ID returns
// NoTerm; so it does when the vocabulary already holds NoTerm terms.
func (v *Vocabulary) ID(term string) uint32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	if v.frozen || len(v.terms) >= NoTerm {
		return NoTerm
	}
	if v.ids == nil {
		v.ids = make(map[string]uint32)
	}
	id := uint32(len(v.terms))
	// Keep a copy: term is often a substring of a whole document, which
	// the vocabulary must not keep alive. Map key and slice share it.
	term = strings.Clone(term)
	v.ids[term] = id
	v.terms = append(v.terms, term)
	return id
}

// Lookup returns the id of term and whether the vocabulary holds it. It never
// adds a term.
func (v *Vocabulary) Lookup(term string) (uint32, bool) {
	id, ok := v.ids[term]
	return id, ok
}

// Term returns the term with the given id, or "" when id is out of range.
func (v *Vocabulary) Term(id uint32) string {
	if int64(id) >= int64(len(v.terms)) {
		return ""
	}
	return v.terms[id]
}

// Len returns the number of terms.
func (v *Vocabulary) Len() int { return len(v.terms) }

// Freeze makes the vocabulary read-only and so safe for concurrent use. It
// cannot be undone.
func (v *Vocabulary) Freeze() { v.frozen = true }

// Frozen reports whether Freeze has been called.
func (v *Vocabulary) Frozen() bool { return v.frozen }
