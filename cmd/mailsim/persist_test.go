package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"mailsim/sim/live"
)

// TestPrintLabData: the banner says where the mail is kept, and that
// without -data it is lost on exit.
func TestPrintLabData(t *testing.T) {
	for _, data := range []string{"", filepath.Join(t.TempDir(), "lab.db")} {
		cfg := live.Config{SMTPAddr: "127.0.0.1:0", Data: data}
		l, err := live.Start(cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		printLab(&out, l)
		l.Close()
		want := "lab mail: in memory only, lost when mailsim exits (-data FILE keeps it)"
		if data != "" {
			want = "lab mail: kept in " + data + ", so it survives a restart"
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, &out)
		}
	}
}

// TestKillAfter250 builds the real binary, starts it with -data, sends a
// message over SMTP, kills the process with SIGKILL as soon as the 250
// arrives, starts it again on the same file, and reads the message over
// POP3: the 250 came after the message was on disk. A second mailsim on
// the same file is refused while the first runs.
func TestKillAfter250(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "mailsim")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "lab.db")

	cmd, ports := startBinary(t, bin, data)
	smtp := dialText(t, ports["SMTP"])
	smtp.expect("220 ")
	smtp.send("EHLO test\r\nMAIL FROM:<alice@mailsim.test>\r\nRCPT TO:<student@mailsim.test>\r\nDATA\r\n")
	for smtp.expect("250"); !strings.HasPrefix(smtp.last, "250 "); smtp.expect("250") { // EHLO's lines
	}
	smtp.expect("250 ")
	smtp.expect("250 ")
	smtp.expect("354 ")
	smtp.send("Subject: survives SIGKILL\r\n\r\nwritten before the 250\r\n.\r\n")
	smtp.expect("250 2.0.0 Ok: queued as ")
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	cmd, ports = startBinary(t, bin, data)
	second := exec.Command(bin, "-addr", "127.0.0.1:0", "-smtp", "off", "-pop3", "off", "-imap", "off", "-data", data)
	if out, err := second.CombinedOutput(); err == nil || !strings.Contains(string(out), "in use by another program") {
		t.Errorf("second mailsim on the same file: %v\n%s", err, out)
	}
	pop := dialText(t, ports["POP3"])
	pop.expect("+OK ")
	pop.send("USER student\r\nPASS student\r\nRETR 1\r\n")
	pop.expect("+OK ")
	pop.expect("+OK ")
	pop.expect("+OK ")
	var text []string
	for pop.line(); pop.last != "."; pop.line() {
		text = append(text, pop.last)
	}
	if got := strings.Join(text, "\n"); !strings.Contains(got, "Subject: survives SIGKILL") || !strings.Contains(got, "written before the 250") {
		t.Errorf("after the restart, RETR 1:\n%s", got)
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
}

// startBinary runs mailsim on loopback ports the system picks, and reads
// them from its banner.
func startBinary(t *testing.T, bin, data string) (*exec.Cmd, map[string]string) {
	t.Helper()
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-smtp", "127.0.0.1:0", "-pop3", "127.0.0.1:0", "-imap", "off", "-data", data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	ports := map[string]string{}
	sc := bufio.NewScanner(out)
	for sc.Scan() && !strings.HasPrefix(sc.Text(), "lab accounts:") {
		if proto, addr, ok := bannerPort(sc.Text()); ok {
			ports[proto] = addr
		}
	}
	go io.Copy(io.Discard, out)
	if ports["SMTP"] == "" || ports["POP3"] == "" {
		t.Fatalf("no ports in the banner; stderr:\n%s", &stderr)
	}
	return cmd, ports
}

// bannerPort reads a banner line "lab SMTP port: telnet 127.0.0.1 2525".
func bannerPort(line string) (proto, addr string, ok bool) {
	f := strings.Fields(line)
	if len(f) != 6 || f[0] != "lab" || f[2] != "port:" || f[3] != "telnet" {
		return "", "", false
	}
	return f[1], net.JoinHostPort(f[4], f[5]), true
}

// textConn is a line-at-a-time client of a text protocol.
type textConn struct {
	t    *testing.T
	c    net.Conn
	r    *bufio.Reader
	last string
}

func dialText(t *testing.T, addr string) *textConn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	_ = c.SetDeadline(time.Now().Add(20 * time.Second))
	return &textConn{t: t, c: c, r: bufio.NewReader(c)}
}

func (c *textConn) send(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.c, s); err != nil {
		c.t.Fatal(err)
	}
}

func (c *textConn) line() {
	c.t.Helper()
	l, err := c.r.ReadString('\n')
	if err != nil {
		c.t.Fatalf("read: %v (got %q)", err, l)
	}
	c.last = strings.TrimSuffix(l, "\r\n")
}

func (c *textConn) expect(prefix string) {
	c.t.Helper()
	c.line()
	if !strings.HasPrefix(c.last, prefix) {
		c.t.Fatalf("got %q, want %q...", c.last, prefix)
	}
}
