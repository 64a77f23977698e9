package neardup_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/internal/benchtext"
)

// The archive benchmarks run over archives of real news and Usenet text
// (internal/benchtext, from ../shared/eval/corpora; skipped when absent) of
// 10^4 and 10^5 paragraphs, and 10^6 with -archive.large. Archives are
// built once per size and process in a temporary directory (or in
// -archive.dir, where they are kept and reused between runs):
//
//	go test -run XXX -bench 'Index|Check' -benchtime 1x -archive.dir /tmp/ndx .
var (
	archiveLarge = flag.Bool("archive.large", false, "also benchmark an archive of 10^6 paragraphs")
	archiveDir   = flag.String("archive.dir", "", "keep the benchmark archives in this directory and reuse them")
)

// archiveSizes are the archive sizes benchmarked, in paragraphs.
func archiveSizes() []int {
	if *archiveLarge {
		return []int{10_000, 100_000, 1_000_000}
	}
	return []int{10_000, 100_000}
}

// perDoc is the number of paragraphs in an archive document.
const perDoc = 5

// benchSource loads the corpora once.
var benchSource = sync.OnceValues(func() (*benchtext.Source, error) { return benchtext.Load("") })

func source(b *testing.B) *benchtext.Source {
	s, err := benchSource()
	if errors.Is(err, benchtext.ErrNoCorpus) {
		b.Skip(err)
	}
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// archiveDocs returns n paragraphs as documents of perDoc paragraphs.
func archiveDocs(paras []string) []corpus.Document {
	docs := make([]corpus.Document, 0, len(paras)/perDoc+1)
	for i := 0; i < len(paras); i += perDoc {
		id := fmt.Sprintf("doc-%07d", i/perDoc)
		docs = append(docs, corpus.Document{ID: id, Path: "archive.jsonl", Format: corpus.Text, Text: strings.Join(paras[i:min(i+perDoc, len(paras))], "\n\n")})
	}
	return docs
}

// builtArchives are the archives built in this process, by size.
var (
	builtMu       sync.Mutex
	builtArchives = map[int]string{}
)

// buildArchive builds (or reuses) an on-disk index of n paragraphs and
// returns its path, the time the build took (0 when reused), and the text.
func buildArchive(b *testing.B, n int) (string, time.Duration, []string) {
	src := source(b)
	paras := src.Paragraphs(n, 1)
	builtMu.Lock()
	defer builtMu.Unlock()
	if p, ok := builtArchives[n]; ok {
		return p, 0, paras
	}
	dir := *archiveDir
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "neardup-bench-"); err != nil {
			b.Fatal(err)
		}
	}
	path := filepath.Join(dir, fmt.Sprintf("archive-%d.ndx", n))
	if _, err := os.Stat(path); err == nil && *archiveDir != "" {
		builtArchives[n] = path
		return path, 0, paras
	}
	os.Remove(path)
	start := time.Now()
	ix, err := neardup.OpenIndex(path, neardup.IndexOptions{})
	if err != nil {
		b.Fatal(err)
	}
	docs := archiveDocs(paras)
	const batch = 1000
	for i := 0; i < len(docs); i += batch {
		if err := ix.Add(context.Background(), docs[i:min(i+batch, len(docs))]...); err != nil {
			b.Fatal(err)
		}
	}
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
	builtArchives[n] = path
	return path, time.Since(start), paras
}

// BenchmarkIndexBuild measures building an archive from scratch on disk,
// in batches of 1,000 documents of five paragraphs, and the bytes on disk
// per paragraph and per byte of unit text.
func BenchmarkIndexBuild(b *testing.B) {
	for _, n := range archiveSizes() {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var took time.Duration
			var path string
			var paras []string
			for b.Loop() {
				builtMu.Lock()
				delete(builtArchives, n)
				builtMu.Unlock()
				if *archiveDir != "" {
					os.Remove(filepath.Join(*archiveDir, fmt.Sprintf("archive-%d.ndx", n)))
				}
				var d time.Duration
				path, d, paras = buildArchive(b, n)
				took += d
			}
			ix, err := neardup.OpenIndex(path, neardup.IndexOptions{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			st, err := ix.Stats()
			ix.Close()
			if err != nil {
				b.Fatal(err)
			}
			bytes := 0
			for _, p := range paras {
				bytes += len(p)
			}
			b.SetBytes(int64(bytes))
			b.ReportMetric(float64(n)*float64(b.N)/took.Seconds(), "paragraphs/s")
			b.ReportMetric(float64(st.FileBytes)/float64(n), "disk-bytes/paragraph")
			b.ReportMetric(float64(st.FileBytes)/float64(st.TextBytes), "disk/text")
		})
	}
}

// BenchmarkIndexOpen measures opening an archive read-only (the scorer's
// tables are loaded by each open) and one Stats call.
func BenchmarkIndexOpen(b *testing.B) {
	for _, n := range archiveSizes() {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path, _, _ := buildArchive(b, n)
			b.ReportAllocs()
			for b.Loop() {
				ix, err := neardup.OpenIndex(path, neardup.IndexOptions{ReadOnly: true})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := ix.Stats(); err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
		})
	}
}

