package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence splitting works on a unit's clean text, where white space is
// already single spaces. A sentence ends after a run of . ! ? or … and any
// closing quotes and brackets, when a space and a sentence start follow:
// an upper-case or uncased letter, a digit, an opening quote or bracket, or
// a currency sign. CJK full stops (。！？) end a sentence with no space.
// A single '.' does not end a sentence after an abbreviation:
//
//   - a single letter: initials ("Wong, L. (2023)", "J. R. R. Tolkien");
//   - a word with inner dots whose parts are one or two letters ("U.S.",
//     "e.g.", "i.e.", "Ph.D.", "a.m.");
//   - a known abbreviation (see abbreviation): titles (Mr. Dr. St.),
//     months (Jan.-Dec.), "vs.", "etc.", company suffixes (Inc. Co.
//     Corp. Ltd.) and others. Those that often end a sentence (etc., Inc.,
//     Co., Corp., Ltd., Jr.), and the dotted ones ("U.S.", "p.m."), do end
//     it when the next word is a common sentence opener ("The", "It",
//     "In", ...; see opener); those that are common words too ("no.",
//     "art.", "sec.", "vol.") only stand for an abbreviation before a
//     number ("No. 5").
//
// Decimals (2.5, $1.8), URLs, e-mail addresses and "U.S.-China" have no
// space after the dot and are never cut; an ellipsis followed by a
// lower-case word continues the sentence.

// sentenceEnd returns the end of the sentence of text[a:b] that starts at
// a: the position after its closing punctuation, or b.
func sentenceEnd(text string, a, b int) int {
	for i := a; i < b; {
		if i = nextStop(text, i, b); i == b {
			break
		}
		c := text[i]
		if byteClass[c]&classStop == 0 {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[i:b])
			switch r {
			case '。', '！', '？':
				e := closers(text, i+size, b)
				if e < b {
					return e
				}
				return b
			case '…':
			default:
				i += size
				continue
			}
		}
		// A run of terminal punctuation.
		j := i
		dots := 0
		for j < b {
			if text[j] == '.' || text[j] == '!' || text[j] == '?' {
				if text[j] == '.' {
					dots++
				}
				j++
				continue
			}
			if strings.HasPrefix(text[j:b], "…") {
				dots += 2
				j += len("…")
				continue
			}
			break
		}
		k := closers(text, j, b)
		if k >= b {
			return b
		}
		if text[k] != ' ' || !starter(text[k+1:b]) {
			i = k
			continue
		}
		if dots == 1 && j-i == 1 && abbreviation(text[wordStart(text, a, i):i], text[k+1:b]) {
			i = k
			continue
		}
		return k
	}
	return b
}

// nextStop returns the first i' >= i where text[i'] may be sentence
// punctuation (a '.', '!', '?' or a byte >= 0x80), or b. It skips eight
// bytes at a time (SWAR) where none is.
func nextStop(text string, i, b int) int {
	const (
		lo7  = 0x7f7f7f7f7f7f7f7f
		hi   = 0x8080808080808080
		dots = 0x2e2e2e2e2e2e2e2e
		bang = 0x2121212121212121
		ques = 0x3f3f3f3f3f3f3f3f
	)
	for i+8 <= b {
		w := load64(text, i)
		// zero(x) has bit 7 set in each byte of x that is 0 (for x < 0x80).
		zero := func(x uint64) uint64 { return ^(((x & lo7) + lo7) | x | lo7) }
		if w&hi != 0 || zero(w^dots)|zero(w^bang)|zero(w^ques) != 0 {
			break
		}
		i += 8
	}
	return i
}

// closers skips closing quotes and brackets from i.
func closers(text string, i, b int) int {
	for i < b {
		r, size := utf8.DecodeRuneInString(text[i:b])
		switch r {
		case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '」', '』', '）':
			i += size
			continue
		}
		return i
	}
	return i
}

// starter reports whether s starts like a sentence.
func starter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '"', '\'', '“', '‘', '«', '(', '[', '¿', '¡', '$', '£', '€', '¥':
		return true
	}
	if unicode.IsDigit(r) || unicode.IsUpper(r) || unicode.IsTitle(r) {
		return true
	}
	return unicode.IsLetter(r) && !unicode.IsLower(r) // uncased scripts
}

// wordStart returns the start of the word ending at i: after the last
// space, and after opening quotes and brackets.
func wordStart(text string, a, i int) int {
	w := strings.LastIndexByte(text[a:i], ' ') + a + 1
	for w < i {
		r, size := utf8.DecodeRuneInString(text[w:i])
		switch r {
		case '"', '\'', '(', '[', '“', '‘', '«':
			w += size
			continue
		}
		break
	}
	return w
}

