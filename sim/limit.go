package sim

// EventLimit is the most events one run of a scenario may take, the same in
// the CLI and on the web, so that a scenario that prints in one plays in the
// other. It stops a run that would never end; mail loops end on their own at
// smtp.MaxHops, and a relay cycle is refused when a scenario loads, so only
// a very large script comes near it: the lecture's two systems exchanging
// 2,000 messages take 42,003 events.
const EventLimit = 100_000
