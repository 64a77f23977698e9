package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neardup/neardup"
)

// htmlTemplate is the page. html/template escapes every value for the
// context it lands in (text, attribute, URL), so unit text such as
// "<script>" is shown, never run, and javascript: URLs are neutralised.
//
//go:embed html.tmpl
var htmlTemplate string

// The data the page is executed on: every value already formatted, in the
// Result's order.
type (
	htmlPage struct {
		Summary     string
		Options     string
		Clusters    []htmlCluster
		Boilerplate []htmlBoilerplate
		Documents   []htmlDocument
		Pairs       []htmlPair
	}
	htmlDocument struct {
		A, B                             string
		UnitsA, SharedA, UnitsB, SharedB int
		Kinds                            string // "24 duplicates · 1 paraphrase"
	}
	htmlUnit struct {
		Doc, Path, URL, Title string
		Line, Start, End      int
		Kind                  string
	}
	htmlCluster struct {
		ID    int
		Kind  neardup.Kind
		Units int
		Rep   htmlUnit
		Text  []segment // the representative's text, shown alone when there is no other member
		Rows  []htmlRow
	}
	// htmlRow sets one member beside the representative, each with the
	// words it shares with the other marked.
	htmlRow struct {
		Member  htmlUnit
		Score   string
		RepText []segment
		Text    []segment
		Shared  string // "12 of 30 words shared"
	}
	htmlBoilerplate struct {
		ID    int
		Text  string
		Units []htmlUnit
	}
	htmlPair struct {
		Kind                                neardup.Kind
		Score, Cosine, Jaccard, Containment string
		A, B                                htmlUnit
		Cluster                             int
	}
)

// segment is a run of text, Shared when its words occur in the text it is
// compared with.
type segment struct {
	Text   string
	Shared bool
}

// WriteHTML writes r as a self-contained HTML page (inline CSS, no
// scripts, no external assets): a summary at the top; each content cluster
// with its representative and, beside it, each other member, the words the
// two share highlighted, with locations and scores; the boilerplate
// clusters; the pairs of documents that share most of one's text; and a
// table of all pairs.
func WriteHTML(w io.Writer, r *neardup.Result) error {
	if err := check(r); err != nil {
		return err
	}
	t, err := template.New("page").Parse(htmlTemplate)
	if err != nil {
		return fmt.Errorf("report: html template: %w", err)
	}
	return t.Execute(w, newHTMLPage(r))
}

func newHTMLPage(r *neardup.Result) *htmlPage {
	o := &r.Options
	page := &htmlPage{
		Summary: summary(&r.Stats),
		Options: fmt.Sprintf("unit %s · scope %s · threshold %s · duplicate threshold %s · min words %d · language %s",
			o.Unit, o.Scope, formatScore(o.Threshold), formatScore(o.DuplicateThreshold), o.MinWords, o.Language),
	}
	for i := range r.Clusters {
		c := &r.Clusters[i]
		if c.Kind == neardup.Boilerplate {
			b := htmlBoilerplate{ID: c.ID, Text: r.Units[c.Rep].Text}
			for _, m := range c.Members {
				b.Units = append(b.Units, newHTMLUnit(&r.Units[m.Unit]))
			}
			page.Boilerplate = append(page.Boilerplate, b)
			continue
		}
		rep := &r.Units[c.Rep]
		hc := htmlCluster{
			ID:    c.ID,
			Kind:  c.Kind,
			Units: len(c.Members),
			Rep:   newHTMLUnit(rep),
			Text:  []segment{{Text: rep.Text}},
		}
		for _, m := range c.Members {
			if m.Unit == c.Rep {
				continue
			}
			u := &r.Units[m.Unit]
			text, shared, total := highlight(u.Text, rep.Text)
			repText, _, _ := highlight(rep.Text, u.Text)
			hc.Rows = append(hc.Rows, htmlRow{
				Member:  newHTMLUnit(u),
				Score:   formatScore(m.Score),
				RepText: repText,
				Text:    text,
				Shared:  fmt.Sprintf("%d of %s shared", shared, count(total, "word")),
			})
		}
		page.Clusters = append(page.Clusters, hc)
	}
	for _, d := range r.Documents {
		page.Documents = append(page.Documents, htmlDocument{A: d.A, B: d.B, UnitsA: d.UnitsA, SharedA: d.SharedA,
			UnitsB: d.UnitsB, SharedB: d.SharedB, Kinds: pairKinds(d.Duplicates, d.Paraphrases)})
	}
	of := clusterOf(r)
	for _, p := range r.Pairs {
		page.Pairs = append(page.Pairs, htmlPair{
			Kind:        p.Kind,
			Score:       formatScore(p.Score),
			Cosine:      formatScore(p.Cosine),
			Jaccard:     formatScore(p.Jaccard),
			Containment: formatScore(p.Containment),
			A:           newHTMLUnit(&r.Units[p.A]),
			B:           newHTMLUnit(&r.Units[p.B]),
			Cluster:     pairCluster(of, p),
		})
	}
	return page
}

