package scenarios

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"mime"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"mailsim/lang"
	"mailsim/sim"
	"mailsim/sim/dns"
)

// Error is a problem in a scenario file, located so an instructor can fix it.
type Error struct {
	File string
	Line int // 0 when the problem is the file as a whole
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Limits that keep a hostile or broken file from exhausting memory.
const (
	maxFileBytes = 256 << 10
	maxLineBytes = 4096
)

var (
	namePattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{0,62}$`)
	addressPattern = regexp.MustCompile(`^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}$`)
)

// Parse reads one scenario file. file names it in errors. The result is the
// scenario told in English, linked to its Romanian telling (see
// sim.Spec.In); both have passed the world's own reference checks, so they
// are ready to run.
func Parse(file string, r io.Reader) (*sim.Spec, error) {
	ds, err := readDirectives(file, r)
	if err != nil {
		return nil, err
	}
	p := &parser{file: file, spec: &sim.Spec{}}
	for _, d := range ds {
		if err := p.apply(d); err != nil {
			var located *Error
			if errors.As(err, &located) {
				return nil, located
			}
			return nil, &Error{file, d.line, err.Error()}
		}
		for k := range d.opts {
			if !d.seen[k] {
				return nil, &Error{file, d.line, fmt.Sprintf("%s does not take option %q", d.verb, k)}
			}
		}
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	if err := relayLoop(file, p.spec, ds); err != nil {
		return nil, err
	}
	tellings := p.tell()
	for _, t := range tellings {
		if _, err := sim.NewWorld(t); err != nil {
			return nil, &Error{File: file, Msg: err.Error()}
		}
	}
	return tellings[0].In(lang.EN), nil
}

// bodyTag returns how a body line begins: "|" for a line of every language,
// "ro|" or "en|" for a line of one language's message only; "" for a line
// that is not a body line.
func bodyTag(line string) string {
	for _, tag := range []string{"|", "ro|", "en|"} {
		if strings.HasPrefix(line, tag) {
			return tag
		}
	}
	return ""
}

// readDirectives splits a file into directives with their body lines.
func readDirectives(file string, r io.Reader) ([]*directive, error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxFileBytes+1))
	sc.Buffer(make([]byte, 0, 1024), maxLineBytes)
	var ds []*directive
	n, size := 0, 0
	for sc.Scan() {
		n++
		size += len(sc.Bytes()) + 1
		if size > maxFileBytes {
			return nil, &Error{file, n, fmt.Sprintf("the file is larger than %d KiB", maxFileBytes>>10)}
		}
		line := strings.TrimRight(sc.Text(), " \t\r")
		trimmed := strings.TrimLeft(line, " \t")
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case bodyTag(trimmed) != "":
			tag := bodyTag(trimmed)
			if len(ds) == 0 || (ds[len(ds)-1].verb != "send" && ds[len(ds)-1].verb != "zone") {
				return nil, &Error{file, n, "a '|' line must follow a send or zone line"}
			}
			d := ds[len(ds)-1]
			if tag != "|" && d.verb != "send" {
				return nil, &Error{file, n, fmt.Sprintf("a '%s' line belongs to a message body, after a send line", tag)}
			}
			d.body = append(d.body, strings.TrimPrefix(trimmed[len(tag):], " "))
			d.bodyLang = append(d.bodyLang, lang.Lang(strings.TrimSuffix(tag, "|")))
			d.at = append(d.at, n)
		default:
			d, err := parseDirective(n, trimmed)
			if err != nil {
				return nil, &Error{file, n, err.Error()}
			}
			ds = append(ds, d)
		}
	}
	if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return nil, &Error{file, n + 1, fmt.Sprintf("a line is longer than %d bytes", maxLineBytes)}
	} else if err != nil {
		return nil, &Error{File: file, Msg: "cannot be read: " + err.Error()}
	}
	return ds, nil
}

// parser accumulates a Spec from directives.
type parser struct {
	file    string
	spec    *sim.Spec
	texts   []message // each send's subject and body in every language
	started bool
	last    string // the verb of the previous directive, for attach
}

// message is what a send says, in each language: a scenario is told in
// Romanian and in English, and only its messages' words differ.
type message struct{ subject, body lang.Text }

func (p *parser) apply(d *directive) error {
	if !p.started && d.verb != "scenario" {
		return fmt.Errorf("the file must begin with a scenario line, not %q", d.verb)
	}
	defer func() {
		if d.verb != "attach" {
			p.last = d.verb
		}
	}()
	switch d.verb {
	case "scenario":
		return p.scenario(d)
	case "title":
		return text(d, &p.spec.Title)
	case "about":
		return text(d, &p.spec.About)
	case "host":
		return p.host(d)
	case "agent":
		return p.agent(d)
	case "link":
		return p.link(d)
	case "zone":
		return p.zone(d)
	case "user":
		return p.user(d)
	case "forward":
		return p.forward(d, false)
	case "moved":
		return p.forward(d, true)
	case "send":
		return p.send(d)
	case "read":
		return p.read(d)
	case "attach":
		return p.attach(d)
	}
	return fmt.Errorf("unknown directive %q (expected scenario, title, about, host, agent, link, zone, user, forward, moved, send, attach or read)", d.verb)
}

func (p *parser) finish() error {
	switch {
	case !p.started:
		return &Error{File: p.file, Msg: "the file has no scenario line"}
	case !p.spec.Title.Complete():
		return &Error{File: p.file, Msg: "title needs both ro= and en="}
	case !p.spec.About.Complete():
		return &Error{File: p.file, Msg: "about needs both ro= and en="}
	case len(p.spec.Hosts) == 0:
		return &Error{File: p.file, Msg: "the scenario has no host"}
	}
	return nil
}

// args checks the count of positional arguments.
func args(d *directive, want int, what string) error {
	if len(d.args) != want {
		return fmt.Errorf("%s takes %s", d.verb, what)
	}
	return nil
}

// text reads the ro= and en= options into t; both are required.
func text(d *directive, t *lang.Text) error {
	ro, okRO := d.opt("ro")
	en, okEN := d.opt("en")
	if !okRO || !okEN || strings.TrimSpace(ro) == "" || strings.TrimSpace(en) == "" {
		return fmt.Errorf("%s needs both ro=\"...\" and en=\"...\"", d.verb)
	}
	*t = lang.Text{RO: ro, EN: en}
	return nil
}

// required returns an option that must be present and non-empty.
func required(d *directive, key string) (string, error) {
	v, ok := d.opt(key)
	if !ok || v == "" {
		return "", fmt.Errorf("%s needs %s=", d.verb, key)
	}
	return v, nil
}

func (p *parser) scenario(d *directive) error {
	if p.started {
		return fmt.Errorf("a second scenario line; one file holds one scenario")
	}
	p.started = true
	if err := args(d, 1, "one name"); err != nil {
		return err
	}
	if !namePattern.MatchString(d.args[0]) {
		return fmt.Errorf("scenario name %q must be lower-case letters, digits, '.' and '-'", d.args[0])
	}
	p.spec.Name = d.args[0]
	if v, ok := d.opt("order"); ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("order=%q is not a whole number", v)
		}
		p.spec.Order = n
	}
	return nil
}

func (p *parser) host(d *directive) error {
	if err := args(d, 1, "one host ID"); err != nil {
		return err
	}
	if !namePattern.MatchString(d.args[0]) {
		return fmt.Errorf("host ID %q must be lower-case letters, digits, '.' and '-'", d.args[0])
	}
	name, err := required(d, "name")
	if err != nil {
		return err
	}
	h := sim.Host{ID: d.args[0], Name: strings.ToLower(name)}
	if err := text(d, &h.Label); err != nil {
		return err
	}
	if h.Down, err = boolean(d, "down"); err != nil {
		return err
	}
	if slices.ContainsFunc(p.spec.Hosts, func(o sim.Host) bool { return o.ID == h.ID }) {
		return fmt.Errorf("host %q is defined twice", h.ID)
	}
	p.spec.Hosts = append(p.spec.Hosts, h)
	return nil
}

var agentKinds = []sim.AgentKind{sim.UA, sim.MTAClient, sim.MTAServer, sim.MAAClient, sim.MAAServer}

func (p *parser) agent(d *directive) error {
	if err := args(d, 1, "one agent ID"); err != nil {
		return err
	}
	hostID, err := required(d, "host")
	if err != nil {
		return err
	}
	i := slices.IndexFunc(p.spec.Hosts, func(h sim.Host) bool { return h.ID == hostID })
	if i < 0 {
		return fmt.Errorf("agent %s is on host %q, which is not defined above it", d.args[0], hostID)
	}
	kind, err := required(d, "kind")
	if err != nil {
		return err
	}
	if !slices.Contains(agentKinds, sim.AgentKind(kind)) {
		return fmt.Errorf("unknown agent kind %q (expected ua, mta-client, mta-server, maa-client or maa-server)", kind)
	}
	a := sim.Agent{ID: d.args[0], Kind: sim.AgentKind(kind)}
	if err := text(d, &a.Label); err != nil {
		return err
	}
	if relay, ok := d.opt("relay"); ok {
		if a.Kind != sim.MTAClient {
			return fmt.Errorf("only an mta-client takes relay=")
		}
		if !slices.ContainsFunc(p.spec.Hosts, func(h sim.Host) bool { return h.ID == relay }) {
			return fmt.Errorf("relay=%q names a host that is not defined above", relay)
		}
		a.Relay = relay
	}
	for _, k := range []string{"busy", "greylist", "write-errors"} {
		if _, ok := d.opts[k]; ok && a.Kind != sim.MTAServer {
			return fmt.Errorf("only an mta-server takes %s=", k)
		}
	}
	if a.Busy, err = count(d, "busy"); err != nil {
		return err
	}
	if a.WriteErrors, err = count(d, "write-errors"); err != nil {
		return err
	}
	if _, ok := d.opts["greylist"]; ok {
		if a.Greylist, err = duration(d, "greylist"); err != nil {
			return err
		}
	}
	p.spec.Hosts[i].Agents = append(p.spec.Hosts[i].Agents, a)
	return nil
}

var linkKinds = []sim.LinkKind{sim.LinkLocal, sim.LinkLAN, sim.LinkWAN}

func (p *parser) link(d *directive) error {
	if err := args(d, 2, "two host IDs"); err != nil {
		return err
	}
	kind, err := required(d, "kind")
	if err != nil {
		return err
	}
	if !slices.Contains(linkKinds, sim.LinkKind(kind)) {
		return fmt.Errorf("unknown link kind %q (expected local, lan or wan)", kind)
	}
	lat, err := duration(d, "latency")
	if err != nil {
		return err
	}
	p.spec.Links = append(p.spec.Links, sim.Link{A: d.args[0], B: d.args[1], Kind: sim.LinkKind(kind), Latency: lat})
	return nil
}

// duration reads a required, non-negative duration option of at most a day.
func duration(d *directive, key string) (time.Duration, error) {
	v, err := required(d, key)
	if err != nil {
		return 0, err
	}
	t, err := time.ParseDuration(v)
	if err != nil || t < 0 || t > 24*time.Hour {
		return 0, fmt.Errorf("%s=%q is not a duration between 0s and 24h (write 40ms, 2s, 5m)", key, v)
	}
	return t, nil
}

func address(v string) error {
	if !addressPattern.MatchString(v) {
		return fmt.Errorf("%q is not an e-mail address", v)
	}
	return nil
}

func (p *parser) user(d *directive) error {
	if err := args(d, 1, "one e-mail address"); err != nil {
		return err
	}
	if err := address(d.args[0]); err != nil {
		return err
	}
	u := sim.User{Address: d.args[0]}
	u.Name, _ = d.opt("name")
	u.Password, _ = d.opt("password")
	var err error
	if u.Host, err = required(d, "host"); err != nil {
		return err
	}
	if u.UA, err = required(d, "ua"); err != nil {
		return err
	}
	if u.Quota, err = count(d, "quota"); err != nil {
		return err
	}
	p.spec.Users = append(p.spec.Users, u)
	return nil
}

// forward reads "forward OLD to=NEW": mail for OLD is accepted with 251 by
// the server of OLD's domain and relayed to NEW; and, when moved, "moved
// OLD to=NEW": mail for OLD is refused with 551 naming NEW, and bounced.
func (p *parser) forward(d *directive, moved bool) error {
	what, verb := "one e-mail address, the one that forwards", "forward"
	if moved {
		what, verb = "one e-mail address, the one that has moved", "move"
	}
	if err := args(d, 1, what); err != nil {
		return err
	}
	to, err := required(d, "to")
	if err != nil {
		return err
	}
	for _, a := range []string{d.args[0], to} {
		if err := address(a); err != nil {
			return err
		}
	}
	if strings.EqualFold(d.args[0], to) {
		return fmt.Errorf("%s cannot %s to itself", to, verb)
	}
	p.spec.Forwards = append(p.spec.Forwards, sim.Forward{Address: d.args[0], To: to, Moved: moved})
	return nil
}

func (p *parser) send(d *directive) error {
	if err := args(d, 0, "no positional arguments"); err != nil {
		return err
	}
	at, err := duration(d, "at")
	if err != nil {
		return err
	}
	s := sim.Send{At: at}
	if s.From, err = required(d, "from"); err != nil {
		return err
	}
	to, err := required(d, "to")
	if err != nil {
		return err
	}
	for _, a := range strings.Split(to, ",") {
		a = strings.TrimSpace(a)
		if err := address(a); err != nil {
			return err
		}
		s.To = append(s.To, a)
	}
	m, err := words(d)
	if err != nil {
		return err
	}
	p.texts = append(p.texts, m)
	s.Subject, s.Body = m.subject.EN, m.body.EN
	p.spec.Sends = append(p.spec.Sends, s)
	return nil
}

// words reads what a send says: its subject, as subject= for every language
// or as ro= and en=, and its body, whose '|' lines every language shares and
// whose 'ro|' and 'en|' lines belong to one language's message only.
func words(d *directive) (message, error) {
	var m message
	subject, one := d.opt("subject")
	_, ro := d.opts["ro"]
	_, en := d.opts["en"]
	switch {
	case one && (ro || en):
		return m, fmt.Errorf("send takes subject= (the same in every language) or ro= and en=, not both")
	case one:
		m.subject = lang.Text{RO: subject, EN: subject}
	case ro || en:
		if err := text(d, &m.subject); err != nil {
			return m, err
		}
	}
	var lines [2][]string // Romanian, English
	tagged := map[lang.Lang]bool{}
	for i, line := range d.body {
		l := d.bodyLang[i]
		tagged[l] = true
		if l != lang.EN {
			lines[0] = append(lines[0], line)
		}
		if l != lang.RO {
			lines[1] = append(lines[1], line)
		}
	}
	if tagged[lang.RO] != tagged[lang.EN] {
		return m, fmt.Errorf("the body has lines for one language only: give it both ro| and en| lines, or '|' lines for both")
	}
	m.body = lang.Text{RO: strings.Join(lines[0], "\n"), EN: strings.Join(lines[1], "\n")}
	return m, nil
}

func (p *parser) read(d *directive) error {
	if err := args(d, 0, "no positional arguments"); err != nil {
		return err
	}
	at, err := duration(d, "at")
	if err != nil {
		return err
	}
	user, err := required(d, "user")
	if err != nil {
		return err
	}
	r := sim.Read{At: at, User: user}
	if r.Keep, err = boolean(d, "keep"); err != nil {
		return err
	}
	if r.APOP, err = boolean(d, "apop"); err != nil {
		return err
	}
	if r.Via, _ = d.opt("via"); r.Via != "" && r.Via != "pop3" && r.Via != "imap" {
		return fmt.Errorf("via=%q: a user agent reads with pop3 or imap", r.Via)
	}
	if r.Partial, err = count(d, "partial"); err != nil {
		return err
	}
	if r.Partial > 0 && r.Via != "imap" {
		return fmt.Errorf("partial= needs via=imap: POP3 cannot fetch part of a message")
	}
	p.spec.Reads = append(p.spec.Reads, r)
	return nil
}

// zone reads a DNS zone in master-file syntax from the '|' lines that follow,
// with $ORIGIN set to the zone's name so that relative names work. Its errors
// point at the scenario file's own lines.
func (p *parser) zone(d *directive) error {
	if err := args(d, 1, "one domain name"); err != nil {
		return err
	}
	if len(d.body) == 0 {
		return fmt.Errorf("zone %s has no records: write them on '|' lines below it", d.args[0])
	}
	origin := strings.TrimSuffix(d.args[0], ".") + "."
	text := "$ORIGIN " + origin + "\n" + strings.Join(d.body, "\n") + "\n"
	z, err := dns.ParseZone(p.file, strings.NewReader(text))
	var pe *dns.ParseError
	switch {
	case errors.As(err, &pe) && pe.Line >= 2 && pe.Line-2 < len(d.at):
		return &Error{p.file, d.at[pe.Line-2], pe.Msg}
	case err != nil:
		return err
	}
	p.spec.Zones = append(p.spec.Zones, z)
	return nil
}

// boolean reads an optional yes/no option: true or false, absent is false.
func boolean(d *directive, key string) (bool, error) {
	v, ok := d.opt(key)
	if !ok {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, fmt.Errorf("%s=%q must be true or false", key, v)
	}
	return b, nil
}

// count reads an optional whole number of at most a billion; absent is 0.
func count(d *directive, key string) (int, error) {
	v, ok := d.opt(key)
	if !ok {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 1e9 {
		return 0, fmt.Errorf("%s=%q must be a whole number from 0 to 1000000000", key, v)
	}
	return n, nil
}

// maxAttachment bounds an attachment's size: enough to fill many DATA lines,
// small enough for a trace to stay readable.
const maxAttachment = 64 << 10

// attach adds a file to the send above it, its bytes made up by fileBytes.
func (p *parser) attach(d *directive) error {
	if len(p.spec.Sends) == 0 || p.last != "send" {
		return fmt.Errorf("attach must follow a send line")
	}
	name, err := required(d, "name")
	if err != nil {
		return err
	}
	typ, err := required(d, "type")
	if err != nil {
		return err
	}
	media, _, err := mime.ParseMediaType(typ)
	if err != nil || !strings.Contains(typ, "/") {
		return fmt.Errorf("type=%q is not a MIME type such as image/png", typ)
	}
	size, err := count(d, "size")
	if err != nil || size == 0 || size > maxAttachment {
		return fmt.Errorf("attach needs size= from 1 to %d octets", maxAttachment)
	}
	data, err := fileBytes(name, media, size)
	if err != nil {
		return err
	}
	s := &p.spec.Sends[len(p.spec.Sends)-1]
	s.Attach = append(s.Attach, sim.Attachment{Name: name, Type: typ, Data: data})
	return nil
}
