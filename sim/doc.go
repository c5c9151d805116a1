// Package sim owns the simulated world: hosts, agents, links, mailboxes, a
// virtual clock and an event queue. Stepping the world delivers exactly one
// Event at a time, deterministically, so the same scenario always gives the
// same trace and stepping back is a cheap replay from the start.
package sim
