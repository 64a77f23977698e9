package archive_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/neardup/neardup/archive"
)

// An archive stores units with their locations and an inverted index from
// the caller's term ids; document frequencies follow every add and remove.
func Example() {
	dir, _ := os.MkdirTemp("", "archive-example")
	defer os.RemoveAll(dir)
	params := archive.Params{Language: "english", Unit: "paragraph", Features: "example/1"}
	a, err := archive.Open(filepath.Join(dir, "news.ndx"), archive.Options{Params: params})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer a.Close()
	const drought, harvest, prices = 101, 202, 303 // term ids, from the caller's analyser
	err = a.Update(func(tx archive.Tx) error {
		_, err := tx.AddDoc(archive.Doc{ID: "wire/1", URL: "https://example.org/wire/1"},
			[]archive.Unit{
				{Line: 1, Start: 0, End: 30, Text: "Drought cuts the coffee harvest"},
				{Line: 3, Start: 32, End: 60, Text: "Prices rose to a three-year high"},
			},
			[][]uint32{{drought, harvest}, {prices}})
		return err
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	a.View(func(tx archive.Tx) error {
		ids, _ := tx.Postings(harvest, nil)
		df, _ := tx.DocFreq(harvest)
		r, _, _ := tx.Unit(ids[0])
		fmt.Printf("df %d; unit %d of %s line %d: %s\n", df, r.ID, r.Doc.ID, r.Line, r.Text)
		fmt.Printf("%+v\n", tx.Stats())
		return nil
	})
	// Output:
	// df 1; unit 1 of wire/1 line 1: Drought cuts the coffee harvest
	// {Docs:1 Units:2 Terms:3 Postings:3 TextBytes:63 NextUnit:3 Pending:3}
}
