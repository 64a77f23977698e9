package archive

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// benchDocs makes n documents of the article's paragraphs, each with a
// line of its own so that no two documents are the same.
func benchDocs(b *testing.B, n int) ([]testDoc, int) {
	text := article(b)
	paras := strings.Split(text, "\n\n")
	docs := make([]testDoc, n)
	bytes := 0
	for i := range docs {
		var parts []string
		for j := 0; j < 5; j++ {
			parts = append(parts, paras[(i*5+j)%len(paras)])
		}
		parts = append(parts, fmt.Sprintf("Document %d ends with its own line about item %d.", i, i*7))
		docs[i] = split(fmt.Sprintf("doc-%d", i), strings.Join(parts, "\n\n"))
		for _, u := range docs[i].units {
			bytes += len(u.Text)
		}
	}
	return docs, bytes
}

// BenchmarkAddDoc adds documents of the bundled article's paragraphs in
// transactions of 100 documents, to a file (no fsync) and in memory.
func BenchmarkAddDoc(b *testing.B) {
	docs, bytes := benchDocs(b, 2000)
	for _, where := range []string{"file", "memory"} {
		b.Run(where, func(b *testing.B) {
			b.SetBytes(int64(bytes))
			b.ReportAllocs()
			for b.Loop() {
				path := ""
				if where == "file" {
					path = filepath.Join(b.TempDir(), "x.ndx")
				}
				a, err := Open(path, Options{Params: testParams, NoSync: true})
				if err != nil {
					b.Fatal(err)
				}
				for i := 0; i < len(docs); i += 100 {
					addAll(b, a, docs[i:min(i+100, len(docs))])
				}
				a.Close()
			}
		})
	}
}

// BenchmarkPostings reads the postings and frequency of every term of a
// document from an archive of 2,000 documents, and the document's units:
// what a check does per draft unit.
func BenchmarkPostings(b *testing.B) {
	docs, _ := benchDocs(b, 2000)
	a, err := Open(filepath.Join(b.TempDir(), "x.ndx"), Options{Params: testParams, NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	for i := 0; i < len(docs); i += 100 {
		addAll(b, a, docs[i:min(i+100, len(docs))])
	}
	probe := docs[7].terms
	b.ReportAllocs()
	var ids []uint32
	for b.Loop() {
		err := a.View(func(tx Tx) error {
			for _, ts := range probe {
				for _, t := range ts {
					if _, err := tx.DocFreq(t); err != nil {
						return err
					}
					if ids, err = tx.Postings(t, ids[:0]); err != nil {
						return err
					}
				}
			}
			for _, id := range ids[:min(len(ids), 20)] {
				if _, _, err := tx.Unit(id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCommitSmall commits one document of six paragraphs at a time
// into a file holding 2,000 documents, as CheckAndAdd does: with pending
// records (the default limit) and with every commit merging into the
// segments (PendingLimit -1, the version 1 way).
func BenchmarkCommitSmall(b *testing.B) {
	docs, _ := benchDocs(b, 2000+4096)
	for _, mode := range []struct {
		name  string
		limit int
	}{{"pending", 0}, {"merge-every-commit", -1}} {
		b.Run(mode.name, func(b *testing.B) {
			a, err := Open(filepath.Join(b.TempDir(), "x.ndx"), Options{Params: testParams, NoSync: true, PendingLimit: mode.limit})
			if err != nil {
				b.Fatal(err)
			}
			defer a.Close()
			for i := 0; i < 2000; i += 100 {
				addAll(b, a, docs[i:i+100])
			}
			n := 0
			for b.Loop() {
				d := docs[2000+n%4096]
				d.doc.ID = fmt.Sprintf("small-%d", n)
				addAll(b, a, []testDoc{d})
				n++
			}
		})
	}
}

// BenchmarkPendingColdRead opens a file whose pending records hold about
// DefaultPendingLimit postings and reads one term's frequency: the cost a
// new process (a CLI check) pays to decode them.
func BenchmarkPendingColdRead(b *testing.B) {
	docs, _ := benchDocs(b, 4000)
	path := filepath.Join(b.TempDir(), "x.ndx")
	a, err := Open(path, Options{Params: testParams, NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	var pending int64
	for i := 0; pending < DefaultPendingLimit*9/10 && i < len(docs); i++ {
		addAll(b, a, docs[i:i+1])
		a.View(func(tx Tx) error { pending = tx.Stats().Pending; return nil })
	}
	a.Close()
	term := docs[0].terms[0][0]
	for b.Loop() {
		a, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := a.View(func(tx Tx) error { _, err := tx.DocFreq(term); return err }); err != nil {
			b.Fatal(err)
		}
		a.Close()
	}
	b.ReportMetric(float64(pending), "pending-postings")
}
