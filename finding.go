package neardup

// Finding is one unit of a draft that duplicates or paraphrases text already
// in an archive (or, with a within-draft scope, another unit of the draft).
type Finding struct {
	Kind Kind // Duplicate or Paraphrase
	Scores
	Draft Unit // the draft's unit, located in the draft
	Match Unit // the matching unit, located in its archive document (Doc is the id it was added under)
}

// CheckStats summarises a check.
type CheckStats struct {
	Documents  int `json:"documents"`       // draft documents checked
	Units      int `json:"units"`           // draft units checked
	References int `json:"reference_units"` // draft units of lists of sources or links, not checked
	Code       int `json:"code_blocks"`     // draft blocks of source code or encoded data, in no unit (corpus.SkipCode)
	Metadata   int `json:"metadata_blocks"` // draft message headers, attribution lines and front matter, in no unit (corpus.SkipMetadata)
	Candidates int `json:"candidates"`      // archive units scored
	Findings   int `json:"findings"`
	// Errors counts the inputs that could not be read (drafts, and the
	// articles or boilerplate they are checked against), so that a report
	// says the check is incomplete. Check does not read files: the caller
	// that does sets it, as the command line does.
	Errors int `json:"errors"`
}

// CheckResult is what a check returns: the findings, ordered by draft
// document, draft unit, then descending score and match location.
type CheckResult struct {
	Findings []Finding
	Stats    CheckStats
}
