package score

import "testing"

func TestTemplateFingerprint(t *testing.T) {
	s := newTestScorer(t)
	a := s.Analyze("Newsletter Page 6 Volume 6, Number 10")
	b := s.Analyze("Newsletter page 38 Volume 6, number 10.")
	c := s.Analyze("Newsletter Page six Volume 6, Number 10") // a number word is a word
	d := s.Analyze("Newsletter Page 6 Issue 6, Number 10")
	if a.Fingerprint() == b.Fingerprint() {
		t.Error("different page numbers, one fingerprint")
	}
	if a.TemplateFingerprint() != b.TemplateFingerprint() {
		t.Error("one wording but for numbers in digits, different template fingerprints")
	}
	if a.TemplateFingerprint() == c.TemplateFingerprint() || a.TemplateFingerprint() == d.TemplateFingerprint() {
		t.Error("another word, one template fingerprint")
	}
}

func TestFrame(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		a, b  string
		same  bool
		words int // of a's frame
	}{
		{"Shr 12 cts vs 10 cts", "Shr nine cts vs 11 cts", true, 4},
		{"Shr 12 cts vs 10 cts", "Shr loss 12 cts vs 10 cts", false, 4},
		// A run of names and numbers is one slot, whatever its length; stop
		// words are left out.
		{"The Bank of England said it provided 240 mln stg", "The Bank of Japan said it provided 95 mln stg", true, 3},
		{"Harbor Mills said its board raised the dividend to 12 cents, payable May 15.",
			"Pine Valley Gas Co said its board raised the dividend to 30 cents, payable July 1.", true, 6},
		// A capitalised word opening a sentence is a word unless a name
		// follows it at once.
		{"Shares of Harbor Mills rose 5 pct", "Bonds of Harbor Mills rose 5 pct", false, 2},
		{"Stocks to watch at close on Monday", "Stocks to watch at close on Thursday", true, 3},
		{"Stocks to watch at close on Monday", "Bonds to watch at close on Monday", false, 3},
		// A capitalised word after an abbreviation's period is a name.
		{"Mr. Smith was named chief executive", "Ms. Jones was named chief executive", true, 3},
		// Names alone make a frame of no words.
		{"New York Rangers Messier Kovalev", "Ed Olczyk New York Rangers", true, 0},
	} {
		fa, wa := s.Analyze(c.a).Frame()
		fb, _ := s.Analyze(c.b).Frame()
		if (fa == fb) != c.same || wa != c.words {
			t.Errorf("%q / %q: one frame %v, %d words; want %v, %d", c.a, c.b, fa == fb, wa, c.same, c.words)
		}
	}
}

func TestFactsDiffer(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		a, b   string
		differ bool
	}{
		{"Shr 12 cts vs 10 cts", "Shr twelve cts vs ten cts", false},
		{"Sales rose to 12,000 units", "Sales climbed to 12000 units", false},
		{"Shr 12 cts vs 10 cts", "Shr 12 cts vs 11 cts", true},
		{"Sales rose 5 pct", "Sales rose 5 pct to 20 mln dlrs", true}, // a figure added
		{"Harbor Mills raised its dividend", "Crescent Foods raised its dividend", true},
		{"The offering is underwritten by Bear Stearns", "Bear Stearns underwrites the offering", false},
		// A name need only be a word of the other side.
		{"Shares of Harbor Mills rose", "harbor mills shares rose", false},
		{"The company raised its dividend", "The firm raised its payout", false},
		// A name more or less is not another fact; most names other are.
		{"WASHINGTON (Reuters) - The Senate on Tuesday approved the bill", "WASHINGTON (AP) - The Senate on Tuesday approved the bill", false},
		{"The Senate on Tuesday approved the bill, Prime Minister Theresa May said", "The Senate on Tuesday approved the bill, Theresa May said", false},
		{"Shares of Harbor Mills Inc rose", "Shares of Harbor Mills rose", false},
		{"Staff writers Matt Eagan and Ken Davis contributed", "Staff writer Jeff Goldberg contributed", true},
		// The name opening a sentence counts, as the frame reads it.
		{"Mr. Smith was named chief executive", "Mr. Jones was named chief executive", true},
	} {
		a, b := s.Analyze(c.a), s.Analyze(c.b)
		if got := FactsDiffer(a, b); got != c.differ || FactsDiffer(b, a) != got {
			t.Errorf("%q / %q: FactsDiffer %v (reversed %v), want %v", c.a, c.b, got, FactsDiffer(b, a), c.differ)
		}
	}
}

func TestOtherNumbers(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		a, b string
		want bool
	}{
		{"Profit rose to 12 million dollars from 9 million.", "Profit was 31 million dollars, up from 27 million.", true},
		{"Profit rose to 12 million dollars from 9 million.", "Profit rose to $12 million from $9 million.", false}, // one amount written two ways
		{"Profit rose 12 percent.", "Profit rose 12 percent to 40 million dollars.", false},                         // a figure more
		{"Profit rose 12 percent.", "Profit rose sharply.", false},                                                  // no figure of its own
		{"Two trains were late.", "Three trains were late.", true},                                                  // number words
	}
	for _, tt := range tests {
		a, b := s.Analyze(tt.a), s.Analyze(tt.b)
		if got := OtherNumbers(a, b); got != tt.want || OtherNumbers(b, a) != got {
			t.Errorf("OtherNumbers(%q, %q) = %v, want %v (both ways)", tt.a, tt.b, got, tt.want)
		}
	}
}
