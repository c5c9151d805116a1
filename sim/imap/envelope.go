package imap

import (
	"mime"
	"net/mail"
	"strings"
	"unicode/utf8"
)

// envelope writes the ENVELOPE of a message (RFC 3501 §7.4.2): date,
// subject, the six address lists, In-Reply-To and Message-ID. It lets a
// client draw the message list without fetching any message text.
func (e *entity) envelope() string {
	from := e.addresses("From")
	sender, replyTo := e.addresses("Sender"), e.addresses("Reply-To")
	// Sender and Reply-To default to From (RFC 3501 §7.4.2).
	if sender == "NIL" {
		sender = from
	}
	if replyTo == "NIL" {
		replyTo = from
	}
	return "(" + strings.Join([]string{
		e.nfield("Date"), e.nfield("Subject"),
		from, sender, replyTo, e.addresses("To"), e.addresses("Cc"), e.addresses("Bcc"),
		e.nfield("In-Reply-To"), e.nfield("Message-ID"),
	}, " ") + ")"
}

// nfield writes a field's value as a string, or NIL when it is missing.
func (e *entity) nfield(name string) string {
	return nstring(e.lookup(name))
}

// addresses writes an address list field as a list of
// (name adl mailbox host), or NIL when the field is missing or cannot be
// parsed. Names that need more than ASCII are sent as RFC 2047 encoded
// words, which is how they travel in a header.
func (e *entity) addresses(name string) string {
	value, ok := e.lookup(name)
	if !ok || value == "" {
		return "NIL"
	}
	list, err := mail.ParseAddressList(value)
	if err != nil || len(list) == 0 {
		return "NIL"
	}
	var b strings.Builder
	b.WriteByte('(')
	for _, a := range list {
		mailbox, host := a.Address, ""
		if i := strings.LastIndexByte(a.Address, '@'); i >= 0 {
			mailbox, host = a.Address[:i], a.Address[i+1:]
		}
		display := a.Name
		if !isASCII(display) && utf8.ValidString(display) {
			display = mime.QEncoding.Encode("utf-8", display)
		}
		b.WriteString("(" + nstring(display, display != "") + " NIL " + quote(mailbox) + " " + quote(host) + ")")
	}
	b.WriteByte(')')
	return b.String()
}

// isASCII reports whether s has only 7-bit octets.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
