package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speaker labels
// ==============
//
// A transcript (a briefing, a hearing, an interview, a chat log) opens
// each turn with its speaker:
//
//	MR. STEPHANOPOULOS: We don't have a date set for that.
//	Q: Can you describe what those press releases contain?
//	Q And as far as you know, is the President aware of it?
//	Interviewer: When did you first come to the port?
//
// The label is the turn's metadata, like a list marker, not what is said:
// left in, every turn of one speaker shares a name, and the scorer, which
// weighs shared names heavily, called unrelated turns paraphrases (in the
// 20 Newsgroups training set 1,393 of 19,075 reported paraphrase pairs were
// two turns of one White House briefing speaker). So in a document where
// at least minSpeakerTurns paragraph units, and one in speakerShare (or
// one label speakerTurns times), open with a label, a label that opens two
// or more of them is left out of their Text, and out of the unit's span
// when the source holds it verbatim. Records of "Key: value" lines ("STRONG POINTS: ...", "Price:
// ...") read the same way and lose their keys too: the compared text is
// the value.
//
// A label is one to four words of letters ('.', '\'' and '-' inside them),
// each capitalised, ending with a colon and a space before the turn's text,
// at most maxSpeakerLabel bytes, or a briefing's "Q " or "Q. " before a
// capital; a unit that is nothing but a label (the turn's text on the lines
// after it) counts as one. A one-off "Note: ..." stays text; a label
// repeated in a document of labels is structure whatever it names ("Price:
// $5" loses "Price: ").

const (
	minSpeakerTurns = 3
	maxSpeakerLabel = 40
	// speakerShare, speakerTurns: at least one paragraph unit in
	// speakerShare opens with a label, or one label opens speakerTurns of
	// them (a transcript with long prepared remarks), or the labels are
	// incidental to the document ("Fact: ...", "BIOS: ...").
	speakerShare = 3
	speakerTurns = 4
)

// mostTurns returns the length of the longest run of one label in sorted
// labels.
func mostTurns(labels []string) int {
	most, run := 0, 0
	for i := range labels {
		if i > 0 && labels[i] == labels[i-1] {
			run++
		} else {
			run = 1
		}
		most = max(most, run)
	}
	return most
}

// speakerLabel returns the length of the speaker label (above) that text
// opens with, colon and space included, or 0.
func speakerLabel(text string) int {
	if n := questionLabel(text); n > 0 {
		return n
	}
	colon := strings.IndexByte(text[:min(len(text), maxSpeakerLabel+1)], ':')
	if colon <= 0 || colon+2 >= len(text) || text[colon+1] != ' ' || !labelWords(text[:colon]) {
		return 0
	}
	return colon + 2
}

// questionLabel returns the length of the "Q " or "Q. " that opens a
// question of a press briefing's transcript ("Q Can you describe ...?"),
// the question's first letter a capital, or 0.
func questionLabel(text string) int {
	n := 0
	switch {
	case strings.HasPrefix(text, "Q "):
		n = 2
	case strings.HasPrefix(text, "Q. "):
		n = 3
	default:
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(text[n:]); !unicode.IsUpper(r) {
		return 0
	}
	return n
}

// labelAlone reports whether text is a speaker label and nothing else:
// the turn's text is on the lines after it.
func labelAlone(text string) bool {
	n := len(text)
	return n >= 2 && n <= maxSpeakerLabel+1 && text[n-1] == ':' && labelWords(text[:n-1])
}

// labelWords reports whether s is one to four label words (labelWord)
// separated by single spaces.
func labelWords(s string) bool {
	for words := 1; ; words++ {
		w, rest, more := strings.Cut(s, " ")
		if words > 4 || !labelWord(w) && (words == 1 || more || !digits(w)) {
			return false // a number may end it: "Speaker 1"
		}
		if !more {
			return true
		}
		s = rest
	}
}

// digits reports whether w is a number of one to three digits.
func digits(w string) bool {
	if w == "" || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) {
			return false
		}
	}
	return true
}

// labelWord reports whether w is a word of a speaker label: letters, with
// '.', '\” or '-' after the first, the first upper case.
func labelWord(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w[n:] {
		if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '-' && r != '’' {
			return false
		}
	}
	return true
}

// isTranscript reports whether at least minSpeakerTurns lines of src open
// with a speaker label (after any indentation and quote markers), one label
// on two of them or more: then a line that opens with a label and follows
// the end of a sentence starts a paragraph, a turn of its own, even when
// the turns are not separated by blank lines.
func isTranscript(src string, md bool) bool {
	var seen [16]string // the first labels met: a transcript repeats one early
	turns := 0
	repeated := false
	for pos := 0; pos < len(src); {
		start, end, next := nextLine(src, pos)
		pos = next
		l := lineContent(src, start, end, -1, md)
		t := src[l.cs:l.ce]
		n := speakerLabel(t)
		if n == 0 {
			continue
		}
		repeated = repeated || slices.Contains(seen[:min(turns, len(seen))], t[:n])
		if turns < len(seen) {
			seen[turns] = t[:n]
		}
		turns++
		if turns >= minSpeakerTurns && repeated {
			return true
		}
	}
	return false
}

// dropSpeakers takes the speaker labels that open at least minSpeakerTurns
// of s.units out of their Text, and out of their span where the source
// has the label verbatim at the unit's start.
func (s *splitter) dropSpeakers() {
	if len(s.units) < minSpeakerTurns {
		return
	}
	// Only a unit that opens a paragraph unit may open with a label, so
	// that both modes drop the same labels: a sentence inside a
	// paragraph ("... Relations: ! China: ...") is no turn. (s.opens may
	// name a unit twice, after a piece that made none, and one past the
	// last at the end.)
	opens := slices.Compact(s.opens)
	for len(opens) > 0 && int(opens[len(opens)-1]) >= len(s.units) {
		opens = opens[:len(opens)-1]
	}
	var labels []string // of the units that open with one, sorted
	for _, i := range opens {
		t := s.units[i].Text
		if n := speakerLabel(t); n > 0 {
			labels = append(labels, t[:n-1])
		} else if labelAlone(t) {
			labels = append(labels, t)
		}
	}
	if len(labels) < minSpeakerTurns {
		return
	}
	slices.Sort(labels)
	if len(labels)*speakerShare < len(opens) && mostTurns(labels) < speakerTurns {
		return // labels incidental to the document
	}
	repeated := func(label string) bool {
		i, _ := slices.BinarySearch(labels, label)
		return i+1 < len(labels) && labels[i+1] == label
	}
	for _, i := range opens {
		u := &s.units[i]
		n := speakerLabel(u.Text)
		if n == 0 || !repeated(u.Text[:n-1]) {
			continue
		}
		label := u.Text[:n-1] // without the space: the source may break the line there
		u.Text = u.Text[n:]
		if !strings.HasPrefix(s.src[u.Start:u.End], label) {
			continue // markup around the label ("**Q:**"): the span keeps it
		}
		p := u.Start + len(label)
		for p < u.End && (s.src[p] == ' ' || s.src[p] == '\t' || s.src[p] == '\n' || s.src[p] == '\r') {
			p++
		}
		if p < u.End {
			u.Line += strings.Count(s.src[u.Start:p], "\n")
			u.Start = p
		}
	}
}
