package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/neardup/neardup"
)

// The HTML report is deterministic, and TestGolden can compare it byte for
// byte, because everything on the page comes from the Result in the
// Result's order: the template ranges over slices, never maps (the one map,
// highlight's vocabulary, is only looked up); scores are rounded to four
// decimals before formatting; the page carries no date, no generator
// version, no random ids, and leaves out Profile and Options.Workers; and
// html/template escapes the same input to the same output.
func TestWriteHTMLEscapes(t *testing.T) {
	r := seedResult(t)
	r.Units[uHead3].Text = `<script>alert("x")</script> Steadfast & "loyal"`
	r.Units[uHead3].Doc = `<img src=x onerror=alert(1)>.txt`
	r.Units[uKh1].URL = "javascript:alert(1)"
	r.Units[uKh2].Title = `"><script>alert(2)</script>`
	r.Documents = []neardup.DocumentPair{{A: `<script>alert(3)</script>`, B: "b.txt", UnitsA: 3, SharedA: 2, UnitsB: 2, SharedB: 2, Duplicates: 2}}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "<img", "javascript:"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;.txt", "#ZgotmplZ",
		`title="&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"`,
		`<tr><td class="loc">&lt;script&gt;alert(3)&lt;/script&gt;</td><td class="loc">b.txt</td><td class="num">2 of 3</td><td class="num">2 of 2</td><td>2 duplicates</td></tr>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// TestWriteHTMLSelfContained checks that the page loads nothing: no
// scripts, no style sheets or images from elsewhere.
func TestWriteHTMLSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, seedResult(t)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "<link", "<img", "src=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if !strings.HasPrefix(page, "<!DOCTYPE html>\n") || !strings.HasSuffix(page, "</html>\n") {
		t.Errorf("page does not start with a doctype and end with </html>")
	}
}

func TestHighlight(t *testing.T) {
	al := func(s string) segment { return segment{Text: s, Shared: true} }
	mv := func(s string) segment { return segment{Text: s, Moved: true} }
	no := func(s string) segment { return segment{Text: s} }
	tests := []struct {
		name          string
		a, b          string
		wantA, wantB  []segment
		sharedA, totA int
	}{
		{
			name:    "shared phrases are runs, the words between them left plain",
			a:       "a pillar for its regional diplomacy",
			b:       "a pillar in China's regional diplomacy",
			wantA:   []segment{al("a pillar"), no(" for its "), al("regional diplomacy")},
			wantB:   []segment{al("a pillar"), no(" in China's "), al("regional diplomacy")},
			sharedA: 4, totA: 6,
		},
		{
			name:    "a word replaced shows on both sides though the other has it elsewhere",
			a:       "The council voted on Monday, and the council chair said",
			b:       "The committee voted on Monday, and the council chair said",
			wantA:   []segment{al("The"), no(" "), mv("council"), no(" "), al("voted on Monday"), no(", "), al("and the council chair said")},
			wantB:   []segment{al("The"), no(" committee "), al("voted on Monday"), no(", "), al("and the council chair said")},
			sharedA: 10, totA: 10,
		},
		{
			name:    "a clause moved is marked as moved",
			a:       "On Monday the bank raised rates",
			b:       "The bank raised rates on Monday",
			wantA:   []segment{mv("On Monday"), no(" "), al("the bank raised rates")},
			wantB:   []segment{al("The bank raised rates"), no(" "), mv("on Monday")},
			sharedA: 6, totA: 6,
		},
		{
			name:    "case-insensitive; apostrophes and hyphens join, commas do not",
			a:       "China's China-Cambodia growth, harmony",
			b:       "china s china cambodia growth harmony",
			wantA:   []segment{al("China's China-Cambodia growth"), no(", "), al("harmony")},
			wantB:   []segment{al("china s china cambodia growth harmony")},
			sharedA: 6, totA: 6,
		},
		{
			name:    "nothing shared",
			a:       "Photo Credit: VCG",
			b:       "Read also:",
			wantA:   []segment{no("Photo Credit: VCG")},
			wantB:   []segment{no("Read also:")},
			sharedA: 0, totA: 3,
		},
		{
			name: "empty",
			a:    "", b: "x",
			wantA: nil, wantB: []segment{no("x")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ga, gb, shared, total, _, _ := highlightPair(tt.a, tt.b)
			if !reflect.DeepEqual(ga, tt.wantA) || !reflect.DeepEqual(gb, tt.wantB) || shared != tt.sharedA || total != tt.totA {
				t.Errorf("highlightPair(%q, %q) =\n %+v\n %+v\n %d of %d shared; want\n %+v\n %+v\n %d of %d",
					tt.a, tt.b, ga, gb, shared, total, tt.wantA, tt.wantB, tt.sharedA, tt.totA)
			}
		})
	}
}

// TestWriteHTMLLoneRepresentative covers a cluster with no member besides
// its representative: the page still shows its text.
func TestWriteHTMLLoneRepresentative(t *testing.T) {
	r := seedResult(t)
	r.Clusters[1].Members = r.Clusters[1].Members[:1]
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<p class="text">Steadfast China-Cambodia alliance consistently delivers outcomes</p>`) {
		t.Error("lone representative's text missing")
	}
}

// FuzzHighlight checks that each text's segments put back together are
// the text, that neighbouring segments differ in mark, that no segment is
// both aligned and moved, that both sides align as many words, and that
// the counts agree.
func FuzzHighlight(f *testing.F) {
	f.Add("China's alliance with Cambodia", "China's ties with Cambodia")
	f.Add(" (U.S.) ", "u s")
	f.Add("\xffbad\x00", "BAD")
	f.Fuzz(func(t *testing.T, a, b string) {
		sa, sb, sharedA, totalA, sharedB, totalB := highlightPair(a, b)
		aligned := [2]int{}
		for side, c := range []struct {
			text          string
			segs          []segment
			shared, total int
		}{{a, sa, sharedA, totalA}, {b, sb, sharedB, totalB}} {
			var j strings.Builder
			for i, s := range c.segs {
				if s.Text == "" || s.Shared && s.Moved || i > 0 && c.segs[i-1].Shared == s.Shared && c.segs[i-1].Moved == s.Moved {
					t.Fatalf("highlightPair(%q, %q): side %d segment %d %+v empty, doubly marked or not alternating", a, b, side, i, s)
				}
				if s.Shared {
					aligned[side] += len(strings.FieldsFunc(s.Text, func(c rune) bool { return !isWordRune(c) }))
				}
				j.WriteString(s.Text)
			}
			if j.String() != c.text {
				t.Fatalf("highlightPair(%q, %q): side %d segments join to %q", a, b, side, j.String())
			}
			if c.shared < 0 || c.shared > c.total {
				t.Fatalf("highlightPair(%q, %q): side %d: %d of %d words shared", a, b, side, c.shared, c.total)
			}
		}
		if aligned[0] != aligned[1] && len(a)*len(b) < 1<<16 {
			t.Fatalf("highlightPair(%q, %q): %d words aligned on one side, %d on the other", a, b, aligned[0], aligned[1])
		}
	})
}
