//go:build unix

package main

import "syscall"

// peakRSSKiB returns the process's peak resident set size in KiB, or 0 when
// the system does not say.
func peakRSSKiB() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss // KiB on Linux
}
