package shingle

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kljensen/snowball"
)

// languageSentences is one real sentence per language (the seed article's
// line 5, translated) and its content terms as snowball stems them.
var languageSentences = []struct {
	lang, text string
	want       []string
}{
	{"english", "China's alliance with Cambodia serves as a pillar for its regional diplomacy, fostering harmony, growth, and mutual prosperity.",
		[]string{"china", "allianc", "cambodia", "serv", "pillar", "region", "diplomaci", "foster", "harmoni", "growth", "mutual", "prosper"}},
	{"french", "L\u2019alliance de la Chine avec le Cambodge sert de pilier \u00e0 sa diplomatie r\u00e9gionale, favorisant l\u2019harmonie, la croissance et la prosp\u00e9rit\u00e9 mutuelle.",
		[]string{"allianc", "chin", "cambodg", "sert", "pili", "diplomat", "r\u00e9gional", "favoris", "harmon", "croissanc", "prosper", "mutuel"}},
	{"spanish", "La alianza de China con Camboya sirve como pilar de su diplomacia regional, fomentando la armon\u00eda, el crecimiento y la prosperidad mutua.",
		[]string{"alianz", "chin", "camboy", "sirv", "pil", "diplomaci", "regional", "foment", "armon", "crecimient", "prosper", "mutu"}},
	{"russian", "\u0421\u043e\u044e\u0437 \u041a\u0438\u0442\u0430\u044f \u0441 \u041a\u0430\u043c\u0431\u043e\u0434\u0436\u0435\u0439 \u0441\u043b\u0443\u0436\u0438\u0442 \u043e\u043f\u043e\u0440\u043e\u0439 \u0435\u0433\u043e \u0440\u0435\u0433\u0438\u043e\u043d\u0430\u043b\u044c\u043d\u043e\u0439 \u0434\u0438\u043f\u043b\u043e\u043c\u0430\u0442\u0438\u0438, \u0441\u043f\u043e\u0441\u043e\u0431\u0441\u0442\u0432\u0443\u044f \u0433\u0430\u0440\u043c\u043e\u043d\u0438\u0438, \u0440\u043e\u0441\u0442\u0443 \u0438 \u0432\u0437\u0430\u0438\u043c\u043d\u043e\u043c\u0443 \u043f\u0440\u043e\u0446\u0432\u0435\u0442\u0430\u043d\u0438\u044e.",
		[]string{"\u0441\u043e\u044e\u0437", "\u043a\u0438\u0442", "\u043a\u0430\u043c\u0431\u043e\u0434\u0436", "\u0441\u043b\u0443\u0436", "\u043e\u043f\u043e\u0440", "\u0440\u0435\u0433\u0438\u043e\u043d\u0430\u043b\u044c\u043d", "\u0434\u0438\u043f\u043b\u043e\u043c\u0430\u0442", "\u0441\u043f\u043e\u0441\u043e\u0431\u0441\u0442\u0432\u0443", "\u0433\u0430\u0440\u043c\u043e\u043d", "\u0440\u043e\u0441\u0442", "\u0432\u0437\u0430\u0438\u043c\u043d", "\u043f\u0440\u043e\u0446\u0432\u0435\u0442\u0430\u043d"}},
	{"swedish", "Kinas allians med Kambodja \u00e4r en grundpelare f\u00f6r dess regionala diplomati och fr\u00e4mjar harmoni, tillv\u00e4xt och \u00f6msesidigt v\u00e4lst\u00e5nd.",
		[]string{"kin", "allian", "kambodj", "grundpel", "regional", "diplomati", "fr\u00e4mj", "harmoni", "tillv\u00e4xt", "\u00f6msesid", "v\u00e4lst\u00e5nd"}},
	{"norwegian", "Kinas allianse med Kambodsja er en b\u00e6rebjelke for landets regionale diplomati og fremmer harmoni, vekst og felles velstand.",
		[]string{"kin", "allians", "kambodsj", "b\u00e6rebjelk", "land", "regional", "diplomati", "fremm", "harmoni", "vekst", "fell", "velstand"}},
	{"hungarian", "K\u00edna sz\u00f6vets\u00e9ge Kambodzs\u00e1val region\u00e1lis diplom\u00e1ci\u00e1j\u00e1nak egyik pill\u00e9re, amely el\u0151seg\u00edti a harm\u00f3ni\u00e1t, a n\u00f6veked\u00e9st \u00e9s a k\u00f6lcs\u00f6n\u00f6s j\u00f3l\u00e9tet.",
		[]string{"k\u00edn", "sz\u00f6vets\u00e9g", "kambodzs", "region\u00e1lis", "diplom\u00e1ci\u00e1", "pill", "el\u0151seg\u00edt", "harm\u00f3n", "n\u00f6veked\u00e9s", "k\u00f6lcs\u00f6n\u00f6s", "j\u00f3l\u00e9t"}},
}

