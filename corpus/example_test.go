package corpus_test

import (
	"fmt"
	"strings"

	"github.com/neardup/neardup/corpus"
)

func ExampleRead() {
	jsonl := `{"id":"a","url":"https://example.com/a","text":"Trade grew fast. The U.S. noticed."}
{"id":"b","text":"  1. First item\n  2. Second item"}
{"id":"c","body":"no text field"}
`
	err := corpus.Read([]string{"-"}, strings.NewReader(jsonl), corpus.Options{}, func(doc *corpus.Document) error {
		for _, u := range corpus.Split(doc, corpus.Sentence) {
			fmt.Printf("%s:%d [%d,%d) %q\n", doc.ID, u.Line, u.Start, u.End, u.Text)
		}
		return nil
	})
	fmt.Println(err)
	// Output:
	// a:1 [0,16) "Trade grew fast."
	// a:1 [17,34) "The U.S. noticed."
	// b:1 [5,15) "First item"
	// b:2 [21,32) "Second item"
	// -:3: missing text field "text"
}

func ExampleSplit() {
	doc := &corpus.Document{
		Format: corpus.Text,
		Text: "Cooperation is lopsided:- Trade growth – Trade soared.- Challenges – Imports lead.\n" +
			"> Quoted reply text,\n> wrapped.\n",
	}
	for _, u := range corpus.Split(doc, corpus.Paragraph) {
		fmt.Printf("line %d %-9s quoted=%-5v %q\n", u.Line, u.Kind, u.Quoted, u.Text)
	}
	// Output:
	// line 1 paragraph quoted=false "Cooperation is lopsided:"
	// line 1 list-item quoted=false "Trade growth – Trade soared."
	// line 1 list-item quoted=false "Challenges – Imports lead."
	// line 2 paragraph quoted=true  "Quoted reply text, wrapped."
}
