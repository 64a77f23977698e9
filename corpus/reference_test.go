package corpus

import (
	"os"
	"strings"
	"testing"
)

// refUnits returns the texts of the units of doc that are and are not
// marked Reference.
func refUnits(doc *Document, mode Mode) (refs, prose []string) {
	for _, u := range Split(doc, mode) {
		if u.Reference {
			refs = append(refs, u.Text)
		} else {
			prose = append(prose, u.Text)
		}
	}
	return refs, prose
}

// TestReferenceSeed checks the seed article: its one list of sources
// (line 54, seven citations with their links run together) is a reference
// list in both modes, and nothing else of the article is.
func TestReferenceSeed(t *testing.T) {
	doc := &Document{Format: Text, Text: seed(t)}
	for _, mode := range []Mode{Paragraph, Sentence} {
		n := 0
		for _, u := range Split(doc, mode) {
			if u.Reference != (u.Line == 54) {
				t.Errorf("%s: line %d %.60q: Reference = %v", mode, u.Line, u.Text, u.Reference)
			}
			if u.Reference {
				n++
			}
		}
		if want := map[Mode]int{Paragraph: 1, Sentence: 20}[mode]; n != want {
			t.Errorf("%s: %d reference units, want %d", mode, n, want)
		}
	}
}

// TestReferenceBlocks checks the three ways a block is a reference list,
// and prose that looks a little like one, in each input format.
func TestReferenceBlocks(t *testing.T) {
	cases := []struct {
		name   string
		format Format
		text   string
		refs   []string // Text of the units marked Reference, in order
	}{
		{"label opens a run of citations", Text,
			"The talks ended on Friday without an agreement on tariffs.\n\n" +
				"Sources: [1] Reuters (2023, May 2). Talks stall. https://www.reuters.com/a/talks-stall [2] AP. Tariff talks end. https://apnews.com/b\n",
			[]string{"Sources: [1] Reuters (2023, May 2). Talks stall. https://www.reuters.com/a/talks-stall [2] AP. Tariff talks end. https://apnews.com/b"}},
		{"a short citation after a label", Text,
			"Accidents fell by a fifth over the decade.\n\nSource: Statistics Department, National Safety Council.\n",
			[]string{"Source: Statistics Department, National Safety Council."}},
		{"a long paragraph opening with a label is prose", Text,
			"Source: Arius. Major adherents: modern Jehovah's Witnesses and several other lesser known groups. " +
				"Perception of God's essence: the inherent oneness of God's nature is properly identifiable with the Father alone, " +
				"and the Son is the first and greatest of created beings, through whom all else was made.\n",
			nil},
		{"a label alone", Text, "Prose before it, long enough to be a paragraph.\n\nReferences\n\nCDC. Childhood injuries in the United States. Am J Dis Child 1990;144:627-46.\n\nMore prose of the next article.\n",
			// Plain text has no heading to end a section: only the label.
			[]string{"References"}},
		{"a sentence pointing to two links is prose", Text,
			"Read the ruling at https://www.supremecourt.gov/opinions/22pdf/21-476.pdf and the dissent at http://example.org/dissent.\n", nil},
		{"a short sentence with two links is prose", Text,
			"The council published the full budget report at https://city.gov/budget and the audit findings at https://city.gov/audit today.\n", nil},
		{"a run of three links", Text,
			"Coverage: Reuters https://www.reuters.com/a, AP https://apnews.com/b and the BBC https://www.bbc.co.uk/c.\n",
			[]string{"Coverage: Reuters https://www.reuters.com/a, AP https://apnews.com/b and the BBC https://www.bbc.co.uk/c."}},
		{"prose with two links", Text,
			"The company said in a statement on its website, www.example.com, that production at the plant would resume on Monday after " +
				"inspectors cleared the site, and that workers sent home during the shutdown would be paid in full for the lost shifts; " +
				"a copy of the inspectors' report was posted at https://example.com/report for anyone who wished to read the findings, " +
				"which the union had asked to see before agreeing to return.\n",
			nil},
		{"prose with one link", Text,
			"More details are at https://example.com/details.\n", nil},
		{"a short paragraph with two links", Text,
			"Residents can register online at www.cityvotes.gov before Friday, or check their polling place at www.findmypoll.gov. " +
				"Officials expect record turnout this year because of the tight mayoral race.\n", nil},
		{"www inside a word", Text, "Awww. Awww. So cute.\n", nil},
		{"a bare list of two links", Text, "Links: https://example.com/a http://example.org/b\n",
			[]string{"Links: https://example.com/a http://example.org/b"}},
		{"a label paragraph and its list", Text,
			"The talks ended without an agreement.\n\nSources:\n\n[1] Wong, L. (2023, April 15). China, Cambodia Move to Boost Mutual Trust. South China Morning Post.\n\n" +
				"[2] Khmer Times. (2023, April 10). Overview of China's Bilateral Ties with Cambodia in 2023. Khmer Times.\n\nMore prose after the list, of the article's own.\n",
			[]string{"Sources:", "[1] Wong, L. (2023, April 15). China, Cambodia Move to Boost Mutual Trust. South China Morning Post.",
				"[2] Khmer Times. (2023, April 10). Overview of China's Bilateral Ties with Cambodia in 2023. Khmer Times."}},
		{"a label opening numbered citations", Text,
			"Sources: [1] Wong, L. (2023, April 15). China, Cambodia Move to Boost Mutual Trust, Strengthen Strategic Partnership. South China Morning Post. " +
				"[2] Khmer Times. (2023, April 10). Overview of China's Bilateral Ties with Cambodia in 2023. Khmer Times.\n",
			[]string{"Sources: [1] Wong, L. (2023, April 15). China, Cambodia Move to Boost Mutual Trust, Strengthen Strategic Partnership. South China Morning Post. " +
				"[2] Khmer Times. (2023, April 10). Overview of China's Bilateral Ties with Cambodia in 2023. Khmer Times."}},
		{"Markdown section", Markdown,
			"# Story\n\nThe story itself.\n\n## References\n\n- Smith, J. (2020). A title. Journal 3(2).\n- Doe, A. Another title.\n\n## Comments\n\nA comment.\n",
			[]string{"References", "Smith, J. (2020). A title. Journal 3(2).", "Doe, A. Another title."}},
		{"Markdown sub-headings stay in the section", Markdown,
			"# Story\n\nThe story itself.\n\n## References\n\n### Books\n\n- A book.\n\n### Articles\n\n- An article.\n\n## Comments\n\nA comment.\n",
			[]string{"References", "Books", "A book.", "Articles", "An article."}},
		{"HTML sub-headings stay in the section", HTML,
			"<h2>Sources</h2><h3>Books</h3><ul><li>A book.</li></ul><h2>About</h2><p>Site text.</p>",
			[]string{"Sources", "Books", "A book."}},
		{"HTML section", HTML,
			"<h1>Story</h1><p>The story itself.</p><h2>Further reading</h2><ul><li>A book.</li><li>Another book.</li></ul><h2>About</h2><p>Site text.</p>",
			[]string{"Further reading", "A book.", "Another book."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			refs, _ := refUnits(&Document{Format: c.format, Text: c.text}, Paragraph)
			if strings.Join(refs, "\n") != strings.Join(c.refs, "\n") {
				t.Errorf("references %q, want %q", refs, c.refs)
			}
			// Sentence mode marks the sentences of the same blocks.
			srefs, _ := refUnits(&Document{Format: c.format, Text: c.text}, Sentence)
			if strings.Join(srefs, " ") != strings.Join(c.refs, " ") {
				t.Errorf("sentence mode: references %q, want the sentences of %q", srefs, c.refs)
			}
		})
	}
}

// TestReferenceCorpusFiles checks that the Usenet and wire samples, which
// cite nothing, have no unit marked Reference.
func TestReferenceCorpusFiles(t *testing.T) {
	for _, name := range []string{"testdata/usenet.txt", "testdata/wire.txt"} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		refs, prose := refUnits(&Document{Format: Text, Text: string(b)}, Paragraph)
		if len(refs) != 0 || len(prose) == 0 {
			t.Errorf("%s: %d reference units %q, %d others", name, len(refs), refs, len(prose))
		}
	}
}
