package score

// Fingerprint returns a hash of the unit's whole normalised token sequence,
// stop words included: two units have the same fingerprint when their
// wording is the same up to case, punctuation and spacing. Scan uses it to
// find text repeated verbatim (boilerplate).
func (u *Unit) Fingerprint() uint64 { return u.seqHash }

// ContentWords returns the number of distinct content words of the unit:
// stemmed terms that are neither stop words nor numbers. "Shr 69 cts vs 63
// cts" has three (shr, ct, vs). Scan and check require DefaultMinWords of
// them before a unit is reported.
func (u *Unit) ContentWords() int { return int(u.words) }
