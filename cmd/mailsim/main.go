// Command mailsim serves the e-mail protocol simulator as a web app.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"mailsim/scenarios"
	"mailsim/web"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address the web app listens on")
	dir := flag.String("scenarios", "", "directory of extra *.scn scenario files that add to or override the built-in ones")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(*addr, *dir, log); err != nil {
		log.Error("mailsim stopped", "err", err)
		os.Exit(1)
	}
}

// run serves until SIGINT or SIGTERM, then lets open requests finish.
func run(addr, dir string, log *slog.Logger) error {
	lib, errs := scenarios.Load(dir)
	for _, err := range errs {
		log.Warn("scenario skipped", "err", err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := web.NewServer(addr, web.New(lib, log))
	fmt.Printf("mailsim is serving %d scenarios at http://%s/\n", len(lib.List()), ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("stopping")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
