package lessons

// Topics are the lecture's topics, in its order: every one must have a
// lesson in both languages (docs/lessons.md says what each covers).
var Topics = []string{
	"architecture", "scenarios", "mta-maa", "ua", "format", "mx", "mime",
	"encodings", "smtp", "telnet-smtp", "pop3", "imap", "rfcs",
}