func TestTermsLanguages(t *testing.T) {
	for _, tt := range languageSentences {
		t.Run(tt.lang, func(t *testing.T) {
			a := newAnalyzer(t, Options{Language: tt.lang})
			if got := a.Terms(tt.text, nil); !slices.Equal(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestTermsAgreeWithSnowball checks every token of the per-language sentences
// and of the seed article against snowball itself: a stop word keeps its
// form, any other word's Term is snowball.Stem(Norm).
func TestTermsAgreeWithSnowball(t *testing.T) {
	texts := map[string][]string{}
	for _, tt := range languageSentences {
		texts[tt.lang] = append(texts[tt.lang], tt.text)
	}
	texts["english"] = append(texts["english"], articleLines(t)...)
	for _, lang := range Languages() {
		if lang == "none" {
			continue
		}
		a := newAnalyzer(t, Options{Language: lang})
		for _, text := range texts[lang] {
			for _, tok := range a.Tokens(text, nil) {
				if tok.Number {
					continue
				}
				want := tok.Norm
				if !tok.Stop {
					var err error
					if want, err = snowball.Stem(tok.Norm, lang, false); err != nil {
						t.Fatal(err)
					}
				}
				if tok.Term != want {
					t.Errorf("%s: Term of %q = %q, want snowball's %q", lang, tok.Norm, tok.Term, want)
				}
			}
		}
	}
}

func TestStopWords(t *testing.T) {
	const text = "It's what the U.S. didn't say about China's ties with them."
	tests := []struct {
		name string
		opt  Options
		want []string
	}{
		{"default drops stop words and stems", Options{}, []string{"us", "say", "china", "tie"}},
		{"keep stop words", Options{KeepStopWords: true}, []string{"it's", "what", "the", "us", "didn't", "say", "about", "china", "tie", "with", "them"}},
		{"no stemming", Options{NoStem: true}, []string{"us", "say", "china", "ties"}},
		{"none", Options{Language: "none"}, []string{"it", "what", "the", "us", "didn't", "say", "about", "china", "ties", "with", "them"}},
		{"french stop list", Options{Language: "fr"}, []string{"it", "what", "the", "us", "didn't", "say", "about", "chin", "ti", "with", "them"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAnalyzer(t, tt.opt)
			if got := a.Terms(text, nil); !slices.Equal(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", text, got, tt.want)
			}
		})
	}
}

func TestNewAnalyzerLanguage(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "english"}, {"English", "english"}, {" en ", "english"}, {"fr", "french"}, {"ES", "spanish"},
		{"ru", "russian"}, {"sv", "swedish"}, {"no", "norwegian"}, {"nb", "norwegian"}, {"hu", "hungarian"}, {"None", "none"},
	} {
		a, err := NewAnalyzer(Options{Language: tt.in})
		if err != nil {
			t.Errorf("NewAnalyzer(Language: %q): %v", tt.in, err)
			continue
		}
		if got := a.Language(); got != tt.want {
			t.Errorf("NewAnalyzer(Language: %q).Language() = %q, want %q", tt.in, got, tt.want)
		}
	}
	a, err := NewAnalyzer(Options{Language: "klingon"})
	if a != nil || !errors.Is(err, ErrLanguage) {
		t.Fatalf("NewAnalyzer(klingon) = %v, %v; want nil, ErrLanguage", a, err)
	}
	for _, lang := range Languages() {
		if !strings.Contains(err.Error(), lang) {
			t.Errorf("error %q does not list %q", err, lang)
		}
	}
}

// TestCacheDoesNotChangeResults runs the seed article through analysers with
// the default cache, no cache, and a tiny cache that evicts all the time.
func TestCacheDoesNotChangeResults(t *testing.T) {
	text := article(t)
	want := newAnalyzer(t, Options{CacheSize: -1}).Tokens(text, nil)
	for _, size := range []int{0, 1, 8, 100} {
		a := newAnalyzer(t, Options{CacheSize: size})
		for pass := range 3 {
			if got := a.Tokens(text, nil); !equalTokens(got, want) {
				t.Fatalf("CacheSize %d, pass %d: tokens differ from the uncached analyser", size, pass)
			}
		}
	}
}

// TestConcurrentUse shares one analyser with a small cache between
// goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	lines := articleLines(t)
	ref := newAnalyzer(t, Options{CacheSize: -1})
	want := make([][]string, len(lines))
	for i, l := range lines {
		want[i] = ref.Terms(l, nil)
	}
	a := newAnalyzer(t, Options{CacheSize: 64})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			var dst []string
			for round := range 20 {
				for i := range lines {
					j := (i + g*7 + round) % len(lines)
					dst = a.Terms(lines[j], dst[:0])
					if !slices.Equal(dst, want[j]) {
						errs <- fmt.Errorf("goroutine %d: Terms(line %d) = %q, want %q", g, j+1, dst, want[j])
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestTermsMatchTokens checks Terms against Tokens on the seed article.
func TestTermsMatchTokens(t *testing.T) {
	text := article(t)
	for _, keep := range []bool{false, true} {
		a := newAnalyzer(t, Options{KeepStopWords: keep})
		var want []string
		for _, tok := range a.Tokens(text, nil) {
			if keep || !tok.Stop {
				want = append(want, tok.Term)
			}
		}
		if got := a.Terms(text, nil); !slices.Equal(got, want) {
			t.Errorf("KeepStopWords=%v: Terms differ from the terms of Tokens", keep)
		}
	}
}

// TestTermsAllocations checks that a warm analyser allocates nothing per term.
// The seed article's numbers ("2023", "$12 billion", "40%") spell their
// canonical forms, so nothing at all is allocated.
func TestTermsAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless with -race")
	}
	a := newAnalyzer(t, Options{})
	text := article(t)
	dst := a.Terms(text, nil)
	toks := a.Tokens(text, nil)
	if allocs := testing.AllocsPerRun(20, func() { dst = a.Terms(text, dst[:0]) }); allocs != 0 {
		t.Errorf("Terms(article) allocates %v times per call, want 0", allocs)
	}
	if allocs := testing.AllocsPerRun(20, func() { toks = a.Tokens(text, toks[:0]) }); allocs != 0 {
		t.Errorf("Tokens(article) allocates %v times per call, want 0", allocs)
	}
}
