package corpus

import "strings"

// Split returns the units of doc in order, parsing doc.Text as doc.Format.
// JSONL is plain text (the record's text); Auto is sniffed as standard
// input is (see Options.Format): HTML when the text opens with an HTML
// element's tag or a doctype ("<!DOCTYPE html>", "<div"), as a scraped
// page does (not "<john@example.com> wrote:"), Markdown when it opens with
// a heading ("# Title") or front matter, plain text otherwise. mode is
// Paragraph or Sentence; any other value, including "", is Paragraph.
//
// Every unit satisfies: Index counts from 0 in order; 0 <= Start < End <=
// len(doc.Text); units do not overlap and are in increasing Start order;
// Line is the 1-based line of Start; Text is non-empty, has markup, list
// and quote markers removed and white space collapsed to single spaces.
//
// Paragraph mode yields blocks (paragraphs, list items, headings); each is
// further cut at inline list joints (see inlineJoint). Sentence mode cuts
// each of those into sentences (see sentenceEnd), all of Kind KindSentence,
// keeping Quoted. Units of reference lists (sources, bibliographies, runs of
// links; see reference.go) have Reference set, in both modes. A speaker
// label that opens several units ("MR. SMITH: ...", "Q: ...") is left out
// of them (speaker.go).
//
// Source code and metadata make no unit; SplitSkips says where they were.
func Split(doc *Document, mode Mode) []Unit {
	s := newSplitter(doc.Text, mode)
	s.split(doc.Format)
	return s.units
}

// split splits s.src as format f.
func (s *splitter) split(f Format) {
	if f == Auto {
		switch g := sniff([]byte(s.src[:min(len(s.src), sniffLen)])); g {
		case HTML, Markdown:
			f = g
		}
	}
	switch f {
	case Markdown:
		s.blocks(true)
	case HTML:
		s.html()
	default:
		s.blocks(false)
	}
	s.dropSpeakers()
}

// SplitText splits plain text: what Split does for Text and JSONL
// documents. See paragraph.go for the paragraph rules.
func SplitText(text string, mode Mode) []Unit {
	s := newSplitter(text, mode)
	s.blocks(false)
	s.dropSpeakers()
	return s.units
}

// splitter holds the state of one Split call.
type splitter struct {
	src      string
	sentence bool
	units    []Unit
	b        builder
	m        mapper
	// line cursor: line is the 1-based line of byte offset pos.
	pos, line int
	// md is set while splitting Markdown: inline markup is stripped.
	md bool
	// scratch for Markdown inline parsing
	segs []segment
	join []byte
	toks []mdToken
	// ref follows reference sections (reference.go).
	ref refState
	// level is the level (1-6) of the heading being emitted, 0 unknown.
	level int
	// opens holds, in order, the index each piece of text cut at inline
	// list joints would give its first unit: the units that open a
	// paragraph unit in either mode (speaker.go).
	opens []int32
	// transcript: enough lines open with a speaker label (speaker.go).
	transcript bool
	// track is set when the parts left out are recorded in skips
	// (skip.go).
	track bool
	skips []Skip
}

func newSplitter(src string, mode Mode) *splitter {
	s := &splitter{src: src, sentence: mode == Sentence, line: 1}
	s.b.src = src
	s.b.reset()
	// A rough guess that avoids most regrowth: a paragraph per 300 bytes,
	// a sentence per 100.
	per := 300
	if s.sentence {
		per = 100
	}
	s.units = make([]Unit, 0, len(src)/per+1)
	s.opens = make([]int32, 0, len(src)/300+1)
	return s
}

// lineAt returns the 1-based line of offset p; p must not decrease between
// calls.
func (s *splitter) lineAt(p int) int {
	if p > s.pos {
		s.line += strings.Count(s.src[s.pos:p], "\n")
		s.pos = p
	}
	return s.line
}

// emit turns the builder's clean text into units of the given kind: the
// block is cut at inline list joints, and in sentence mode into sentences.
func (s *splitter) emit(kind UnitKind, quoted bool) {
	text, pieces := s.b.result()
	if text == "" {
		s.b.reset()
		return
	}
	s.m = mapper{pieces: pieces}
	first := len(s.units)
	ref := s.ref.block(kind, s.level, text)
	a := 0
	for a < len(text) {
		b, next := inlineJoint(text, a)
		if n := len(s.units); b > a {
			s.opens = append(s.opens, int32(n)) // the piece's first unit, if it has one
		}
		if s.sentence {
			s.sentences(text, a, b, quoted)
		} else {
			s.add(text, a, b, kind, quoted)
		}
		if next < 0 {
			break
		}
		a = next
		kind = KindListItem
	}
	if ref {
		for i := first; i < len(s.units); i++ {
			s.units[i].Reference = true
		}
	}
	s.b.reset()
}

// sentences adds the sentences of text[a:b].
func (s *splitter) sentences(text string, a, b int, quoted bool) {
	// A speaker label opening the piece is no sentence of its own, so that
	// "SEC. CLINTON: Thank you." is cut as its paragraph unit is read
	// (speaker.go): the first sentence ends after the label. A piece that
	// is a label alone ("SEC. CLINTON:", the turn on the lines after it)
	// is one unit, as in paragraph mode.
	if labelAlone(text[a:b]) {
		s.add(text, a, b, KindSentence, quoted)
		return
	}
	from := a + speakerLabel(text[a:b])
	for a < b {
		e := sentenceEnd(text, max(a, from), b)
		s.add(text, a, e, KindSentence, quoted)
		a = e
		for a < b && text[a] == ' ' {
			a++
		}
	}
}

// add appends the unit text[a:b] (clean positions).
func (s *splitter) add(text string, a, b int, kind UnitKind, quoted bool) {
	for a < b && text[a] == ' ' {
		a++
	}
	for b > a && text[b-1] == ' ' {
		b--
	}
	if a >= b {
		return
	}
	start, end := s.m.start(a), s.m.end(b)
	if n := len(s.units); n > 0 && start < s.units[n-1].End {
		start = s.units[n-1].End // never overlap, whatever the mapping did
	}
	if start >= end {
		return
	}
	s.units = append(s.units, Unit{
		Index:  len(s.units),
		Kind:   kind,
		Line:   s.lineAt(start),
		Start:  start,
		End:    end,
		Text:   text[a:b],
		Quoted: quoted,
	})
}
