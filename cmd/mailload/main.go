// Command mailload puts a running mailsim under the load of a class: it
// opens many player sockets (/ws/play/{scenario}) and walks each through
// the scenario as a student's page does, saying how many events it holds,
// and reports how long the frames took. With -class it starts a class
// instead, opens -n student sockets that follow it and steps the
// instructor's player -rate times a second, and reports how long each step
// took to reach the last student.
//
//	mailload [-url http://127.0.0.1:8080] [-n 1000] [-scenario lan-both] [-rate 1] [-duration 30s] [-class]
//
// -rate is gotos a second per socket; -rate 0 is flat out, each socket
// asking for its next step as soon as the frame of the last arrives. It
// prints the sockets opened and failed, the errors, the frames and their
// throughput, and the latency (goto sent to frame received) at p50, p99 and
// its maximum. The sockets offer permessage-deflate and send the Origin of
// -url, as a browser does.
//
// Each socket needs a file descriptor, in this process and in the
// server's: mailload raises its soft limit to the hard one and says so when
// that is too few. The tool measures the machine it runs on as well as the
// server; on a small machine, say so with the figures.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"syscall"
	"time"
)

// spareFiles are the descriptors the tool needs besides its sockets.
const spareFiles = 32

func main() {
	var c config
	flag.StringVar(&c.base, "url", "http://127.0.0.1:8080", "the mailsim to load")
	flag.IntVar(&c.n, "n", 1000, "player sockets to open")
	flag.StringVar(&c.scenario, "scenario", "lan-both", "scenario the sockets play")
	flag.Float64Var(&c.rate, "rate", 1, "gotos a second per socket; 0: flat out")
	flag.DurationVar(&c.duration, "duration", 30*time.Second, "how long the sockets step")
	flag.BoolVar(&c.class, "class", false, "start a class instead: -n students follow an instructor who steps at -rate steps a second (0: 2)")
	flag.Parse()
	if err := check(c); err != nil {
		fmt.Fprintln(os.Stderr, "mailload:", err)
		os.Exit(2)
	}
	if err := raiseFiles(c.n + spareFiles); err != nil {
		fmt.Fprintln(os.Stderr, "mailload:", err)
		os.Exit(1)
	}
	load := run
	if c.class {
		load = runClass
	}
	res, err := load(c)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mailload:", err)
		os.Exit(1)
	}
	report(c, res)
	if res.opened == 0 || res.failed > 0 || res.errors > 0 {
		os.Exit(1)
	}
}

// check refuses flags that make no run.
func check(c config) error {
	switch {
	case c.n < 1:
		return fmt.Errorf("-n %d: open at least one socket", c.n)
	case c.rate < 0:
		return fmt.Errorf("-rate %v: give gotos a second, or 0 for flat out", c.rate)
	case c.duration <= 0:
		return fmt.Errorf("-duration %v: give a positive duration, such as 30s", c.duration)
	}
	return nil
}

// raiseFiles lifts the soft limit on open files to the hard limit, and
// fails when even that is fewer than need.
func raiseFiles(need int) error {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return fmt.Errorf("reading the open-file limit: %w", err)
	}
	if lim.Cur < lim.Max {
		lim.Cur = lim.Max
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
			return fmt.Errorf("raising the open-file limit to %d: %w", lim.Max, err)
		}
	}
	if lim.Cur < uint64(need) {
		return fmt.Errorf("%d sockets need about %d open files, and the hard limit is %d: raise it (ulimit -Hn, as root) or ask for fewer sockets",
			need-spareFiles, need, lim.Cur)
	}
	return nil
}

// report prints the run's figures.
func report(c config, res result) {
	pace := fmt.Sprintf("%g gotos/s each", c.rate)
	if c.rate == 0 {
		pace = "flat out"
	}
	if c.class {
		pace = fmt.Sprintf("the instructor stepping %g times a second", cmp.Or(c.rate, classPace))
		fmt.Printf("mailload: a class of %d students at %s following scenario %s, %s, for %v\n", c.n, c.base, c.scenario, pace, c.duration)
		fmt.Println("latency: from the instructor's step sent to the last student's screen receiving it")
	} else {
		fmt.Printf("mailload: %d sockets to %s, scenario %s, %s, for %v\n", c.n, c.base, c.scenario, pace, c.duration)
	}
	fmt.Printf("sockets opened %d, failed %d; errors %d\n", res.opened, res.failed, res.errors)
	secs := res.elapsed.Seconds()
	fmt.Printf("frames %d in %.1fs: %.0f frames/s\n", res.frames, secs, float64(res.frames)/max(secs, 1e-9))
	s := res.lat.sorted()
	fmt.Printf("latency p50 %v, p99 %v, max %v\n", round(s.percentile(50)), round(s.percentile(99)), round(s.percentile(100)))
	if res.firstErr != nil {
		fmt.Printf("first error: %v\n", res.firstErr)
	}
}

// round keeps three significant figures or so of a latency.
func round(d time.Duration) time.Duration {
	switch {
	case d >= 100*time.Millisecond:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}
