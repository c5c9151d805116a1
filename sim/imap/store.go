package imap

import (
	"errors"
	"time"
)

// Inbox is the one folder every user has. Its name is case-insensitive
// (RFC 3501 §5.1); every other name is case-sensitive.
const Inbox = "INBOX"

// Delimiter separates the levels of a folder hierarchy ("Work/2024").
const Delimiter = "/"

// The system flags of RFC 3501 §2.3.2. \Recent is not among them because
// no client can set it: it says that this session is the first to see
// the message.
const (
	FlagSeen     = `\Seen`
	FlagAnswered = `\Answered`
	FlagFlagged  = `\Flagged`
	FlagDeleted  = `\Deleted`
	FlagDraft    = `\Draft`
	FlagRecent   = `\Recent`
)

// Message is one message in a folder as the Store keeps it.
type Message struct {
	// UID is the message's unique identifier in its folder: it grows with
	// every message added and is never reused while the folder's
	// UIDVALIDITY stays the same (RFC 3501 §2.3.1.1).
	UID uint32
	// Flags are the message's flags, system flags spelt as the Flag
	// constants, keywords as the client gave them.
	Flags []string
	// Date is the internal date: when the message arrived (delivery,
	// APPEND, COPY keeps the original). The caller supplies it.
	Date time.Time
	// Data is the message text with CRLF line ends. Stores must not modify
	// it once handed out, so sessions can share it without copying.
	Data []byte
	// Recent is true until a session selects the folder read-write; that
	// session is the one told about it with \Recent (RFC 3501 §2.3.2).
	Recent bool
}

// MailboxStatus is what STATUS and SELECT report about a folder.
type MailboxStatus struct {
	Messages    int    // number of messages
	Recent      int    // messages with the \Recent flag
	Unseen      int    // messages without \Seen
	UIDNext     uint32 // the UID the next message will get
	UIDValidity uint32 // changes when UIDs of this name can no longer be trusted
}

// Store is the mail store a server session works on. The simulated world
// implements it in memory (see MemoryStore); it is the only way a session
// changes anything outside itself, which is what lets the world turn a
// folder or flag change into an event. Implementations must be safe for
// concurrent use, because real connections share one store.
//
// Folder names are given as the client sent them, except that INBOX in
// any case arrives as Inbox. Errors the server explains to the client are
// the Err... values below (possibly wrapped); any other error is reported
// as a server failure.
type Store interface {
	// Login reports whether the user exists and the password is right.
	Login(user, password string) bool
	// Mailboxes lists the user's folder names, sorted, Inbox included.
	Mailboxes(user string) []string
	// Create makes a folder, and its missing parents.
	Create(user, mailbox string) error
	// Delete removes a folder and its messages. Inbox cannot be deleted
	// (ErrInbox), nor a folder with children (ErrHasChildren).
	Delete(user, mailbox string) error
	// Rename renames a folder and its children. Renaming Inbox moves its
	// messages into a new folder and leaves Inbox empty (RFC 3501 §6.3.5).
	Rename(user, from, to string) error
	// Subscribe adds the folder to the subscription list, or removes it.
	Subscribe(user, mailbox string, on bool) error
	// Subscriptions lists the subscribed folder names, sorted.
	Subscriptions(user string) []string
	// Status counts a folder's messages.
	Status(user, mailbox string) (MailboxStatus, error)
	// Messages returns a folder's messages in UID order. The slice is the
	// caller's; Data is shared.
	Messages(user, mailbox string) ([]Message, error)
	// Select returns Messages and, unless readOnly, clears the Recent mark
	// of every message, so that only this session reports them as \Recent.
	Select(user, mailbox string, readOnly bool) ([]Message, error)
	// Append adds a message (its UID and Recent are ignored) and returns
	// the UID it got.
	Append(user, mailbox string, m Message) (uint32, error)
	// Copy copies the messages with the given UIDs, flags and internal
	// date included, to another folder, and returns their new UIDs.
	Copy(user, from string, uids []uint32, to string) ([]uint32, error)
	// SetFlags replaces one message's flags.
	SetFlags(user, mailbox string, uid uint32, flags []string) error
	// Expunge removes the folder's messages flagged \Deleted and returns
	// their UIDs in ascending order. A nil uids means every such message;
	// otherwise only those among uids (UID EXPUNGE) go.
	Expunge(user, mailbox string, uids []uint32) ([]uint32, error)
}

// Errors a Store returns for situations the client is told about.
var (
	ErrNoSuchMailbox = errors.New("imap: no such mailbox")
	ErrMailboxExists = errors.New("imap: mailbox already exists")
	ErrInbox         = errors.New("imap: INBOX cannot be deleted")
	ErrHasChildren   = errors.New("imap: mailbox has children")
	ErrBadName       = errors.New("imap: invalid mailbox name")
)