// abbreviation reports whether the '.' after word is an abbreviation's
// (and so does not end a sentence) when next follows.
func abbreviation(word, next string) bool {
	if word == "" {
		return false
	}
	if r, size := utf8.DecodeRuneInString(word); size == len(word) {
		return unicode.IsLetter(r) // an initial
	}
	if strings.IndexByte(word, '.') > 0 {
		// U.S, e.g, i.e, Ph.D, a.m: every part one or two letters. They
		// end a sentence too ("at 5 p.m. The staff went home", "in the
		// U.S. The bill"), when a common sentence opener follows; "e.g."
		// and "i.e." introduce what follows and never do.
		for part := range strings.SplitSeq(word, ".") {
			if n := utf8.RuneCountInString(part); n == 0 || n > 2 {
				return false
			}
			for _, r := range part {
				if !unicode.IsLetter(r) {
					return false
				}
			}
		}
		switch strings.ToLower(word) {
		case "e.g", "i.e":
			return true
		}
		return !opener(next)
	}
	kind := knownAbbreviation(word)
	if kind == abbrevNone && isUpperWord(word) && len(word) <= 6 {
		var buf [6]byte
		n := copy(buf[:], word)
		for i := 1; i < n; i++ {
			buf[i] += 'a' - 'A'
		}
		kind = knownAbbreviation(string(buf[:n]))
	}
	switch kind {
	case abbrevAlways:
		return true
	case abbrevFinal:
		return !opener(next)
	case abbrevNumber:
		return next != "" && next[0] >= '0' && next[0] <= '9' || roman(next)
	}
	return false
}

// roman reports whether s opens with a Roman numeral of two letters or
// more, or "V" or "X", as a word ("Vol. II", "Art. IV", "Ch. XII"). A lone
// "I" is left out: "The answer was no. I left." is two sentences.
func roman(s string) bool {
	n := 0
	for n < len(s) && strings.IndexByte("IVXLCDM", s[n]) >= 0 {
		n++
	}
	if n == 0 || n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z') {
		return false
	}
	return n >= 2 || s[0] != 'I'
}

// Kinds of known abbreviations.
const (
	abbrevNone   = iota
	abbrevAlways // never ends a sentence: titles, months ("Mr.", "Jan.")
	abbrevFinal  // often ends one: ends it before a sentence opener ("Inc. The")
	abbrevNumber // also a common word: an abbreviation before a number only ("No. 5", "art. 3"; "the answer was no.")
)

// knownAbbreviation looks word up and returns its kind.
func knownAbbreviation(word string) int {
	switch word {
	case "etc", "Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "Bros", "Plc", "al":
		return abbrevFinal
	case "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "St", "Mt", "Ft",
		"Gen", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Capt", "Col", "Lt", "Sgt",
		"Cmdr", "Adm", "Maj", "Insp", "Supt", "Fr", "Esq",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"vs", "Vs", "v", "cf", "Cf", "approx", "viz", "ibid",
		"Dept", "Univ", "Assn", "Ave", "Blvd", "Rd", "Sq", "Mss":
		return abbrevAlways
	case "No", "Nos", "no", "nos", "ca", "Fig", "fig", "Figs", "figs", "Vol", "vol", "Vols", "vols",
		"Ch", "ch", "Sec", "sec", "Art", "art", "pp", "Pp", "ed", "eds", "est", "Est",
		"Op", "op", "Nr", "nr", "Tel", "tel":
		return abbrevNumber
	}
	return abbrevNone
}

// opener reports whether s starts with a word that commonly opens a sentence,
// followed by a space.
func opener(s string) bool {
	w := s
	if i := strings.IndexByte(s, ' '); i >= 0 {
		w = s[:i]
	}
	switch w {
	case "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They",
		"We", "I", "In", "On", "At", "For", "But", "And", "A", "An", "As", "If",
		"When", "While", "After", "However", "There", "His", "Her", "Their", "Our":
		return true
	}
	return false
}

func isUpperWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Abbreviation reports whether a '.' right after word is an abbreviation's
// and so does not end a sentence when the word next follows: an initial,
// a dotted abbreviation ("U.S", "e.g"), or a known one (titles, months,
// "No", "vs", company suffixes; those that often end a sentence, such as
// "Inc" and "etc", only when next is not a common sentence opener).
func Abbreviation(word, next string) bool { return abbreviation(word, next) }
