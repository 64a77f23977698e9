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

// segment is a run of text, Shared when its words are aligned with the
// text it is compared with (highlightPair), Moved when that text has them
// elsewhere.
type segment struct {
	Text          string
	Shared, Moved bool
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
			repText, text, _, _, shared, total := highlightPair(rep.Text, u.Text)
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

// maxAlignCells bounds the word-alignment table of highlightPair: two
// texts of about a thousand words each. Longer pairs are marked by word
// overlap alone.
const maxAlignCells = 1 << 20

// hlToken is a run of word runes or of separator runes of a text, with how
// it is marked.
type hlToken struct {
	start, end int
	word       bool
	mark       mark
}

type mark uint8

const (
	markNone    mark = iota // only on this side
	markAligned             // in the longest common word sequence of the two
	markMoved               // the other has the word, elsewhere
)

// hlTokens splits text into alternating word and separator tokens.
func hlTokens(text string) []hlToken {
	var toks []hlToken
	for i := 0; i < len(text); {
		c, size := utf8.DecodeRuneInString(text[i:])
		t := hlToken{start: i, end: i + size, word: isWordRune(c)}
		for t.end < len(text) {
			c, size := utf8.DecodeRuneInString(text[t.end:])
			if isWordRune(c) != t.word {
				break
			}
			t.end += size
		}
		toks = append(toks, t)
		i = t.end
	}
	return toks
}

// highlightPair marks the words of two texts for reading them side by
// side: a word in the longest common sequence of their words (compared in
// lower case) is aligned, the same edit on both sides left unmarked, so a
// word replaced shows on each side ("council" / "committee"); a word the
// other text has elsewhere (a clause moved) is marked as moved. Pairs
// whose alignment table would pass maxAlignCells mark every shared word as
// aligned. White space, apostrophes and hyphens between two words marked
// alike are marked too, so "China's" or a shared phrase is one run. It
// returns each text's segments, and of each its words shared in any way
// and all its words.
func highlightPair(a, b string) (sa, sb []segment, sharedA, totalA, sharedB, totalB int) {
	ta, tb := hlTokens(a), hlTokens(b)
	wa, wb := words(a, ta), words(b, tb)
	if len(wa.idx)*len(wb.idx) <= maxAlignCells {
		alignWords(wa.lower, wb.lower, func(i, j int) {
			ta[wa.idx[i]].mark, tb[wb.idx[j]].mark = markAligned, markAligned
		})
	} else {
		wa.markShared(ta, wb.vocab(), markAligned)
		wb.markShared(tb, wa.vocab(), markAligned)
	}
	wa.markShared(ta, wb.vocab(), markMoved)
	wb.markShared(tb, wa.vocab(), markMoved)
	sa, sharedA, totalA = segments(a, ta)
	sb, sharedB, totalB = segments(b, tb)
	return sa, sb, sharedA, totalA, sharedB, totalB
}

// wordList is the words of a text: their token indexes and lower-case
// forms.
type wordList struct {
	idx   []int
	lower []string
}

func words(text string, toks []hlToken) wordList {
	var w wordList
	for k, t := range toks {
		if t.word {
			w.idx = append(w.idx, k)
			w.lower = append(w.lower, strings.ToLower(text[t.start:t.end]))
		}
	}
	return w
}

// vocab returns the set of the words (looked up, never iterated).
func (w wordList) vocab() map[string]bool {
	v := make(map[string]bool, len(w.lower))
	for _, x := range w.lower {
		v[x] = true
	}
	return v
}

// markShared gives m to the unmarked words found in other.
func (w wordList) markShared(toks []hlToken, other map[string]bool, m mark) {
	for i, k := range w.idx {
		if toks[k].mark == markNone && other[w.lower[i]] {
			toks[k].mark = m
		}
	}
}

// alignWords calls pair(i, j) for the words of one longest common
// subsequence of a and b (a full dynamic-programming table, read back
// from the end).
func alignWords(a, b []string, pair func(i, j int)) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return
	}
	t := make([]uint16, (n+1)*(m+1)) // lengths fit: min(n, m) <= 1024
	at := func(i, j int) uint16 { return t[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			switch {
			case a[i] == b[j]:
				t[i*(m+1)+j] = at(i+1, j+1) + 1
			default:
				t[i*(m+1)+j] = max(at(i+1, j), at(i, j+1))
			}
		}
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			pair(i, j)
			i++
			j++
		case at(i+1, j) >= at(i, j+1):
			i++
		default:
			j++
		}
	}
}

// segments joins the separators between two words marked alike to them
// and cuts text into runs of one mark.
func segments(text string, toks []hlToken) (segs []segment, shared, total int) {
	for _, t := range toks {
		if t.word {
			total++
			if t.mark != markNone {
				shared++
			}
		}
	}
	for k := 1; k+1 < len(toks); k++ {
		if m := toks[k-1].mark; !toks[k].word && m != markNone && toks[k+1].mark == m && joins(text[toks[k].start:toks[k].end]) {
			toks[k].mark = m
		}
	}
	for k := 0; k < len(toks); {
		j := k + 1
		for j < len(toks) && toks[j].mark == toks[k].mark {
			j++
		}
		segs = append(segs, segment{Text: text[toks[k].start:toks[j-1].end], Shared: toks[k].mark == markAligned, Moved: toks[k].mark == markMoved})
		k = j
	}
	return segs, shared, total
}
