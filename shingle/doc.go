// Package shingle turns text into what near-duplicate detection compares:
// normalised tokens, content terms (stop words dropped, snowball stems), sets
// of hashed word and character shingles, and MinHash signatures of those
// sets.
//
// # Pipeline
//
//	text --Normalize--> normal form --Analyzer.Tokens--> []Token (spans into text)
//	                                 --Analyzer.Terms---> []string (content terms)
//	terms --WordShingles--> sorted []uint64 --MinHasher.Sign--> signature
//	text  --CharShingles--> sorted []uint64 --MinHasher.Sign--> signature
//	two signatures --EstimateJaccard--> Jaccard estimate
//
// # Normalisation and offsets
//
// Normalize is NFKC, case folding, and the folding of typographic quotes,
// dashes and spaces to ASCII, so "China’s" and "China's", "ﬁnd" and "find",
// "Ｆｕｌｌ" and "full" compare equal. It works segment by segment (a
// starter and its combining marks); the tokeniser keeps a map from its normal
// form back to the original segments (an anchor only where a segment changes
// length), so a Token's Start and End are byte offsets into the caller's text
// even where normalisation changed lengths. ASCII text skips all of this.
//
// # Tokens
//
// A token is a run of letters and digits; see Analyzer.Tokens for the rules
// on hyphens, apostrophes, abbreviations and numbers. URLs and e-mail
// addresses are not special: they become their words ("www", "scmp", "com"),
// which is what matters for comparing prose, and keeps the tokeniser one
// simple loop. Numbers keep a canonical Term ("12,000" -> "12000", "2.50" ->
// "2.5") so that formatting differences do not hide equal facts.
//
// # Stemming and the word cache
//
// Terms are github.com/kljensen/snowball stems. Stemming costs about a
// microsecond and several allocations per word, several times the cost of
// the rest of the analysis, so an Analyzer keeps a bounded, lock-free,
// set-associative cache from normal form to (term, stop word); with it
// Analyzer.Terms allocates nothing per term once the vocabulary is warm. The
// cache never changes a result, only its cost.
//
// # Shingles and hashing
//
// Hash64 is wyhash 4.1 (Wang Yi), seeded and deterministic across processes
// and platforms, unlike hash/maphash. WordShingles hashes every run of k
// consecutive terms, CharShingles every run of k runes of the normal form;
// both return sorted sets of distinct hashes, so Jaccard similarity and
// containment are merges of two sorted slices.
//
// # MinHash
//
// MinHasher implements Broder's MinHash (1997): n permutations of the 64-bit
// hashes, the minimum of each over a set, and EstimateJaccard's share of
// equal slots as an unbiased estimate of the Jaccard similarity with standard
// deviation sqrt(J(1-J)/n). See MinHasher for the permutation family and its
// cost.
package shingle

// Version identifies what this package computes: it changes whenever a change
// to Normalize, tokenisation, stop words, stemming, Hash64, the shingle hashes
// or the MinHash permutations would change a Term or a hash for the same
// input and options. Persistent indexes record it and refuse a mismatch.
const Version = 1
