package view

import (
	"fmt"
	"strings"

	"mailsim/lang"
	"mailsim/sim"
)

// The topology's geometry in SVG user units. Hosts stand in one row, in the
// order the scenario lists them, which scenario authors use to put the
// sender on the left and the recipient on the right.
const (
	topoMargin = 24
	hostW      = 340
	hostGap    = 160 // room between boxes for a link and its label ("WAN · 40 ms")
	hostHead   = 74  // the host's label and name above its chips
	hostPad    = 16
	chipH      = 48
	chipGap    = 12
	dockRoom   = 52 // right of the chips, where the envelope docks clear of their labels
	arcRise    = 70 // how far above the boxes a link between non-neighbours arcs
	dnsGap     = 36 // between the host boxes and the DNS chip under them
	dnsW       = 400
)

// Topology is a scenario's hosts, agents and links laid out for topology.templ.
type Topology struct {
	Width, Height int
	Hosts         []hostBox
	Links         []linkLine
	DNS           *agentChip // the world's resolver, when the scenario has zones
}

type hostBox struct {
	ID, Name, Label string
	X, Y, W, H      int
	Chips           []agentChip
}

// agentChip is one agent inside its host, or one mailbox (kind "mailbox",
// ID boxChip(address)) on the host that holds it. DockX and DockY are where
// the envelope and the tokens stop: right of the chip, clear of its label.
// Sub is a mailbox's address, under its label.
type agentChip struct {
	ID, Kind, Label, Sub string
	X, Y, W, H           int
	DockX, DockY         int
}

// newChip places a chip and its dock.
func newChip(id, kind, label string, x, y, w int) agentChip {
	return agentChip{ID: id, Kind: kind, Label: label, X: x, Y: y, W: w, H: chipH,
		DockX: x + w + dockRoom/2, DockY: y + chipH/2}
}

type linkLine struct {
	Kind           string
	Path           string // SVG path data
	Label          string
	LabelX, LabelY int
}

// NewTopology places spec's hosts, agents and links, with labels in l.
func NewTopology(spec *sim.Spec, l lang.Lang) Topology {
	boxes := map[string][]string{} // host ID: the addresses of the mailboxes it holds
	for _, u := range spec.Users {
		boxes[u.Host] = append(boxes[u.Host], u.Address)
	}
	most := 0
	for _, h := range spec.Hosts {
		most = max(most, len(h.Agents)+len(boxes[h.ID]))
	}
	boxH := hostHead + most*chipH + max(most-1, 0)*chipGap + hostPad
	top := topoMargin
	pos := map[string]int{}
	for i, h := range spec.Hosts {
		pos[h.ID] = i
	}
	for _, k := range spec.Links {
		if d := pos[k.A] - pos[k.B]; d > 1 || d < -1 {
			top += arcRise
			break
		}
	}
	t := Topology{
		Width:  2*topoMargin + len(spec.Hosts)*hostW + max(len(spec.Hosts)-1, 0)*hostGap,
		Height: top + boxH + topoMargin,
	}
	for i, h := range spec.Hosts {
		b := hostBox{ID: h.ID, Name: h.Name, Label: h.Label.In(l),
			X: topoMargin + i*(hostW+hostGap), Y: top, W: hostW, H: boxH}
		row := func(j int) int { return b.Y + hostHead + j*(chipH+chipGap) }
		for j, a := range h.Agents {
			b.Chips = append(b.Chips, newChip(a.ID, string(a.Kind), a.Label.In(l), b.X+hostPad, row(j), hostW-2*hostPad-dockRoom))
		}
		for j, addr := range boxes[h.ID] {
			c := newChip(BoxChip(addr), "mailbox", tr(l, "topology.mailbox"), b.X+hostPad, row(len(h.Agents)+j), hostW-2*hostPad-dockRoom)
			c.Sub = addr
			b.Chips = append(b.Chips, c)
		}
		t.Hosts = append(t.Hosts, b)
	}
	for _, k := range spec.Links {
		i, j := pos[k.A], pos[k.B]
		if i > j {
			i, j = j, i
		}
		a, b := t.Hosts[i], t.Hosts[j]
		ln := linkLine{Kind: string(k.Kind),
			Label: fmt.Sprintf("%s · %d ms", tr(l, "link."+string(k.Kind)), k.Latency.Milliseconds())}
		if j-i == 1 {
			y := top + boxH/2
			ln.Path = fmt.Sprintf("M %d %d H %d", a.X+a.W, y, b.X)
			ln.LabelX, ln.LabelY = (a.X+a.W+b.X)/2, y-14
		} else {
			x1, x2 := a.X+a.W/2, b.X+b.W/2
			ln.Path = fmt.Sprintf("M %d %d Q %d %d %d %d", x1, top, (x1+x2)/2, top-2*arcRise+20, x2, top)
			ln.LabelX, ln.LabelY = (x1+x2)/2, top-arcRise+4
		}
		t.Links = append(t.Links, ln)
	}
	if len(spec.Zones) > 0 {
		c := newChip(sim.DNSAgent, "dns", tr(l, "topology.dns"), (t.Width-dnsW)/2, t.Height-topoMargin+dnsGap, dnsW)
		t.DNS = &c
		t.Height += dnsGap + chipH
	}
	return t
}

// name is how the transcript and the inspector name the chip: its label,
// and for a mailbox its address too.
func (c agentChip) name() string {
	if c.Sub != "" {
		return c.Label + " " + c.Sub
	}
	return c.Label
}

// Who is how the transcript names agent id: its chip's name and, where
// the layout has more than one host, the host's name after "@", as the .txt
// export does, so that two hops' "Client MTA → Server MTA" tell apart;
// short, to fit the transcript's narrow column. A mailbox's address
// already says where it is.
func (t Topology) Who(id string) string {
	for _, h := range t.Hosts {
		for _, c := range h.Chips {
			if c.ID != id {
				continue
			}
			if len(t.Hosts) > 1 && c.Sub == "" {
				return c.name() + " @ " + t.short(h.Name)
			}
			return c.name()
		}
	}
	if c, ok := t.Chip(id); ok {
		return c.name()
	}
	return id
}

// short is host name's first label ("sysa" of sysa.example.org) when no
// other host's name starts with the same one, else the whole name:
// mail.example.org and mail.example.net stay whole.
func (t Topology) short(name string) string {
	first, _, _ := strings.Cut(name, ".")
	for _, h := range t.Hosts {
		if other, _, _ := strings.Cut(h.Name, "."); h.Name != name && other == first {
			return name
		}
	}
	return first
}

// Chip returns the chip of agent id, if the layout has one.
func (t Topology) Chip(id string) (agentChip, bool) {
	if t.DNS != nil && t.DNS.ID == id {
		return *t.DNS, true
	}
	for _, h := range t.Hosts {
		for _, c := range h.Chips {
			if c.ID == id {
				return c, true
			}
		}
	}
	return agentChip{}, false
}

// Envelope is where the topology's envelope rests: on the chip the message
// reached last (see motion). From and To are the chips of the last step,
// which are marked. Held is how many messages each mailbox holds, by
// address in lower case, for the mailbox chips.
type Envelope struct {
	Shown    bool
	X, Y     int
	Dir      string
	From, To string
	Held     map[string]int
}

// BoxChip is the topology's chip of the mailbox of address.
func BoxChip(address string) string { return "box:" + strings.ToLower(address) }
