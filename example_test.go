package neardup_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/neardup/neardup"
	"github.com/neardup/neardup/corpus"
)

// Scan finds a paragraph copied from one article into another and the
// article's own repeated headline.
func ExampleScan() {
	docs := []corpus.Document{
		{ID: "wire.txt", Format: corpus.Text, Text: "Port strike ends after three weeks\n\n" +
			"Dock workers in Antwerp voted on Friday to end a three-week strike after the port authority agreed to raise wages by 6 percent and hire 400 more crane operators.\n\n" +
			"Port strike ends after three weeks\n"},
		{ID: "local.txt", Format: corpus.Text, Text: "Shipping resumes\n\n" +
			"Dock workers in Antwerp voted on Friday to end a three-week strike after the port authority agreed to raise wages by 6 percent and hire 400 more crane operators.\n\n" +
			"Container ships that had waited off the coast began to unload on Saturday morning.\n"},
	}
	res, err := neardup.Scan(context.Background(), docs, neardup.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Clusters {
		fmt.Printf("cluster %d (%s):\n", c.ID, c.Kind)
		for _, m := range c.Members {
			u := res.Units[m.Unit]
			words := strings.Fields(u.Text)
			fmt.Printf("  %s:%d %s\n", u.Doc, u.Line, strings.Join(words[:min(len(words), 7)], " "))
		}
	}
	// Output:
	// cluster 1 (duplicate):
	//   wire.txt:1 Port strike ends after three weeks
	//   wire.txt:5 Port strike ends after three weeks
	// cluster 2 (duplicate):
	//   wire.txt:3 Dock workers in Antwerp voted on Friday
	//   local.txt:3 Dock workers in Antwerp voted on Friday
}
