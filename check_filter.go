package neardup

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/neardup/neardup/corpus"
	"github.com/neardup/neardup/score"
)

// quotePairs maps each opening quotation mark to the marks that close it:
// English and German double quotes, guillemets either way round, and
// straight double quotes. Single quotes are handled apart (they double as
// apostrophes).
var quotePairs = map[rune]string{
	'"':  `"`,
	'“':  "”“",
	'„':  "“”",
	'«':  "»",
	'»':  "«",
	'‘':  "’",
	'\'': "'",
}

// maskQuotes removes the text inside quotation marks, marks included,
// leaving a space in its place. A quote that is not closed in the text is
// left alone. Single quotes (‘ ' ) open a quote only at the start of a
// word and close only at the end of one, so that apostrophes ("don't",
// "the Governments’ ") do not.
func maskQuotes(text string) string {
	if !strings.ContainsAny(text, "\"“„«»‘'") {
		return text
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		closers, ok := quotePairs[r]
		if !ok || (isSingle(r) && !wordStart(text, i)) {
			i += n
			continue
		}
		end := closeQuote(text, i+n, closers, isSingle(r))
		if end < 0 {
			i += n
			continue
		}
		b.WriteString(text[last:i])
		b.WriteByte(' ')
		i, last = end, end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

func isSingle(r rune) bool { return r == '‘' || r == '\'' }

// closeQuote returns the offset just past the mark that closes a quote
// whose text starts at i, or -1.
func closeQuote(text string, i int, closers string, single bool) int {
	for j := i; j < len(text); {
		r, n := utf8.DecodeRuneInString(text[j:])
		if strings.ContainsRune(closers, r) && (!single || wordEnd(text, j+n)) {
			return j + n
		}
		j += n
	}
	return -1
}

// wordStart reports whether the mark at i is not preceded by a letter or
// digit.
func wordStart(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return i == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// wordEnd reports whether the text at i does not continue a word.
func wordEnd(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i >= len(text) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// dropBoilerplate marks the draft units that duplicate a unit of the
// boilerplate documents as skipped. Frequencies come from the scorer's
// background table alone: boilerplate is matched on wording, not on what
// the archive makes rare. It stops with ctx.Err() once ctx is done.
func (c *checker) dropBoilerplate(ctx context.Context, docs []corpus.Document) error {
	var bp []*score.Unit
	for i := range docs {
		us, _ := c.ix.analyze(&docs[i], false)
		for _, a := range us {
			if a.su != nil && len(a.su.Terms()) > 0 {
				bp = append(bp, a.su)
			}
		}
	}
	if len(bp) == 0 {
		return nil
	}
	corp := c.ix.scorer.CorpusOf(0, nil)
	var units []*analysed
	for i := range c.drafts {
		for j := range c.drafts[i].units {
			if a := &c.drafts[i].units[j]; a.su != nil && !a.skip {
				units = append(units, a)
			}
		}
	}
	return forEachCtx(ctx, len(units), c.ix.opt.Workers, func(i int) {
		a := units[i]
		for _, b := range bp {
			if shareTerm(a.su.Terms(), b.Terms()) && c.ix.scorer.Score(corp, a.su, b).Kind == score.Duplicate {
				a.skip = true
				return
			}
		}
	})
}
