package imap

import "mailsim/sim/machine"

// Transitions are the IMAP server's transitions (RFC 3501 §3): the
// greeting, LOGIN, SELECT (or EXAMINE) of a folder and CLOSE back out of
// it, and LOGOUT from any state after the greeting. The state diagram
// draws them.
var Transitions = []machine.Transition[State]{
	{From: Connected, To: NotAuthenticated, Label: "* OK"},
	{From: NotAuthenticated, To: Authenticated, Label: "LOGIN"},
	{From: Authenticated, To: Selected, Label: "SELECT"},
	{From: Selected, To: Authenticated, Label: "CLOSE"},
	{From: NotAuthenticated, To: Logout, Label: "LOGOUT"},
	{From: Authenticated, To: Logout, Label: "LOGOUT"},
	{From: Selected, To: Logout, Label: "LOGOUT"},
}
