package score

// Fingerprint returns a hash of the unit's whole normalised token sequence,
// stop words included: two units have the same fingerprint when their
// wording is the same up to case, punctuation and spacing. Scan uses it to
// find text repeated verbatim (boilerplate).
func (u *Unit) Fingerprint() uint64 { return u.seqHash }
