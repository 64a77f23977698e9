package shingle

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// DefaultCacheSize is the number of word analyses an Analyzer caches when
// Options.CacheSize is zero: about 5 MB, enough for the working vocabulary
// of a large English corpus.
const DefaultCacheSize = 1 << 16

// Options configures an Analyzer. The zero value is valid: english, stop
// words dropped from Terms, stemming on, the default cache.
type Options struct {
	// Language is the snowball language (default "english"): one of
	// Languages(), case-insensitive, or its ISO 639-1 code. "none" means no
	// stemming and no stop words.
	Language string
	// KeepStopWords keeps stop words in Terms (default: they are dropped,
	// using snowball's list for the language, plus English contractions).
	KeepStopWords bool
	// NoStem turns stemming off: Term == Norm (numbers still get their
	// canonical Term).
	NoStem bool
	// CacheSize bounds the number of distinct words whose analysis is cached
	// (default DefaultCacheSize); negative turns the cache off.
	CacheSize int
}

// Token is one token of a text.
type Token struct {
	Start, End int    // byte span of the token in the original text
	Norm       string // normal surface form: Normalize, possessive 's dropped, abbreviation dots dropped
	Term       string // the stem of Norm (Norm itself when not stemmed); the canonical number for numbers
	Stop       bool   // a stop word of the language
	Number     bool   // a number: digits with '.' or ',' between them
}

// Analyzer turns text into tokens and terms. It is immutable after
// construction apart from its word cache, and safe for concurrent use by many
// goroutines.
type Analyzer struct {
	lang     language
	keepStop bool
	noStem   bool
	cache    *wordCache // nil: no cache
	scanners sync.Pool  // of *scanner, with their buffers
}

// NewAnalyzer returns an Analyzer for opt. It fails, with an error wrapping
// ErrLanguage, on an unknown language.
func NewAnalyzer(opt Options) (*Analyzer, error) {
	lang, err := lookupLanguage(opt.Language)
	if err != nil {
		return nil, err
	}
	a := &Analyzer{lang: lang, keepStop: opt.KeepStopWords, noStem: opt.NoStem || lang.stem == nil}
	switch {
	case opt.CacheSize == 0:
		a.cache = newWordCache(DefaultCacheSize)
	case opt.CacheSize > 0:
		a.cache = newWordCache(opt.CacheSize)
	}
	a.scanners.New = func() any { return new(scanner) }
	return a, nil
}

// Language returns the analyser's language, by its full name ("english").
func (a *Analyzer) Language() string { return a.lang.name }

// Tokens appends the tokens of text to dst, in order, stop words included,
// and returns the extended slice; pass dst[:0] to reuse its storage.
//
// Tokens are runs of letters and digits of the normal form (Normalize).
// Hyphens, dashes, slashes and other punctuation separate them, so
// "China-Cambodia" is two tokens and a URL or e-mail address is a run of
// words ("https", "www", "scmp", "com"). An apostrophe between letters joins
// them ("don't", "o'clock"); a possessive "'s" is dropped ("China's" ->
// "china"; "countries'" ends at the apostrophe) except from English
// contractions ("it's", "let's"); in French an elided article or pronoun is a
// token of its own ("l'état" -> "l", "état"). Single letters with dots are one
// token without the dots ("U.S.-led" -> "us", "led"; "e.g." -> "eg"). Digits
// joined by '.' or ',' are one number ("12,000", "2.5"); currency signs and
// '%' are separators ("$12" -> "12", "40%" -> "40"). Each Han, Hiragana or
// Katakana rune is a token. Start and End locate every token in text itself,
// whatever normalisation did to byte lengths; tokens are in order and do not
// overlap. Texts longer than 2 GiB are cut at 2 GiB.
func (a *Analyzer) Tokens(text string, dst []Token) []Token {
	text = clip(text)
	sc := a.scan(text)
	defer a.release(sc)
	for sc.next() {
		start, end := sc.v.span(sc.ns, sc.ne)
		tok := Token{Start: start, End: end}
		if sc.number {
			tok.Number = true
			tok.Norm = sameOrString(text[start:end], sc.buf)
			tok.Term = numberTerm(tok.Norm, sc.buf)
		} else {
			e := a.word(sc.buf)
			tok.Norm, tok.Term, tok.Stop = e.norm, e.term, e.stop
		}
		dst = append(dst, tok)
	}
	return dst
}

// Terms appends the content terms of text to dst, in order, and returns the
// extended slice; pass dst[:0] to reuse its storage. The terms are the Term
// of every token of Tokens that is not a stop word (stop words too with
// Options.KeepStopWords). The strings are cached or substrings of text: a
// warm Analyzer allocates nothing per term, except for a number whose
// canonical form is not spelled in the text ("12,000" -> "12000").
func (a *Analyzer) Terms(text string, dst []string) []string {
	text = clip(text)
	sc := a.scan(text)
	defer a.release(sc)
	for sc.next() {
		if sc.number {
			start, end := sc.v.span(sc.ns, sc.ne)
			dst = append(dst, numberTerm(text[start:end], sc.buf))
			continue
		}
		e := a.word(sc.buf)
		if e.stop && !a.keepStop {
			continue
		}
		dst = append(dst, e.term)
	}
	return dst
}

// scan returns a pooled scanner over text.
func (a *Analyzer) scan(text string) *scanner {
	sc := a.scanners.Get().(*scanner)
	sc.reset(text, &a.lang)
	return sc
}

// release returns sc to the pool unless it grew large.
func (a *Analyzer) release(sc *scanner) {
	if cap(sc.v.b) <= 1<<20 {
		a.scanners.Put(sc)
	}
}

// word returns the analysis of the word w (normal form), from the cache when
// it can.
func (a *Analyzer) word(w []byte) *entry {
	if a.cache == nil || len(w) > maxCachedWord {
		return a.analyze(string(w), 0)
	}
	h := wyhash(w, 0)
	if e := a.cache.get(w, h); e != nil {
		return e
	}
	e := a.analyze(string(w), h)
	a.cache.put(e)
	return e
}

// analyze computes the entry of the word w.
func (a *Analyzer) analyze(w string, h uint64) *entry {
	e := &entry{hash: h, norm: w, term: w}
	if a.lang.stop != nil && a.lang.stop(w) {
		e.stop = true
		return e
	}
	if !a.noStem {
		if t := a.lang.stem(w, false); t != w {
			e.term = t
		}
	}
	return e
}

// numberTerm returns the canonical form of the number w, reusing orig (or a
// substring of it) when it spells the canonical form.
func numberTerm(orig string, w []byte) string {
	var arr [64]byte
	c := appendCanonicalNumber(arr[:0], w)
	if i := strings.Index(orig, string(c)); i >= 0 {
		return orig[i : i+len(c)]
	}
	return string(c)
}

// sameOrString returns orig when it equals w, else w as a new string.
func sameOrString(orig string, w []byte) string {
	if orig == string(w) {
		return orig
	}
	return string(w)
}

// clip cuts text to maxText bytes at a rune boundary.
func clip(text string) string {
	if len(text) <= maxText {
		return text
	}
	n := maxText
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return text[:n]
}
