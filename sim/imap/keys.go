package imap

// Explanation keys of the server's responses, exported so that the world
// and the UI can react to a kind of response without matching its text.
// Commands and states have derived keys: "imap.cmd."+Output.Command and
// State.Key().
const (
	KeyGreeting     = "imap.ok.greeting"       // "* OK [CAPABILITY ...]" greeting
	KeyCapability   = "imap.ok.capability"     // CAPABILITY listing
	KeyNoop         = "imap.ok.noop"           // NOOP, with any news about the folder
	KeyLogout       = "imap.ok.logout"         // BYE and OK: the session ends
	KeyLogin        = "imap.ok.login"          // LOGIN accepted
	KeyAuthenticate = "imap.ok.authenticate"   // AUTHENTICATE PLAIN accepted
	KeySelect       = "imap.ok.select"         // folder opened read-write
	KeyExamine      = "imap.ok.examine"        // folder opened read-only
	KeyCreate       = "imap.ok.create"         // folder created on the server
	KeyDelete       = "imap.ok.delete"         // folder deleted
	KeyRename       = "imap.ok.rename"         // folder renamed
	KeySubscribe    = "imap.ok.subscribe"      // folder added to the subscriptions
	KeyUnsubscribe  = "imap.ok.unsubscribe"    // folder removed from them
	KeyList         = "imap.ok.list"           // LIST answer
	KeyDelimiter    = "imap.ok.list-delimiter" // LIST "" "": the hierarchy delimiter
	KeyLsub         = "imap.ok.lsub"           // LSUB answer
	KeyStatus       = "imap.ok.status"         // STATUS counts
	KeyAppend       = "imap.ok.append"         // message stored by APPEND
	KeyCheck        = "imap.ok.check"          // CHECK
	KeyClose        = "imap.ok.close"          // CLOSE: \Deleted removed silently, folder closed
	KeyExpunge      = "imap.ok.expunge"        // EXPUNGE with its "* n EXPUNGE" lines
	KeySearch       = "imap.ok.search"         // SEARCH result (sequence numbers)
	KeyFetch        = "imap.ok.fetch"          // FETCH of flags, sizes, whole messages
	KeyFetchPartial = "imap.ok.fetch-partial"  // FETCH of part of a message: header, a MIME part, <origin.count>
	KeyStore        = "imap.ok.store"          // STORE changed flags
	KeyCopy         = "imap.ok.copy"           // COPY into another folder
	KeyUIDFetch     = "imap.ok.uid-fetch"      // UID FETCH
	KeyUIDSearch    = "imap.ok.uid-search"     // UID SEARCH: the result lists UIDs
	KeyUIDStore     = "imap.ok.uid-store"      // UID STORE
	KeyUIDCopy      = "imap.ok.uid-copy"       // UID COPY
	KeyUIDExpunge   = "imap.ok.uid-expunge"    // UID EXPUNGE (UIDPLUS): only the given messages
	KeyMove         = "imap.ok.move"           // MOVE: copied, then the originals expunged
	KeyUIDMove      = "imap.ok.uid-move"       // UID MOVE
	KeyIdle         = "imap.cont.idle"         // "+ idling": news comes as it happens
	KeyIdleNews     = "imap.idle.news"         // EXISTS or EXPUNGE sent during IDLE, unasked
	KeyIdleDone     = "imap.ok.idle"           // DONE ended IDLE
	KeyIdleNotDone  = "imap.bad.idle-not-done" // a line other than DONE during IDLE

	KeyContLiteral = "imap.cont.literal"      // "+ Ready for literal data"
	KeyContAuth    = "imap.cont.authenticate" // "+ " waiting for the SASL response
	KeyLiteralPlus = "imap.literal.plus"      // {n+}: no answer, the octets follow at once
	KeyLiteralData = "imap.literal.data"      // a line of literal octets: no answer yet
	KeyByeTimeout  = "imap.bye.timeout"       // the server closes an idle session
	KeyByeShutdown = "imap.bye.shutdown"      // the server is stopping

	KeyNoGreeting     = "imap.bad.no-greeting"     // input before the greeting
	KeyClosed         = "imap.bad.closed"          // input after the session ended
	KeyLineTooLong    = "imap.bad.line-too-long"   // command line over MaxCommandLine
	KeyControlChars   = "imap.bad.control-chars"   // NUL, CR or LF in a command line
	KeyNoTag          = "imap.bad.no-tag"          // no valid tag: answered untagged
	KeyUnknownCommand = "imap.bad.unknown-command" // verb IMAP4rev1 does not have
	KeyWrongState     = "imap.bad.wrong-state"     // known verb, wrong state
	KeySyntax         = "imap.bad.syntax"          // missing, extra or malformed arguments
	KeyBadSequence    = "imap.bad.sequence"        // message number beyond EXISTS
	KeyAuthCancelled  = "imap.bad.auth-cancelled"  // client answered "*"
	KeyAuthMalformed  = "imap.bad.auth-malformed"  // SASL response not base64 or not PLAIN's form
	KeyTooBigPlus     = "imap.bad.toobig"          // {n+} over the limit: the session ends
	KeyTooBig         = "imap.no.toobig"           // {n} over the limit: refused before the octets
	KeyAuthFailed     = "imap.no.auth-failed"      // wrong user or password
	KeyMechanism      = "imap.no.mechanism"        // AUTHENTICATE with another mechanism
	KeyNonexistent    = "imap.no.nonexistent"      // the folder does not exist
	KeyTryCreate      = "imap.no.trycreate"        // APPEND/COPY to a missing folder
	KeyAlreadyExists  = "imap.no.already-exists"   // CREATE/RENAME onto an existing folder
	KeyInbox          = "imap.no.inbox"            // DELETE INBOX
	KeyHasChildren    = "imap.no.has-children"     // DELETE of a folder with subfolders
	KeyBadName        = "imap.no.bad-name"         // folder name empty, with wildcards or empty levels
	KeyReadOnly       = "imap.no.read-only"        // change in a folder opened with EXAMINE
	KeyBadCharset     = "imap.no.badcharset"       // SEARCH CHARSET other than US-ASCII, UTF-8
	KeyServerFailure  = "imap.no.server-failure"   // the store failed
)
