package corpus

import (
	"os"
	"strings"
	"testing"
)

// The paragraph heuristics measured on the real corpora of ../shared/eval
// (skipped when they are absent, and in -short mode). These are not copied
// into the project; the thresholds are a little under what was measured.

func readShared(t *testing.T, name string) []*Document {
	t.Helper()
	if testing.Short() {
		t.Skip("reads a real corpus")
	}
	path := "../../shared/eval/corpora/" + name
	if _, err := os.Stat(path); err != nil {
		t.Skip("corpus not present:", err)
	}
	var docs []*Document
	if err := Read([]string{path}, nil, Options{}, func(d *Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestReutersParagraphs compares the paragraph starts found in Reuters
// stories with the paragraph starts the wire marked: an indented line after
// a line that ends a sentence. Stories with tables or hanging indents (an
// indented line after an unfinished one) have no such simple truth and are
// left out.
func TestReutersParagraphs(t *testing.T) {
	docs := readShared(t, "reuters21578.jsonl.gz")
	var tp, fp, fn int
	for _, d := range docs {
		lines := strings.Split(d.Text, "\n")
		marked := map[int]bool{1: true}
		prose := true
		for i := 1; i < len(lines); i++ {
			prev := strings.TrimSpace(lines[i-1])
			if strings.HasPrefix(lines[i], " ") && strings.TrimSpace(lines[i]) != "" {
				if !endsSentence(prev) {
					prose = false
				}
				marked[i+1] = true
			}
		}
		if !prose {
			continue
		}
		found := map[int]bool{}
		for _, u := range SplitText(d.Text, Paragraph) {
			found[u.Line] = true
		}
		for l := range found {
			if marked[l] {
				tp++
			} else {
				fp++
			}
		}
		for l := range marked {
			if !found[l] && strings.TrimSpace(lines[l-1]) != "" {
				fn++
			}
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("Reuters paragraph starts: precision %.4f, recall %.4f (%d found)", precision, recall, tp+fp)
	if precision < 0.97 || recall < 0.99 {
		t.Errorf("precision %.4f, recall %.4f; want at least 0.97 and 0.99", precision, recall)
	}
}

// TestUsenetParagraphs checks that hard-wrapped Usenet paragraphs are kept
// whole, and that quoted lines are Quoted. A wrapped paragraph here is a
// block of three or more lines between blank lines, 60 to 79 columns wide,
// all lines but the last at least 40 columns and starting at the first
// column, with no quotes, list items, headers ("Subject: ...") or signature
// separators. Some of those are really several paragraphs whose writer
// broke lines by hand, so the threshold is under 1. Measured: 0.958 (0.909
// with fitSlack 0).
func TestUsenetParagraphs(t *testing.T) {
	docs := readShared(t, "20news-train.jsonl.gz")
	blocks, whole := 0, 0
	quotedLines, quotedUnits, units := 0, 0, 0
	for _, d := range docs {
		for _, blk := range strings.Split(d.Text, "\n\n") {
			lines := strings.Split(strings.Trim(blk, "\n"), "\n")
			if len(lines) < 3 {
				continue
			}
			width, ok := 0, true
			for i, l := range lines {
				width = max(width, len(strings.TrimRight(l, " ")))
				head, _, _ := strings.Cut(l, " ")
				if strings.TrimSpace(l) == "" || l[0] == ' ' || l[0] == '>' || l[0] == '|' || strings.HasPrefix(l, "--") ||
					listMarker(l, false) > 0 || strings.HasSuffix(head, ":") || i < len(lines)-1 && len(l) < 40 {
					ok = false
				}
			}
			if !ok || width < 60 || width > 79 {
				continue
			}
			blocks++
			if len(SplitText(blk, Paragraph)) == 1 {
				whole++
			}
		}
		for _, u := range SplitText(d.Text, Paragraph) {
			units++
			if u.Quoted {
				quotedUnits++
				lineStart := strings.LastIndexByte(d.Text[:u.Start], '\n') + 1
				if !strings.ContainsAny(d.Text[lineStart:u.Start], ">:|") {
					quotedLines++ // a Quoted unit must follow its marker ('>', or Usenet's ':' and '|')
				}
			}
		}
	}
	share := float64(whole) / float64(blocks)
	t.Logf("20 Newsgroups: %d of %d wrapped blocks kept whole (%.4f); %d of %d units quoted", whole, blocks, share, quotedUnits, units)
	if share < 0.95 {
		t.Errorf("only %.4f of wrapped blocks kept whole, want 0.95", share)
	}
	if quotedLines > 0 {
		t.Errorf("%d Quoted units do not follow a quote marker", quotedLines)
	}
}
