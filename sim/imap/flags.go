package imap

import (
	"mailsim/sim/store"

	"slices"
	"strings"
)

// systemFlags are the flags a client may set, in the order the server
// lists them in FLAGS and PERMANENTFLAGS.
var systemFlags = []string{FlagAnswered, FlagFlagged, FlagDeleted, FlagSeen, FlagDraft}

// canonicalFlag spells a system flag as RFC 3501 does ("\SEEN" is \Seen);
// keywords and unknown backslash flags are returned as given.
func canonicalFlag(f string) string {
	for _, sys := range append(systemFlags, FlagRecent) {
		if strings.EqualFold(f, sys) {
			return sys
		}
	}
	return f
}

// addFlags returns flags with every one of more that it lacks.
func addFlags(flags, more []string) []string {
	out := slices.Clone(flags)
	for _, f := range more {
		if !store.HasFlag(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// removeFlags returns flags without any of less.
func removeFlags(flags, less []string) []string {
	return slices.DeleteFunc(slices.Clone(flags), func(f string) bool { return store.HasFlag(less, f) })
}

// formatFlags writes a flag list as it goes on the wire, with \Recent for
// a message this session reports as recent.
func formatFlags(flags []string, recent bool) string {
	if recent {
		flags = append(slices.Clone(flags), FlagRecent)
	}
	return "(" + strings.Join(flags, " ") + ")"
}
