package score

import "slices"

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
