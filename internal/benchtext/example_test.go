package benchtext_test

import (
	"errors"
	"fmt"

	"github.com/neardup/neardup/internal/benchtext"
)

// An archive of real news paragraphs, more than the corpora hold.
func Example() {
	s, err := benchtext.Load("")
	if errors.Is(err, benchtext.ErrNoCorpus) {
		fmt.Println(300000) // the research corpora are not here
		return
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(s.Paragraphs(300000, 1)))
	// Output: 300000
}
