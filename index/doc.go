// Package index generates candidate pairs of similar units without comparing
// every unit with every other:
//
//   - AllPairs finds every pair of TF-IDF vectors whose cosine reaches a
//     threshold, exactly, with an inverted index pruned by prefix filtering
//     (Bayardo, Ma & Srikant 2007; Anastasiu & Karypis 2014): the paraphrase
//     candidates.
//   - LSH bands MinHash signatures (Indyk & Motwani 1998; Broder 1997) and
//     pairs the units that share a band: the copy and near-copy candidates.
//   - SentencePairs pairs the multi-sentence units that say two of their
//     sentences alike (keys made of the rarest words of two sentences),
//     never those that share just one: the rewording candidates of large
//     corpora, where chance shared sentences make every one-sentence index
//     grow with the square of the corpus.
//
// All take plain values (vectors from package similarity, flat signature
// and term slices) and return pairs of dense unit ids sorted by (A, B), the
// same whatever the number of goroutines.
package index