// BenchmarkCheck measures checking a 1,000-word draft (a quarter of its
// paragraphs copied from the archive, an eighth copied with edits) against
// an open archive, and reports the median and 99th percentile latency
// over the drafts checked.
func BenchmarkCheck(b *testing.B) {
	for _, n := range archiveSizes() {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path, _, paras := buildArchive(b, n)
			src := source(b)
			var drafts []corpus.Document
			for i := range 50 {
				drafts = append(drafts, corpus.Document{ID: fmt.Sprintf("draft-%d", i), Format: corpus.Text, Text: src.Draft(1000, paras, uint64(100+i))})
			}
			ix, err := neardup.OpenIndex(path, neardup.IndexOptions{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			archived := make(map[string]bool, len(paras))
			for _, p := range paras {
				archived[strings.TrimSpace(p)] = true
			}
			var lat []time.Duration
			found, cands, copies, copiesFound := 0, 0, 0, 0
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				d := drafts[i%len(drafts)]
				i++
				start := time.Now()
				res, err := ix.Check(context.Background(), []corpus.Document{d}, neardup.CheckOptions{Scope: neardup.ScopeAcross})
				if err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
				found += len(res.Findings)
				cands += res.Stats.Candidates
				// Recall of the paragraphs copied whole from the archive.
				dup := map[int]bool{}
				for _, f := range res.Findings {
					if f.Kind == neardup.Duplicate {
						dup[f.Draft.Start] = true
					}
				}
				for _, u := range corpus.Split(&d, corpus.Paragraph) {
					if archived[u.Text] {
						copies++
						if dup[u.Start] {
							copiesFound++
						}
					}
				}
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(cands)/float64(len(lat)), "candidates/op")
			b.ReportMetric(float64(found)/float64(len(lat)), "findings/op")
			b.ReportMetric(float64(copiesFound)/float64(max(copies, 1)), "copies-found")
		})
	}
}

// BenchmarkCheckAndAdd measures CheckAndAdd from 8 goroutines, one
// paragraph a document, into an archive holding n paragraphs: in memory,
// and on disk (a copy of the built archive; commits without fsync), each
// CheckAndAdd waiting for its group's commit or (disk-async) not
// (IndexOptions.AsyncCommit; the time includes the final Flush). A
// quarter of the paragraphs offered repeat earlier ones.
func BenchmarkCheckAndAdd(b *testing.B) {
	for _, n := range archiveSizes() {
		for _, where := range []string{"memory", "disk", "disk-async"} {
			b.Run(fmt.Sprintf("%d/%s", n, where), func(b *testing.B) {
				src := source(b)
				var ix *neardup.Index
				var err error
				if where == "memory" {
					ix, err = neardup.OpenIndex("", neardup.IndexOptions{})
					if err == nil {
						paras := src.Paragraphs(n, 1)
						docs := archiveDocs(paras)
						for i := 0; i < len(docs) && err == nil; i += 1000 {
							err = ix.Add(context.Background(), docs[i:min(i+1000, len(docs))]...)
						}
					}
				} else {
					path, _, _ := buildArchive(b, n)
					cp := filepath.Join(b.TempDir(), "copy.ndx")
					if err = copyFile(path, cp); err == nil {
						ix, err = neardup.OpenIndex(cp, neardup.IndexOptions{NoSync: true, AsyncCommit: where == "disk-async"})
					}
				}
				if err != nil {
					b.Fatal(err)
				}
				defer ix.Close()
				fresh := src.Generated(20000, 9)
				var next, added atomic.Int64
				b.ResetTimer()
				start := time.Now()
				cpu0 := cpuTime()
				var wg sync.WaitGroup
				per := b.N * 64
				for w := 0; w < 8; w++ {
					wg.Go(func() {
						for {
							i := int(next.Add(1)) - 1
							if i >= per {
								return
							}
							text := fresh[i%len(fresh)]
							if i%4 == 3 {
								text = fresh[(i/4)%len(fresh)]
							}
							_, ok, err := ix.CheckAndAdd(context.Background(), corpus.Document{ID: fmt.Sprintf("p-%d", i), Format: corpus.Text, Text: text})
							if err != nil {
								b.Error(err)
								return
							}
							if ok {
								added.Add(1)
							}
						}
					})
				}
				wg.Wait()
				if err := ix.Flush(context.Background()); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				b.ReportMetric(float64(per)/time.Since(start).Seconds(), "paragraphs/s")
				// CPU time per paragraph: unlike the rate, not inflated by
				// other processes on the machine.
				b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(per), "cpu-µs/paragraph")
				b.ReportMetric(float64(added.Load())/float64(per), "added-share")
			})
		}
	}
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	// Written back to disk before the timing starts, so that the kernel's
	// write-back of the copy does not run during the benchmark.
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// BenchmarkCheckWithin checks one long draft, 2,000 real paragraphs, within
// itself against an empty archive: the within-draft probe (an inverted
// index of the draft's units so far) instead of every pair of its units.
func BenchmarkCheckWithin(b *testing.B) {
	paras := source(b).Paragraphs(2000, 7)
	draft := corpus.Document{ID: "long-draft", Format: corpus.Text, Text: strings.Join(paras, "\n\n")}
	ix, err := neardup.OpenIndex("", neardup.IndexOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	var cands, found int
	b.ReportAllocs()
	for b.Loop() {
		res, err := ix.Check(context.Background(), []corpus.Document{draft}, neardup.CheckOptions{Scope: neardup.ScopeWithin})
		if err != nil {
			b.Fatal(err)
		}
		cands, found = res.Stats.Candidates, len(res.Findings)
	}
	b.ReportMetric(float64(cands), "candidates/op")
	b.ReportMetric(float64(found), "findings/op")
}
