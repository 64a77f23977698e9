package neardup_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

// A crawler keeps one copy of each page: CheckAndAdd adds a page unless
// most of its paragraphs duplicate pages already kept, atomically, so many
// crawling goroutines can share one index.
func ExampleIndex_CheckAndAdd() {
	ix, err := neardup.OpenIndex("", neardup.IndexOptions{}) // "" keeps the index in memory; give a path to keep it on disk
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()
	story := "Dock workers in Antwerp voted on Friday to end a three-week strike after the port authority agreed to raise wages and hire more crane operators.\n\n" +
		"Container ships that had waited off the coast began to unload on Saturday morning, and the port expects the backlog to clear within ten days.\n"
	pages := []struct{ url, text string }{
		{"https://wire.example/antwerp-strike", story},
		{"https://mirror.example/2024/antwerp", strings.ReplaceAll(story, "Dock workers", "DOCK WORKERS")},
		{"https://local.example/harbour", "The harbour master said on Saturday that pilots would work double shifts until every waiting vessel had berthed."},
	}
	for _, p := range pages {
		res, added, err := ix.CheckAndAdd(context.Background(), corpus.Document{ID: p.url, URL: p.url, Format: corpus.Text, Text: p.text})
		if err != nil {
			fmt.Println(err)
			return
		}
		if added {
			fmt.Println("keep", p.url)
			continue
		}
		fmt.Println("drop", p.url, "- duplicate of", res.Findings[0].Match.Doc)
	}
	// Output:
	// keep https://wire.example/antwerp-strike
	// drop https://mirror.example/2024/antwerp - duplicate of https://wire.example/antwerp-strike
	// keep https://local.example/harbour
}

// Before publishing, a newsroom checks a draft against its archive. Here the
// archive is built in memory; `neardup index add` builds one on disk that
// OpenIndex(path, IndexOptions{ReadOnly: true}) opens.
func ExampleIndex_Check() {
	ix, err := neardup.OpenIndex("", neardup.IndexOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()
	archived := corpus.Document{ID: "2024/05/rains.md", Format: corpus.Text, Text: "Monsoon arrives early\n\n" +
		"The monsoon reached the Kerala coast on Thursday, two days ahead of schedule, the weather office said, bringing relief after weeks of record heat.\n"}
	if err := ix.Add(context.Background(), archived); err != nil {
		fmt.Println(err)
		return
	}
	draft := corpus.Document{ID: "draft.md", Format: corpus.Text, Text: "Farmers plan their sowing\n\n" +
		"Farmers in the south have begun to prepare their fields for rice.\n\n" +
		"The monsoon reached the Kerala coast on Thursday, two days ahead of schedule, the weather office said, bringing relief after weeks of record heat.\n"}
	res, err := ix.Check(context.Background(), []corpus.Document{draft}, neardup.CheckOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Findings {
		if f.Kind == neardup.Duplicate {
			fmt.Printf("%s:%d duplicates %s:%d (bytes %d-%d)\n", f.Draft.Doc, f.Draft.Line, f.Match.Doc, f.Match.Line, f.Match.Start, f.Match.End)
		}
	}
	// Output:
	// draft.md:5 duplicates 2024/05/rains.md:3 (bytes 23-169)
}

// Paragraph-level deduplication of a JSON Lines stream from a scraper: each
// paragraph is kept only the first time it (or a near-identical copy) is
// seen, whatever record it comes in.
func ExampleIndex_CheckAndAdd_paragraphs() {
	stream := strings.NewReader(`{"id":"a","text":"Rain is expected across the north of the country from Tuesday evening, forecasters said.\n\nSchools in three districts will open late on Wednesday because of the expected floods."}
{"id":"b","text":"Rain is expected across the north of the country from Tuesday evening, forecasters said!\n\nThe national football team lost its qualifying match against the visitors on Sunday night."}
`)
	ix, err := neardup.OpenIndex("", neardup.IndexOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()
	err = corpus.Read([]string{"-"}, stream, corpus.Options{Format: corpus.JSONL}, func(d *corpus.Document) error {
		for i, u := range corpus.Split(d, corpus.Paragraph) {
			para := corpus.Document{ID: fmt.Sprintf("%s#%d", d.ID, i), Format: corpus.Text, Text: u.Text}
			_, added, err := ix.CheckAndAdd(context.Background(), para)
			if err != nil {
				return err
			}
			if added {
				fmt.Printf("%s: %.50s\n", para.ID, u.Text)
			}
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// a#0: Rain is expected across the north of the country f
	// a#1: Schools in three districts will open late on Wedne
	// b#1: The national football team lost its qualifying mat
}

// Crawling goroutines share one index on disk. With AsyncCommit a
// CheckAndAdd returns once its page is decided and the index commits in
// the background; Flush waits for what is staged (Close does too).
func ExampleIndex_Flush() {
	dir, err := os.MkdirTemp("", "neardup-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	ix, err := neardup.OpenIndex(filepath.Join(dir, "seen.ndx"), neardup.IndexOptions{AsyncCommit: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()
	stories := []string{
		"The city council approved a budget on Monday that doubles spending on bus lanes and repairs two bridges over the river.",
		"A late frost damaged most of the apricot blossom in the valley, and growers expect the smallest harvest in twenty years.",
	}
	var kept atomic.Int32
	var wg sync.WaitGroup
	for crawler := range 4 { // every crawler meets every story, on a site of its own
		wg.Go(func() {
			for i, s := range stories {
				url := fmt.Sprintf("https://site%d.example/story-%d", crawler, i)
				_, added, err := ix.CheckAndAdd(context.Background(), corpus.Document{ID: url, URL: url, Format: corpus.Text, Text: s})
				if err != nil {
					fmt.Println(err)
					return
				}
				if added {
					kept.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if err := ix.Flush(context.Background()); err != nil {
		fmt.Println(err)
		return
	}
	st, err := ix.Stats()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("pages kept:", kept.Load(), "documents committed:", st.Docs)
	// Output:
	// pages kept: 2 documents committed: 2
}