func newHTMLUnit(u *neardup.Unit) htmlUnit {
	return htmlUnit{
		Doc: u.Doc, Path: u.Path, URL: u.URL, Title: u.Title,
		Line: u.Line, Start: u.Start, End: u.End,
		Kind: u.Kind.String(),
	}
}

// isWordRune reports whether c belongs to a word: letters, digits and
// combining marks. Everything else (spaces, punctuation, hyphens,
// apostrophes) separates words.
func isWordRune(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) }

// joins reports whether the separator sep sits inside a word or phrase
// (white space, apostrophes, hyphens) rather than between clauses.
func joins(sep string) bool {
	return strings.IndexFunc(sep, func(c rune) bool {
		return !unicode.IsSpace(c) && !strings.ContainsRune("'’-‐‑", c)
	}) < 0
}

// highlight splits text into segments, marking the words whose lower-case
// form is also a word of other, and returns them with the number of marked
// words and of all words. White space, apostrophes and hyphens between two
// marked words are marked too, so "China's" or a shared phrase is one
// highlighted run. This is a plain word
// overlap, not an alignment: it shows what the two texts have in common,
// not where.
func highlight(text, other string) (segs []segment, shared, total int) {
	vocab := make(map[string]bool) // looked up, never iterated
	for _, w := range strings.FieldsFunc(other, func(c rune) bool { return !isWordRune(c) }) {
		vocab[strings.ToLower(w)] = true
	}
	// Tokens alternate between words and separators.
	type token struct {
		start, end   int
		word, shared bool
	}
	var toks []token
	for i := 0; i < len(text); {
		c, size := utf8.DecodeRuneInString(text[i:])
		t := token{start: i, end: i + size, word: isWordRune(c)}
		for t.end < len(text) {
			c, size := utf8.DecodeRuneInString(text[t.end:])
			if isWordRune(c) != t.word {
				break
			}
			t.end += size
		}
		if t.word {
			total++
			if vocab[strings.ToLower(text[t.start:t.end])] {
				t.shared = true
				shared++
			}
		}
		toks = append(toks, t)
		i = t.end
	}
	for k := 1; k+1 < len(toks); k++ {
		if !toks[k].word && toks[k-1].shared && toks[k+1].shared && joins(text[toks[k].start:toks[k].end]) {
			toks[k].shared = true
		}
	}
	// Runs of tokens with the same mark become one segment.
	for k := 0; k < len(toks); {
		j := k + 1
		for j < len(toks) && toks[j].shared == toks[k].shared {
			j++
		}
		segs = append(segs, segment{Text: text[toks[k].start:toks[j-1].end], Shared: toks[k].shared})
		k = j
	}
	return segs, shared, total
}
