package index_test

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neardup/neardup/index"
)

func TestQuick(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("QN"))
	texts := loadParagraphs(t, n)
	vecs, voc := contentVectors(texts)
	t.Logf("n=%d vocab %d", n, voc.Len())
	for _, ts := range strings.Split(os.Getenv("QT"), ",") {
		th, _ := strconv.ParseFloat(ts, 64)
		t0 := time.Now()
		_, st, _ := index.AllPairsWithStats(vecs, index.AllPairsOptions{Threshold: th})
		t.Logf("n=%d t=%v %v %+v", n, th, time.Since(t0), st)
	}
}
