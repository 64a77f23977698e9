package score

// Fingerprint returns a hash of the unit's whole normalised token sequence,
// stop words included, as stemmed terms: two units have the same
// fingerprint when their wording is the same up to case, punctuation,
// spacing, the word endings the stemmer removes and how a number is
// written (12,000 / 12000, two / 2). Scan uses it to find text repeated
// verbatim (boilerplate).
func (u *Unit) Fingerprint() uint64 { return u.seqHash }

// ContentWords returns the number of distinct content words of the unit:
// stemmed terms that are neither stop words nor numbers written in digits.
// "Shr 69 cts vs 63 cts" has three (shr, ct, vs); "Port strike ends after
// three weeks" five. Scan and check require DefaultMinWords of
// them before a unit is reported.
func (u *Unit) ContentWords() int { return int(u.words) }
