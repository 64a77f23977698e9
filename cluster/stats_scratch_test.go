package cluster

import (
	"math/rand/v2"
	"syscall"
	"testing"
	"time"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestScratchStats(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1000000))
	n, edges := plantedGraph(rng, 1000000, 2)
	for range 3 {
		c0, w0 := cpu(), time.Now()
		g, _ := newGraph(n, edges, 0)
		c1, w1 := cpu(), time.Now()
		a := newAgglomeration(g, weight(0.5))
		a.run()
		c2, w2 := cpu(), time.Now()
		a.groups()
		c3, w3 := cpu(), time.Now()
		t.Logf("cpu graph %v run %v groups %v | wall %v %v %v", c1-c0, c2-c1, c3-c2, w1.Sub(w0), w2.Sub(w1), w3.Sub(w2))
	}
}

