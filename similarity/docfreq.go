package similarity

// DocFreq counts, for each term id, the number of documents (units) it occurs
// in: DF[t] is the document frequency of term t (terms past the end of DF
// have frequency 0) and N is the number of documents added.
//
// Term ids are meant to be dense, as a Vocabulary gives them: DF holds one
// counter for every id up to the largest seen.
//
// Build one DocFreq per goroutine and Merge them: a DocFreq is not safe for
// concurrent use. Its counts do not depend on the order documents are added
// or merged in.
type DocFreq struct {
	N  int
	DF []uint32

	// seen[t] is the stamp (N after the increment) of the last Add that
	// counted t, so a term repeated within one document counts once
	// without sorting or allocating. N only grows, so stamps are unique.
	seen []uint32
}

// Add counts the terms of one document: each distinct term once, however
// often it repeats. A document with no terms still counts in N.
func (d *DocFreq) Add(terms []uint32) {
	d.N++
	stamp := uint32(d.N)
	for _, t := range terms {
		if int(t) >= len(d.seen) {
			d.grow(int(t) + 1)
		}
		if d.seen[t] == stamp {
			continue
		}
		d.seen[t] = stamp
		d.DF[t]++
	}
}

// grow extends DF and seen to at least n entries (amortised), and seen to
// the length of DF for a DocFreq built as a literal.
func (d *DocFreq) grow(n int) {
	c := max(n, 2*len(d.seen), len(d.DF), 64)
	if len(d.DF) < c {
		df := make([]uint32, c)
		copy(df, d.DF)
		d.DF = df
	}
	seen := make([]uint32, c)
	copy(seen, d.seen)
	d.seen = seen
}

// Merge adds the counts of o to d, as if o's documents had been added to d.
func (d *DocFreq) Merge(o *DocFreq) {
	if len(o.DF) > len(d.DF) {
		d.grow(len(o.DF))
	}
	for t, n := range o.DF {
		d.DF[t] += n
	}
	d.N += o.N
}

// Freq returns the document frequency of term t (0 when unseen).
func (d *DocFreq) Freq(t uint32) int {
	if d == nil || int(t) >= len(d.DF) {
		return 0
	}
	return int(d.DF[t])
}
