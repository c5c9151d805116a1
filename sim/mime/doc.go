// Package mime owns the step tracers behind the encoding lab: Base64 encode
// and decode, quoted-printable, uuencode, the graded Base64 exercises and the
// APOP and CRAM-MD5 digests, each recorded step by step as JSON-ready data.
//
// Nothing here renders HTML: the web layer turns the traces into pages. The
// tracers compute every step themselves (that is the point of a trace) and
// the tests hold them to the standard library's encoders, so a student never
// sees a step that disagrees with what real mail software sends.
//
// All JSON field names are camelCase and stable: fields are only ever added.
// Every user-visible sentence is a lang.Text drawn from Catalog.
package mime
