//go:build !race

package neardup

// raceEnabled reports a -race build, where the scans of large generated
// corpora in the tests take too long to be worth it.
const raceEnabled = false
