package machine

import "time"

// MaxLoginFailures is how many failed logins a POP3 or IMAP session may
// make: the last one closes it, so that one connection cannot try password
// after password. A new connection starts again, and pays the delays again.
const MaxLoginFailures = 3

// LoginDelay is how long a server waits before it answers the nth failed
// login of a session (n from 1): 1 s, 2 s, 4 s. Waiting makes guessing
// slow, and growing makes a long series slower still; a right password is
// answered at once.
func LoginDelay(n int) time.Duration {
	if n < 1 {
		return 0
	}
	return time.Second << min(n-1, 10)
}
