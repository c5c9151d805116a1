// Package store is mailsim's one mailbox store: each user's folders
// (INBOX, which POP3 serves, and any IMAP creates), messages with UIDs and
// flags, the marks of POP3's DELE until UPDATE, and the lock a POP3
// session holds. The simulated world keeps one Store per mail host, the
// live lab one for all its accounts, and the IMAP server works on it
// directly (it implements imap.Store); POP3 reads its INBOX.
//
// It is a leaf: it imports nothing of mailsim, so that the protocol
// packages, the world and the lab can all use it without cycles.
//
// The mutating methods are few and named for what they do, so that a
// journal can wrap them: Deliver, Append, Copy (mail coming in), SetFlags,
// Expunge, Remove (mail going out), Create, Rename, Delete, Subscribe
// (folders). Select's clearing of \Recent, Mark (a POP3 session's marks)
// and Lock belong to sessions, which end with the process, and are not
// meant to be journalled.
package store

import (
	"errors"
	"time"
)

// Inbox is the one folder every user has. Its name is case-insensitive
// (RFC 3501 §5.1); every other name is case-sensitive.
const Inbox = "INBOX"

// Delimiter separates the levels of a folder hierarchy ("Work/2024").
const Delimiter = "/"

// The system flags of RFC 3501 §2.3.2. \Recent is not among those a client
// sets: it says that this session is the first to see the message.
const (
	FlagSeen     = `\Seen`
	FlagAnswered = `\Answered`
	FlagFlagged  = `\Flagged`
	FlagDeleted  = `\Deleted`
	FlagDraft    = `\Draft`
	FlagRecent   = `\Recent`
)

// Info is what the agent that delivered a message knew of it besides its
// text. A message that IMAP appended or copied has none.
type Info struct {
	ID      string // the POP3 unique ID (UIDL, RFC 1939 §7); "" gets one from the folder's UIDVALIDITY and the UID
	Msg     string // the message's ID in events ("M1" in a scenario, the queue ID in the lab)
	Queue   string // the receiving server's queue ID
	From    string // the envelope sender
	Subject string
}

// Message is one message in a folder.
type Message struct {
	// UID is the message's unique identifier in its folder: it grows with
	// every message added and is never reused while the folder's
	// UIDVALIDITY stays the same (RFC 3501 §2.3.1.1).
	UID uint32
	// Flags are the message's flags, system flags spelt as the Flag
	// constants, keywords as the client gave them.
	Flags []string
	// Date is the internal date: when the message arrived (delivery,
	// APPEND; COPY keeps the original). The caller supplies it.
	Date time.Time
	// Data is the message text with CRLF line ends. It is never modified
	// once stored, so sessions share it without copying.
	Data []byte
	// Recent is true until a session selects the folder read-write; that
	// session is the one told about it with \Recent (RFC 3501 §2.3.2).
	Recent bool
	// Marked is true while a POP3 session has marked the message with
	// DELE: it goes at that session's UPDATE, or stays if the session ends
	// otherwise (RFC 1939 §6).
	Marked bool
	// Info is what delivery knew of the message.
	Info Info
}

// Deleted reports whether the message is on its way out: marked by a POP3
// DELE, or flagged \Deleted until an IMAP EXPUNGE. A mailbox view shows it
// so until it goes.
func (m Message) Deleted() bool { return m.Marked || HasFlag(m.Flags, FlagDeleted) }

// Status is what STATUS and SELECT report about a folder.
type Status struct {
	Messages    int    // number of messages
	Recent      int    // messages with the \Recent flag
	Unseen      int    // messages without \Seen
	UIDNext     uint32 // the UID the next message will get
	UIDValidity uint32 // changes when UIDs of this name can no longer be trusted
}

// Errors the IMAP server explains to its client.
var (
	ErrNoSuchMailbox = errors.New("imap: no such mailbox")
	ErrMailboxExists = errors.New("imap: mailbox already exists")
	ErrInbox         = errors.New("imap: INBOX cannot be deleted")
	ErrHasChildren   = errors.New("imap: mailbox has children")
	ErrBadName       = errors.New("imap: invalid mailbox name")
)
