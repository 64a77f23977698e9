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
	tests := []struct {
		name          string
		text, other   string
		want          []segment
		shared, total int
	}{
		{
			name:   "shared phrase is one run",
			text:   "a pillar for its regional diplomacy",
			other:  "a pillar in China's regional diplomacy",
			want:   []segment{{"a pillar", true}, {" for its ", false}, {"regional diplomacy", true}},
			shared: 4, total: 6,
		},
		{
			name:   "case-insensitive",
			text:   "Cambodia",
			other:  "cambodia's ties",
			want:   []segment{{"Cambodia", true}},
			shared: 1, total: 1,
		},
		{
			name:   "apostrophes and hyphens join, commas do not",
			text:   "China's China-Cambodia growth, harmony",
			other:  "china s cambodia growth harmony",
			want:   []segment{{"China's China-Cambodia growth", true}, {", ", false}, {"harmony", true}},
			shared: 6, total: 6,
		},
		{
			name:   "nothing shared",
			text:   "Photo Credit: VCG",
			other:  "Read also:",
			want:   []segment{{"Photo Credit: VCG", false}},
			shared: 0, total: 3,
		},
		{
			name:   "leading and trailing separators",
			text:   " (U.S.) ",
			other:  "u s",
			want:   []segment{{" (", false}, {"U", true}, {".", false}, {"S", true}, {".) ", false}},
			shared: 2, total: 2,
		},
		{
			name: "empty",
			text: "", other: "x",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, shared, total := highlight(tt.text, tt.other)
			if !reflect.DeepEqual(got, tt.want) || shared != tt.shared || total != tt.total {
				t.Errorf("highlight(%q, %q) = %+v, %d, %d; want %+v, %d, %d", tt.text, tt.other, got, shared, total, tt.want, tt.shared, tt.total)
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

// FuzzHighlight checks that the segments put back together are the text,
// that marked and unmarked segments alternate, and that the counts agree.
func FuzzHighlight(f *testing.F) {
	f.Add("China's alliance with Cambodia", "China's ties with Cambodia")
	f.Add(" (U.S.) ", "u s")
	f.Add("\xffbad\x00", "BAD")
	f.Fuzz(func(t *testing.T, text, other string) {
		segs, shared, total := highlight(text, other)
		var b strings.Builder
		for i, s := range segs {
			if s.Text == "" || i > 0 && segs[i-1].Shared == s.Shared {
				t.Fatalf("highlight(%q, %q): segment %d %+v empty or not alternating", text, other, i, s)
			}
			b.WriteString(s.Text)
		}
		if b.String() != text {
			t.Fatalf("highlight(%q, %q) segments join to %q", text, other, b.String())
		}
		if shared < 0 || shared > total {
			t.Fatalf("highlight(%q, %q): %d of %d words shared", text, other, shared, total)
		}
	})
}
