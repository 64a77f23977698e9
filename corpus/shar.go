package corpus

import "strings"

// Shell archives. A Usenet post or a mail may carry files as a shell
// archive ("shar"): a shell script whose here-documents hold each file's
// lines behind a one-character prefix that sed strips on extraction,
//
//	sed 's/^X//' << 'SHAR_EOF' > rules &&
//	XThe contest is open to anyone who ...
//	X
//	XEntries are judged by ...
//	SHAR_EOF
//	chmod 0444 rules ||
//	echo "restore of rules failed"
//
// Read as plain text, every line of such an archive carries the prefix,
// so its files' paragraphs and blank lines are lost and each line became
// a unit (two 20 Newsgroups posts of a C contest's rules and programs made
// a fifth of that corpus's paraphrase pairs). A here-document fed to
// sed 's/^P//' is read as the file it restores: the prefix P is left out
// of each line, so the file's text splits as any plain text does (its
// program's lines are code, code.go); its delimiter line ends it. The
// archive's shell lines are not the writer's prose: the block the sed
// line ends (what precedes it up to a blank line) and the lines after a
// file's delimiter up to the next blank line make no unit.
type sharState struct {
	prefix string // the prefix sed strips from the current file's lines
	delim  string // the here-document's delimiter; "" outside a file
	shell  bool   // after a file: shell lines up to a blank line
}

// sharFile reports whether line opens a shell-archive file: a sed command
// (the line's first word) that strips a prefix of one to three characters ("s/^X//") reading a
// here-document ("<< 'SHAR_EOF'", "<<\SHAR_EOF", "<< EOF"). It returns
// the prefix and the delimiter.
func sharFile(line string) (prefix, delim string, ok bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if !strings.HasPrefix(line[i:], "sed ") {
		return "", "", false
	}
	h := strings.Index(line, "<<")
	if h < 0 {
		return "", "", false
	}
	cmd := line[:h]
	j := strings.Index(cmd, "s/^")
	if j < 0 {
		return "", "", false
	}
	p := cmd[j+3:]
	k := strings.Index(p, "//")
	if k < 1 || k > 3 || strings.ContainsAny(p[:k], `\[].*$^ `) {
		return "", "", false
	}
	prefix = p[:k]
	r := strings.TrimLeft(line[h+2:], "- \t")
	if r != "" && (r[0] == '\'' || r[0] == '"' || r[0] == '\\') {
		r = r[1:]
	}
	n := 0
	for n < len(r) && (r[n] == '_' || r[n] >= 'A' && r[n] <= 'Z' || r[n] >= 'a' && r[n] <= 'z' || r[n] >= '0' && r[n] <= '9') {
		n++
	}
	if n == 0 {
		return "", "", false
	}
	return prefix, r[:n], true
}

// blankLine reports whether a line is nothing but white space.
func blankLine(s string) bool {
	return strings.TrimLeft(s, " \t\r\f\v") == ""
}
