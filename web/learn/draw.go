package learn

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"

	"mailsim/lang"
	"mailsim/lessons"
	"mailsim/sim"
	"mailsim/sim/mime"
	"mailsim/sim/pop3"
	"mailsim/sim/smtp"
	"mailsim/web/mimelab"
	"mailsim/web/view"
)

// drawer draws a lesson's widgets in one language, each with the component
// of its own page.
type drawer struct {
	lib  sim.Library
	play Players
	l    lang.Lang
	slug string
}

func (d drawer) draw(w io.Writer, wd *lessons.Widget) error {
	c, err := d.component(wd)
	if err != nil {
		return err
	}
	return c.Render(background, w)
}

func (d drawer) component(wd *lessons.Widget) (templ.Component, error) {
	l := d.l
	switch wd.Kind {
	case "states":
		i := slices.IndexFunc(view.Machines(l), func(m view.Machine) bool { return m.Proto == wd.Attrs["proto"] })
		if i < 0 {
			return nil, fmt.Errorf("no state diagram for %s", wd.Attrs["proto"])
		}
		return statesWidget(view.Machines(l)[i]), nil
	case "table":
		name := wd.Attrs["name"]
		cols, rows := table(l, name)
		return tableWidget(name, cols, rows), nil
	case "player":
		return d.player(wd)
	case "base64":
		return d.base64(wd), nil
	case "console":
		proto := wd.Attrs["proto"]
		return consoleWidget(l, "console", "/console?proto="+proto+"&lang="+string(l), tr(l, "lessons.open.console")+" ("+strings.ToUpper(proto)+")", wd.Body), nil
	case "nslookup":
		return consoleWidget(l, "nslookup", "/console/nslookup?lang="+string(l), tr(l, "lessons.open.nslookup"), wd.Body), nil
	case "quiz":
		return quizWidget(l, d.slug, wd.Quiz), nil
	case "notes":
		var b bytes.Buffer
		if err := lessons.Markdown(&b, strings.Join(wd.Body, "\n")); err != nil {
			return nil, err
		}
		return notesWidget(l, template.HTML(b.String())), nil
	}
	return nil, fmt.Errorf("no drawing for widget %s", wd.Kind)
}

// player is the player's own embedded player at the widget's step, or
// over from..to.
func (d drawer) player(wd *lessons.Widget) (templ.Component, error) {
	spec, ok := d.lib.Get(wd.Attrs["scenario"])
	if !ok {
		return nil, fmt.Errorf("unknown scenario %q", wd.Attrs["scenario"])
	}
	from, _ := wd.Int("from")
	to, _ := wd.Int("to")
	step, ok := wd.Int("step")
	if !ok {
		step = from
	}
	return d.play.Embed(spec.In(d.l), step, from, to, d.l)
}

// base64 is the lab's Base64 tracer on the widget's input, and its result
// as a sentence, worked out by the tracer's own code, for a reader without
// the script or on paper.
func (d drawer) base64(wd *lessons.Widget) templ.Component {
	in := wd.Attrs["input"]
	q := url.Values{"text": {in}, "lang": {string(d.l)}}
	b := mimelab.Base64{ID: "tracer-" + strconv.Itoa(wd.Index), Input: in, Decode: wd.Attrs["mode"] == "decode", Compact: true}
	key, out := "lessons.base64.encode", ""
	if b.Decode {
		q.Set("mode", "decode")
		key = "lessons.base64.decode"
		t, err := mime.TraceDecode(in)
		if err != nil || t.Error != nil {
			key = "lessons.base64.bad"
		}
		out = t.Text
	} else {
		out = mime.TraceEncode([]byte(in)).Output
	}
	text := strings.NewReplacer("{in}", in, "{out}", out).Replace(tr(d.l, key))
	return base64Widget(d.l, text, b, "/lab?"+q.Encode())
}

// table is the columns and rows of the table called name, from the
// simulator's own lists, so that a lesson's table cannot drift from what
// the simulator does.
func table(l lang.Lang, name string) ([]string, [][]string) {
	var rows [][]string
	switch name {
	case "reply-codes":
		for code := 200; code < 600; code++ {
			if t, ok := smtp.Explanations["smtp.reply."+strconv.Itoa(code)]; ok {
				rows = append(rows, []string{strconv.Itoa(code), t.In(l)})
			}
		}
		return []string{tr(l, "lessons.col.code"), tr(l, "lessons.col.meaning")}, rows
	case "smtp-commands", "pop3-commands":
		proto, verbs := "smtp", verbsOf(smtp.States, smtp.Commands)
		if name == "pop3-commands" {
			proto, verbs = "pop3", verbsOf(pop3.States, pop3.Commands)
		}
		for _, v := range verbs {
			rows = append(rows, []string{v, explain(l, proto+".cmd."+v)})
		}
		return []string{tr(l, "lessons.col.command"), tr(l, "lessons.col.meaning")}, rows
	case "mime-types":
		for _, t := range mime.MediaTypes {
			rows = append(rows, []string{t.Type + "/" + t.Subtype, t.About.In(l)})
		}
		return []string{tr(l, "lessons.col.type"), tr(l, "lessons.col.meaning")}, rows
	case "encodings":
		for _, e := range mime.TransferEncodings {
			rows = append(rows, []string{e.Name, e.About.In(l)})
		}
		return []string{tr(l, "lessons.col.encoding"), tr(l, "lessons.col.meaning")}, rows
	default: // base64-index, the only other name lessons accepts
		for _, e := range mime.Table() {
			rows = append(rows, []string{e.Char, strconv.Itoa(e.Value), e.Bits})
		}
		return []string{tr(l, "lessons.col.char"), tr(l, "lessons.col.value"), tr(l, "lessons.col.bits")}, rows
	}
}

// verbsOf is every command a protocol's server takes in some state, in the
// order the states first allow them.
func verbsOf[S any](states []S, commands func(S) []string) []string {
	var out []string
	for _, s := range states {
		for _, v := range commands(s) {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}
