package corpus

import (
	"slices"
	"strings"
)

// SkipReason says why a part of a document makes no unit.
type SkipReason uint8

const (
	// SkipCode is source code: a fenced Markdown block, an HTML pre or
	// code element of code, or plain-text lines that read as a program
	// (code.go), and a shell archive's shell lines (shar.go).
	SkipCode SkipReason = iota + 1
	// SkipMetadata is a message's header block (mailheader.go), a
	// reply's attribution line (attribution.go) or Markdown front
	// matter: about the text, not of it.
	SkipMetadata
)

func (r SkipReason) String() string {
	switch r {
	case SkipCode:
		return "code"
	case SkipMetadata:
		return "metadata"
	}
	return "unknown"
}

// A Skip is a part of a document that Split left out of every unit on
// purpose, so that a report can say what it did not compare. Start and
// End are byte offsets into Document.Text (the part with its markup:
// a fence's lines, a pre element's tags), Line the 1-based line of Start.
// Page furniture, markup and white space are not Skips.
type Skip struct {
	Reason     SkipReason
	Line       int
	Start, End int
}

// SplitSkips is Split that also returns the parts of doc left out of
// every unit (see Skip), in order of Start.
func SplitSkips(doc *Document, mode Mode) ([]Unit, []Skip) {
	s := newSplitter(doc.Text, mode)
	s.track = true
	s.split(doc.Format)
	return s.units, s.skipped()
}

// skip records src[a:b], with the white space at its ends taken off, as
// left out for reason r. Calls need not come in document order.
func (s *splitter) skip(r SkipReason, a, b int) {
	if !s.track {
		return
	}
	for a < b && isASCIISpace(s.src[a]) {
		a++
	}
	for b > a && isASCIISpace(s.src[b-1]) {
		b--
	}
	if a < b {
		s.skips = append(s.skips, Skip{Reason: r, Start: a, End: b})
	}
}

// skipped returns the recorded skips in order of Start, with their
// lines.
func (s *splitter) skipped() []Skip {
	if len(s.skips) == 0 {
		return nil
	}
	slices.SortStableFunc(s.skips, func(x, y Skip) int { return x.Start - y.Start })
	out := s.skips[:1]
	for _, k := range s.skips[1:] {
		// One part: overlapping skips, and skips of one reason with only
		// white space between (a program split at blank lines, a shell
		// archive's wrapper lines).
		last := &out[len(out)-1]
		if k.Start < last.End || k.Reason == last.Reason && isSpaceString(s.src[last.End:k.Start]) {
			last.End = max(last.End, k.End)
			continue
		}
		out = append(out, k)
	}
	line, pos := 1, 0
	for i := range out {
		line += strings.Count(s.src[pos:out[i].Start], "\n")
		pos = out[i].Start
		out[i].Line = line
	}
	return out
}
