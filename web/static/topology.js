// The topology's moving parts: the envelope and the chips of the agents in
// the current event.

// agentLabel is the label the topology shows for an agent, or its ID.
export function agentLabel(svg, id) {
  return chip(svg, id)?.dataset.label ?? id ?? '';
}

// showEvent marks e's sender and receiver and puts the envelope on the
// receiver. When animate is set the envelope first starts on the sender, so
// that it travels; prefers-reduced-motion removes the travel in style.css.
export function showEvent(svg, e, animate) {
  for (const c of svg.querySelectorAll('.chip.from, .chip.to')) c.classList.remove('from', 'to');
  const envelope = svg.querySelector('.envelope');
  const from = e && chip(svg, e.from);
  const to = e && chip(svg, e.to);
  from?.classList.add('from');
  to?.classList.add('to');
  const end = to ?? from;
  envelope.classList.toggle('gone', !end);
  if (!end) return;
  envelope.classList.remove('dir-push', 'dir-pull', 'dir-local');
  envelope.classList.add(`dir-${e.dir}`);
  if (animate && from && to) {
    place(envelope, from, false);
    envelope.getBoundingClientRect(); // commit the start so the move transitions
  }
  place(envelope, end, animate && Boolean(from && to));
}

function chip(svg, id) {
  return id ? svg.querySelector(`[data-agent="${CSS.escape(id)}"]`) : null;
}

function place(envelope, target, moving) {
  envelope.classList.toggle('moving', moving);
  envelope.style.transform = `translate(${target.dataset.x}px, ${target.dataset.y}px)`;
}
