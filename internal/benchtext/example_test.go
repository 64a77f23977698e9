package benchtext_test

import (
	"fmt"
	"strings"

	"github.com/neardup/neardup/internal/benchtext"
)

// An archive of more paragraphs than the text holds: the real paragraphs,
// then paragraphs generated from their words.
func Example() {
	s := benchtext.New([]string{
		"Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January.",
		"The dry period means the temporao will be late this year, traders in the cocoa zone said.",
	})
	paras := s.Paragraphs(4, 1)
	fmt.Println(len(paras), paras[0] == "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January.")
	fmt.Println(strings.HasSuffix(paras[3], "."))
	// Output:
	// 4 true
	// true
}
