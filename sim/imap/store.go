package imap

import "mailsim/sim/store"

// The folder names, flags and message shape are the one store's
// (mailsim/sim/store), which the world and the live lab keep mail in.
const (
	Inbox     = store.Inbox
	Delimiter = store.Delimiter

	FlagSeen     = store.FlagSeen
	FlagAnswered = store.FlagAnswered
	FlagFlagged  = store.FlagFlagged
	FlagDeleted  = store.FlagDeleted
	FlagDraft    = store.FlagDraft
	FlagRecent   = store.FlagRecent
)

// Message is one message in a folder as the Store keeps it.
type Message = store.Message

// MailboxStatus is what STATUS and SELECT report about a folder.
type MailboxStatus = store.Status

// Store is the mail store a server session works on; *store.Store
// implements it, for the world, the live lab and tests. It is the only way a session
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
	ErrNoSuchMailbox = store.ErrNoSuchMailbox
	ErrMailboxExists = store.ErrMailboxExists
	ErrInbox         = store.ErrInbox
	ErrHasChildren   = store.ErrHasChildren
	ErrBadName       = store.ErrBadName
)
