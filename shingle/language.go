package shingle

import (
	"errors"
	"fmt"
	"strings"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// ErrLanguage is returned, wrapped, by NewAnalyzer for a language it does not
// know.
var ErrLanguage = errors.New("unknown language")

// Languages lists the names Options.Language accepts, sorted: every language
// of github.com/kljensen/snowball, and "none" (no stemming, no stop words).
// ISO 639-1 codes (en, es, fr, hu, no, nb, ru, sv) are accepted as aliases.
func Languages() []string {
	return []string{"english", "french", "hungarian", "none", "norwegian", "russian", "spanish", "swedish"}
}

// language is what the analyser needs to know about a language.
type language struct {
	name string
	// stem is snowball's Stem(word, stemStopWords) for the language; nil for
	// "none".
	stem func(string, bool) string
	// stop reports a stop word; nil for "none".
	stop func(string) bool
	// elision splits French elided articles and pronouns ("l'", "qu'") from
	// the word they are attached to.
	elision bool
	// keepS reports the words ending in "'s" that are contractions, not
	// possessives ("it's", "let's"): they are kept whole.
	keepS func([]byte) bool
}

// ValidLanguage reports whether NewAnalyzer accepts the language name.
func ValidLanguage(name string) bool {
	_, err := lookupLanguage(name)
	return err == nil
}

// lookupLanguage returns the language called name (case-insensitive; ISO
// 639-1 codes accepted; "" is english).
func lookupLanguage(name string) (language, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "english", "en":
		return language{name: "english", stem: english.Stem, stop: englishStop, keepS: englishKeepS}, nil
	case "french", "fr":
		return language{name: "french", stem: french.Stem, stop: french.IsStopWord, elision: true}, nil
	case "hungarian", "hu":
		return language{name: "hungarian", stem: hungarian.Stem, stop: hungarian.IsStopWord}, nil
	case "norwegian", "no", "nb":
		return language{name: "norwegian", stem: norwegian.Stem, stop: norwegian.IsStopWord}, nil
	case "russian", "ru":
		return language{name: "russian", stem: russian.Stem, stop: russian.IsStopWord}, nil
	case "spanish", "es":
		return language{name: "spanish", stem: spanish.Stem, stop: spanish.IsStopWord}, nil
	case "swedish", "sv":
		return language{name: "swedish", stem: swedish.Stem, stop: swedish.IsStopWord}, nil
	case "none":
		return language{name: "none"}, nil
	}
	return language{}, fmt.Errorf("shingle: %w %q (supported: %s)", ErrLanguage, name, strings.Join(Languages(), ", "))
}

// englishStop reports snowball's English stop words and the contracted forms
// of them ("don't", "it's", "we'll"), which snowball's list, made for
// tokenisers that split at apostrophes, spells as "don", "s", "t".
func englishStop(w string) bool {
	return english.IsStopWord(w) || englishContraction(w)
}

// englishKeepS reports the English contractions ending in "'s" that must not
// lose it as a possessive would.
func englishKeepS(w []byte) bool {
	switch string(w) {
	case "it's", "he's", "she's", "that's", "what's", "there's", "here's",
		"who's", "where's", "when's", "why's", "how's", "let's":
		return true
	}
	return false
}

// englishContraction reports contracted English function words.
func englishContraction(w string) bool {
	switch w {
	case "it's", "he's", "she's", "that's", "what's", "there's", "here's",
		"who's", "where's", "when's", "why's", "how's", "let's",
		"don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
		"hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't",
		"shouldn't", "mustn't", "mightn't", "needn't", "shan't", "ain't",
		"i'm", "you're", "we're", "they're",
		"i've", "you've", "we've", "they've", "could've", "should've", "would've", "might've", "must've",
		"i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "it'd", "that'd", "who'd",
		"i'll", "you'll", "he'll", "she'll", "we'll", "they'll", "it'll", "that'll", "who'll":
		return true
	}
	return false
}

// frenchElision reports the French words that elide before a vowel and are
// written joined to the next word by an apostrophe: l'état, qu'il, jusqu'à.
func frenchElision(w []byte) bool {
	switch string(w) {
	case "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu":
		return true
	}
	return false
}
