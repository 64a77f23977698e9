package main

import (
	"fmt"
	"hash/maphash"

	"github.com/neardup/neardup/corpus"
)

// idSet notices documents that share an id. Reports and the index name a
// document by its id (a path, or a JSONL record's id field), so two that
// share one cannot be told apart in a report, and in an index the later
// replaces the earlier. It keeps a 64-bit hash of each id, not the id: an
// index add may read millions of records.
type idSet struct {
	seed maphash.Seed
	seen map[uint64]struct{}
}

func newIDSet() *idSet { return &idSet{seed: maphash.MakeSeed(), seen: map[uint64]struct{}{}} }

// repeated reports whether d's id was seen before, and notes it.
func (s *idSet) repeated(d *corpus.Document) bool {
	h := maphash.String(s.seed, d.ID)
	if _, ok := s.seen[h]; ok {
		return true
	}
	s.seen[h] = struct{}{}
	return false
}

// where names d's place for a message: its file, and record line for JSONL.
func where(d *corpus.Document) string {
	if d.Record > 0 {
		return fmt.Sprintf("%s:%d", d.Path, d.Record)
	}
	return d.Path
}
