package browsertest

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// consoleWatch collects what a tab reports as an error: console.error,
// uncaught exceptions, and browser log errors such as CSP violations and
// failed loads.
type consoleWatch struct {
	mu       sync.Mutex
	problems []string
	wg       sync.WaitGroup
}

// watchConsole starts collecting the errors of the tab ctx runs in, until
// ctx ends.
func watchConsole(ctx context.Context) *consoleWatch {
	w := &consoleWatch{}
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	logs := chromedp.Events(ctx, log.EntryAdded)
	w.wg.Go(func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, cmp(a.Description, string(a.Value)))
				}
				w.add("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		}
	})
	w.wg.Go(func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			w.add("exception at %s:%d: %s", d.URL, d.LineNumber, text)
		}
	})
	w.wg.Go(func() {
		for ev, err := range logs {
			if err != nil {
				return
			}
			if ev.Entry.Level == log.EntryLevelError {
				w.add("log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		}
	})
	return w
}

func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (w *consoleWatch) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

// wait returns what was collected once the tab's context has ended.
func (w *consoleWatch) wait() []string {
	w.wg.Wait()
	return w.problems
}
