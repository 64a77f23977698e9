package corpus

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// w describes an expected unit by the exact source text it spans (from
// Start to End) and its Text (the span itself when text is empty). units
// turns a list of them into []Unit, finding each span in the source after
// the previous one, so that tables state offsets without counting bytes.
type w struct {
	kind   UnitKind
	span   string
	text   string
	quoted bool
}

func para(span string) w        { return w{kind: KindParagraph, span: span} }
func paraT(span, text string) w { return w{kind: KindParagraph, span: span, text: text} }
func item(span string) w        { return w{kind: KindListItem, span: span} }
func itemT(span, text string) w { return w{kind: KindListItem, span: span, text: text} }
func head(span string) w        { return w{kind: KindHeading, span: span} }
func headT(span, text string) w { return w{kind: KindHeading, span: span, text: text} }
func sent(span string) w        { return w{kind: KindSentence, span: span} }
func sentT(span, text string) w { return w{kind: KindSentence, span: span, text: text} }
func quoted(x w) w              { x.quoted = true; return x }

func units(t testing.TB, src string, ws ...w) []Unit {
	t.Helper()
	out := []Unit{}
	from := 0
	for i, x := range ws {
		k := strings.Index(src[from:], x.span)
		if k < 0 {
			t.Fatalf("test table: span %d %q not found after offset %d", i, x.span, from)
		}
		start := from + k
		text := x.text
		if text == "" {
			text = x.span
		}
		out = append(out, Unit{
			Index:  i,
			Kind:   x.kind,
			Line:   strings.Count(src[:start], "\n") + 1,
			Start:  start,
			End:    start + len(x.span),
			Text:   text,
			Quoted: x.quoted,
		})
		from = start + len(x.span)
	}
	return out
}

// diffUnits reports the first difference between two unit lists.
func diffUnits(got, want []Unit) string {
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			return fmt.Sprintf("missing unit %d: %+v", i, want[i])
		case i >= len(want):
			return fmt.Sprintf("extra unit %d: %+v", i, got[i])
		case got[i] != want[i]:
			return fmt.Sprintf("unit %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	return ""
}

// checkUnits checks the invariants every Split result must hold.
func checkUnits(src string, us []Unit) error {
	prev := 0
	for i, u := range us {
		if u.Index != i {
			return fmt.Errorf("unit %d has Index %d", i, u.Index)
		}
		if u.Start < prev || u.Start >= u.End || u.End > len(src) {
			return fmt.Errorf("unit %d: span [%d,%d) after %d in %d bytes", i, u.Start, u.End, prev, len(src))
		}
		prev = u.End
		if line := strings.Count(src[:u.Start], "\n") + 1; u.Line != line {
			return fmt.Errorf("unit %d: Line %d, want %d", i, u.Line, line)
		}
		if u.Text == "" || strings.TrimSpace(u.Text) != u.Text || strings.Contains(u.Text, "  ") ||
			strings.ContainsAny(u.Text, "\n\t\r\v\f") {
			return fmt.Errorf("unit %d: Text %q not collapsed", i, u.Text)
		}
		if utf8.ValidString(src) && !utf8.ValidString(u.Text) {
			return fmt.Errorf("unit %d: Text %q is not UTF-8", i, u.Text)
		}
	}
	return nil
}

// checkSkips checks Skip's contract on the skips of src: in order, apart,
// each within src with no white space at its ends, on its line, and
// outside every unit of us.
func checkSkips(src string, sk []Skip, us []Unit) error {
	prev, j := 0, 0
	for i, k := range sk {
		if k.Start < prev || k.Start >= k.End || k.End > len(src) {
			return fmt.Errorf("skip %d: span [%d,%d) after %d in %d bytes", i, k.Start, k.End, prev, len(src))
		}
		prev = k.End
		if k.Reason != SkipCode && k.Reason != SkipMetadata {
			return fmt.Errorf("skip %d: reason %d", i, k.Reason)
		}
		if t := src[k.Start:k.End]; strings.Trim(t, " \t\n\r\v\f") != t {
			return fmt.Errorf("skip %d: %q has white space at an end", i, t)
		}
		if line := strings.Count(src[:k.Start], "\n") + 1; k.Line != line {
			return fmt.Errorf("skip %d: Line %d, want %d", i, k.Line, line)
		}
		for j < len(us) && us[j].End <= k.Start {
			j++
		}
		if j < len(us) && us[j].Start < k.End {
			return fmt.Errorf("skip %d [%d,%d) overlaps unit %d [%d,%d)", i, k.Start, k.End, j, us[j].Start, us[j].End)
		}
	}
	return nil
}

// subsequence reports whether the non-space bytes of a appear in order
// among those of b: Text only ever drops markers from its span.
func subsequence(a, b string) bool {
	j := 0
	for i := 0; i < len(a); i++ {
		if isASCIISpace(a[i]) {
			continue
		}
		for j < len(b) && b[j] != a[i] {
			j++
		}
		if j == len(b) {
			return false
		}
		j++
	}
	return true
}

// seed reads the bundled article.
func seed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/cambodia-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
