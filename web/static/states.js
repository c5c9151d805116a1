// The state diagrams: the one of the current step's protocol shows, with
// its current state lit and the transition just taken marked (see
// machine.go for the frame's "machine").

// showMachine shows m = {proto, state, from} on the diagrams under root.
// A trace with no session (scenario 1) has no protocol: a note says why.
export function showMachine(root, m) {
  const none = root.querySelector('.no-machine');
  if (none) none.hidden = Boolean(m.proto);
  for (const fig of root.querySelectorAll('figure[data-proto]')) {
    const here = fig.dataset.proto === m.proto;
    fig.hidden = !here;
    for (const g of fig.querySelectorAll('[data-state]')) g.classList.toggle('lit', here && g.dataset.state === m.state);
    const taken = `${m.from ?? ''}>${m.state}`;
    for (const g of fig.querySelectorAll('[data-edge]')) g.classList.toggle('taken', here && g.dataset.edge === taken);
  }
}
