package pop3

import "mailsim/sim/machine"

// Transitions are the POP3 server's transitions (RFC 1939 §3): the
// greeting, a successful PASS or APOP, QUIT into UPDATE, and the connection
// closing. The state diagram draws them.
var Transitions = []machine.Transition[State]{
	{From: Connected, To: Authorization, Label: "+OK"},
	{From: Authorization, To: Transaction, Label: "PASS / APOP"},
	{From: Transaction, To: Update, Label: "QUIT"},
	{From: Update, To: Closed, Label: "state.edge.close"},
	{From: Authorization, To: Closed, Label: "QUIT"},
}
