package pop3

// Explanation keys of the server's responses, exported so that the world
// and the UI can react to a kind of response without matching its text.
// Commands and states have derived keys: "pop3.cmd."+Output.Command and
// "pop3.state."+State.String().
const (
	KeyGreeting   = "pop3.ok.greeting"    // greeting, APOP timestamp included when enabled
	KeyUser       = "pop3.ok.user"        // USER accepted, PASS expected
	KeyLogin      = "pop3.ok.login"       // authenticated, maildrop locked, TRANSACTION begins
	KeyChallenge  = "pop3.ok.challenge"   // "+ " continuation of an AUTH exchange
	KeyAuthList   = "pop3.ok.auth-list"   // AUTH without argument: the SASL mechanisms
	KeyCapa       = "pop3.ok.capa"        // CAPA listing
	KeyStat       = "pop3.ok.stat"        // STAT drop listing
	KeyList       = "pop3.ok.list"        // LIST scan listing of all messages
	KeyListOne    = "pop3.ok.list-one"    // LIST n
	KeyRetr       = "pop3.ok.retr"        // RETR: the whole message follows
	KeyTop        = "pop3.ok.top"         // TOP: header and first body lines follow
	KeyUIDL       = "pop3.ok.uidl"        // UIDL unique-id listing of all messages
	KeyUIDLOne    = "pop3.ok.uidl-one"    // UIDL n
	KeyDele       = "pop3.ok.dele"        // DELE marked a message
	KeyNoop       = "pop3.ok.noop"        // NOOP
	KeyRset       = "pop3.ok.rset"        // RSET unmarked all messages
	KeyQuit       = "pop3.ok.quit"        // QUIT from AUTHORIZATION: nothing changes
	KeyQuitUpdate = "pop3.ok.quit-update" // QUIT from TRANSACTION: UPDATE removed the marked messages
	KeyQuitKept   = "pop3.ok.quit-kept"   // QUIT from TRANSACTION with nothing marked: the maildrop stays

	KeyNoGreeting     = "pop3.err.no-greeting"     // input before the greeting
	KeyClosed         = "pop3.err.closed"          // input after the session ended
	KeyLineTooLong    = "pop3.err.line-too-long"   // line over MaxCommandLine
	KeyControlChars   = "pop3.err.control-chars"   // line with CR, LF or NUL inside
	KeyUnknownCommand = "pop3.err.unknown-command" // verb POP3 does not have
	KeyWrongState     = "pop3.err.wrong-state"     // known verb, wrong state
	KeySyntax         = "pop3.err.syntax"          // missing, extra or malformed arguments
	KeyUserFirst      = "pop3.err.user-first"      // PASS without USER
	KeyAuthFailed     = "pop3.err.auth-failed"     // unknown user or wrong secret
	KeyInUse          = "pop3.err.in-use"          // maildrop locked by another session
	KeyNoAPOP         = "pop3.err.apop-unavailable"
	KeyMechanism      = "pop3.err.mechanism"      // AUTH with an unsupported mechanism
	KeyAuthCancelled  = "pop3.err.auth-cancelled" // client answered "*"
	KeyAuthMalformed  = "pop3.err.auth-malformed" // SASL response not valid base64 or form
	KeyNoSuchMessage  = "pop3.err.no-such-message"
	KeyDeleted        = "pop3.err.deleted"       // message already marked as deleted
	KeyUpdateFailed   = "pop3.err.update-failed" // UPDATE could not remove every message
)
