// Package sim owns the simulated world: hosts, agents, links, mailboxes, a
// virtual clock and an event queue. Stepping the world delivers exactly one
// Event at a time, deterministically, so the same scenario always gives the
// same trace and stepping back is a cheap replay from the start.
//
// It also holds what the world shares with the live lab behind the real
// ports and with the browser console: Event, and the one event builder
// (Builder) that turns a protocol machine's answers into events, so that
// the same traffic gives the same events wherever it happens. The
// mailboxes are views of the one mail store, mailsim/sim/store.
package sim
