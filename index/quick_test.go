package index_test

import (
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/neardup/neardup/index"
)

func TestQuick(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("QN"))
	th, _ := strconv.ParseFloat(os.Getenv("QT"), 64)
	t0 := time.Now()
	texts := loadParagraphs(t, n)
	vecs, voc := contentVectors(texts)
	t.Logf("load+vec %v, vocab %d", time.Since(t0), voc.Len())
	var exact []index.Pair
	for _, maxDF := range []int{0, 3000, 1000, 300, 100} {
		t0 = time.Now()
		p, st, _ := index.AllPairsWithStats(vecs, index.AllPairsOptions{Threshold: th, MaxDF: maxDF})
		if maxDF == 0 {
			exact = p
		}
		found := 0
		i := 0
		for _, q := range exact {
			for i < len(p) && (p[i].A < q.A || p[i].A == q.A && p[i].B < q.B) {
				i++
			}
			if i < len(p) && p[i] == q {
				found++
			}
		}
		t.Logf("t=%v maxdf=%d %v recall %.4f %+v", th, maxDF, time.Since(t0), float64(found)/float64(len(exact)), st)
	}
}
