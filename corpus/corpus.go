// Package corpus loads articles (plain text, Markdown, HTML, JSON Lines,
// optionally gzip-compressed) and splits them into units (paragraphs, list
// items, sentences) that keep their document, byte offsets and line numbers.
//
// Read streams documents from files, folders and standard input, collecting
// per-file problems as an ErrorList while the rest goes on (read.go,
// jsonl.go). Split cuts a document into units: paragraph.go states the
// line-break heuristics that plain text needs (scraped one-line paragraphs,
// hard-wrapped wire copy and Usenet posts, lists, quotes, inline lists),
// markdown.go and html.go what is markup, sentence.go where sentences end,
// reference.go which blocks are lists of sources (Unit.Reference).
// Metadata makes no unit: a message's header block (mailheader.go), a
// reply's attribution line (attribution.go), Markdown front matter; a
// transcript's speaker labels are left out of its units (speaker.go).
// Nor does source code (code.go: fenced, in HTML pre, or a plain-text
// block that reads as code); a shell archive's files are read as the
// files they restore (shar.go).
// A unit's Text is what later stages compare: markup and markers removed,
// white space collapsed; its Start, End and Line point into the original
// Document.Text (clean.go).
package corpus

// Format is an input format.
type Format string

const (
	Auto     Format = ""         // chosen by file extension; plain text when unknown
	Text     Format = "text"     // plain text
	Markdown Format = "markdown" // CommonMark-ish Markdown: markup ignored for comparison
	HTML     Format = "html"     // HTML: visible text only
	JSONL    Format = "jsonl"    // JSON Lines, one document a record
)

// Mode is the unit of comparison.
type Mode string

const (
	Paragraph Mode = "paragraph" // paragraphs and list items
	Sentence  Mode = "sentence"  // sentences
)

// UnitKind says what kind of block a unit came from.
type UnitKind uint8

const (
	KindParagraph UnitKind = iota
	KindHeading
	KindListItem
	KindSentence
)

func (k UnitKind) String() string {
	switch k {
	case KindHeading:
		return "heading"
	case KindListItem:
		return "list-item"
	case KindSentence:
		return "sentence"
	}
	return "paragraph"
}

// Document is one article.
type Document struct {
	ID     string // the path as given, "-" for stdin, or the JSONL id field
	Path   string // the file it was read from ("-" for stdin)
	Record int    // 1-based line of the record in a JSONL file; 0 for other formats
	URL    string // from JSONL "url" when present
	Title  string // from JSONL "title" when present
	Format Format // the format the text is in (Read never sets Auto; Split sniffs it)
	Text   string // the original text: the file's content, or the JSONL text field
}

// Unit is a span of a document to compare with others.
type Unit struct {
	Index  int      // 0-based position of the unit within its document
	Kind   UnitKind // paragraph, heading, list item or sentence
	Line   int      // 1-based line of Document.Text where the unit starts
	Start  int      // byte offset of the unit's first byte in Document.Text
	End    int      // byte offset one past the unit's last byte in Document.Text
	Text   string   // the text to compare: markup removed, white space collapsed
	Quoted bool     // quoted text: a '>' blockquote (email/Markdown), a Usenet ": " or "| " quote (plain text) or HTML <blockquote>
	// Reference is set on the units of a list of sources or links
	// ("Sources: [1] ... https://..."; see Split): titles and links that
	// repeat the prose they cite, not writing of the document's own.
	Reference bool
}
