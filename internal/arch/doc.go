// Package arch holds the test of mailsim's layering: which packages may
// import which. It has no code of its own.
package arch
