package score

import (
	"slices"

	"github.com/neardup/neardup/similarity"
)

// Fingerprint returns a hash of the unit's whole normalised token sequence,
// stop words included, as stemmed terms: two units have the same
// fingerprint when their wording is the same up to case, punctuation,
// spacing, the word endings the stemmer removes and how a number is
// written (12,000 / 12000, two / 2). Scan uses it to find text repeated
// verbatim (boilerplate).
func (u *Unit) Fingerprint() uint64 { return u.seqHash }

// TemplateFingerprint is Fingerprint with every number written in digits
// read as one and the same word: "Page 6 Volume 6, Number 10" and "Page 38
// Volume 6, Number 10" have one template fingerprint, and different
// fingerprints. Scan uses it to find running headers and footers.
func (u *Unit) TemplateFingerprint() uint64 { return u.tmpHash }

// ContentWords returns the number of distinct content words of the unit:
// stemmed terms that are neither stop words nor numbers written in digits.
// "Shr 69 cts vs 63 cts" has three (shr, ct, vs); "Port strike ends after
// three weeks" five. Scan and check require DefaultMinWords of
// them before a unit is reported.
func (u *Unit) ContentWords() int { return int(u.words) }

// Figures returns how many of the unit's content tokens are numbers
// (digits, number words, amounts: what the scorer reads as numbers) and
// how many content tokens it has, numbers included.
func (u *Unit) Figures() (numbers, content int) {
	nums := u.numbers()
	if len(nums) == 0 {
		return 0, u.Words()
	}
	for i, c := range u.appendCounts(make([]uint16, 0, 64)) {
		content += int(c)
		if _, ok := slices.BinarySearch(nums, u.terms()[i]); ok {
			numbers += int(c)
		}
	}
	return numbers, content
}

// Frame returns a hash of the unit's wording with its facts left out, and
// how many words the wording has: the content terms in order (stop words
// skipped), each run of numbers and names (as the scorer reads them:
// digits, number words and amounts; capitalised words inside a sentence)
// one and the same slot. "Shr 12 cts vs 10 cts" and "Shr nine cts vs 11
// cts" have one frame of four words (shr, ct, vs, ct); "The Bank of
// England said it provided 240 mln stg" and "The Bank of Japan said it
// provided 95 mln stg" one of three (say, provide, stg). Scan uses it to
// find templated statements: a frame filled with other facts in many
// units.
func (u *Unit) Frame() (hash uint64, words int) { return u.frmHash, int(u.frmLen) }

// FactsDiffer reports whether two units give other facts: a number of one
// is not a number of the other (numbers compared as the scorer reads them:
// "two" = "2", "$25 million" one amount), or fewer than half of their
// names (capitalised words inside a sentence) are words of the other. A
// name more or less is not another fact: a copy with its agency's credit
// ("WASHINGTON (Reuters) - The Senate on Tuesday ..." / "WASHINGTON (AP)
// - ..."), a title or a company's legal form ("Prime Minister Theresa
// May" / "Theresa May", "Harbor Mills Inc" / "Harbor Mills").
func FactsDiffer(a, b *Unit) bool {
	an, bn := a.numbers(), b.numbers()
	if in := similarity.Intersect(an, bn); in < len(an) || in < len(bn) {
		return true
	}
	na, ma := a.nameFacts(b)
	nb, mb := b.nameFacts(a)
	return 2*(ma+mb) < na+nb
}

// OtherNumbers reports whether each of two units gives a number the
// other does not (numbers as FactsDiffer reads them): "profit rose to 12
// million dollars from 9 million" and "profit of 31 million dollars, up
// from 27 million" do; "profit rose 12 pct" and "profit rose 12 pct to 40
// mln dlrs" do not (one adds a figure, the other gives none of its own).
func OtherNumbers(a, b *Unit) bool {
	an, bn := a.numbers(), b.numbers()
	in := similarity.Intersect(an, bn)
	return in < len(an) && in < len(bn)
}

// SharedNumber reports whether a and b share a number (as FactsDiffer
// reads them) for which rare, given the number's term id (a Corpus's
// DocFreq reads it), returns true.
func SharedNumber(a, b *Unit, rare func(term uint32) bool) bool {
	bn := b.numbers()
	for _, n := range a.numbers() {
		if _, ok := slices.BinarySearch(bn, n); ok && rare(n) {
			return true
		}
	}
	return false
}

// NumbersKey returns a hash of the set of numbers the unit gives (as
// FactsDiffer reads them): units giving the same numbers, in any order
// and however written, have one key. Scan counts the other figures a
// statement is restated with by their keys.
func (u *Unit) NumbersKey() uint64 {
	h := uint64(termSeed)
	for _, n := range u.numbers() {
		h = (h ^ uint64(n)) * 0x100000001b3
	}
	return h
}

// FactsKey returns a hash of the facts the unit gives (its numbers and
// names, as FactsDiffer reads them): near-copies of one statement that
// differ in a stop word or a word ending have one key, and fill a Frame
// the same way. Scan counts a frame's fillings by their keys.
func (u *Unit) FactsKey() uint64 {
	h := u.NumbersKey()
	for _, n := range u.names() {
		h = (h ^ uint64(n)) * 0x100000001b3
	}
	return (h ^ uint64(u.lead)) * 0x100000001b3
}

// nameFacts returns how many names u gives (names(), and the word the
// frame reads as a name that they leave out: "Harbor" of "Harbor Mills
// said", "Smith" of "Mr. Smith") and how many of them are words of o.
func (u *Unit) nameFacts(o *Unit) (n, matched int) {
	n = len(u.names())
	matched = n - missing(u.names(), o.terms())
	if u.lead != 0 && !slices.Contains(u.names(), u.lead) {
		n++
		if _, ok := slices.BinarySearch(o.terms(), u.lead); ok {
			matched++
		}
	}
	return n, matched
}
