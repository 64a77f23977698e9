// Package neardup finds near-duplicate and paraphrased paragraphs and
// sentences, within one article and across many, clusters them, and reports
// them. It wires the stage packages (corpus, shingle, similarity, index,
// cluster) and owns concurrency; the CLI in cmd/neardup and scrapers call it.
package neardup
