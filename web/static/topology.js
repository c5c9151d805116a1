// The topology's moving parts: the chips of the step's agents, the token
// that carries a command or a reply along the link, and the envelope,
// which moves only with the message itself (see web/motion.go).

// agentLabel is the label the topology shows for an agent, or its ID.
export function agentLabel(svg, id) {
  return chip(svg, id)?.dataset.label ?? id ?? '';
}

// agentWho is how the transcript names an agent: as topology.go's who,
// its label and, when the layout has several hosts, "@" its host's name,
// shortened.
export function agentWho(svg, id) {
  const c = chip(svg, id);
  const host = c?.closest('.host');
  if (!host || c.querySelector('[data-box]') || svg.querySelectorAll('.host').length < 2) return agentLabel(svg, id);
  return `${c.dataset.label} @ ${short(svg, host.querySelector('.host-name').textContent)}`;
}

// short is a host name's first label, or the whole name when another host
// starts with the same one: topology.go's short.
function short(svg, name) {
  const first = name.split('.')[0];
  const names = [...svg.querySelectorAll('.host .host-name')].map((n) => n.textContent);
  return names.some((n) => n !== name && n.split('.')[0] === first) ? name : first;
}

// showMotion shows frame f's motion: it marks the chips the step goes from
// and to, moves the token or the envelope between them, and rests the
// envelope where the message is. With animate set, what travels starts on
// the sender; prefers-reduced-motion removes the travel in style.css and
// leaves the marks.
export function showMotion(svg, f, animate) {
  const m = f.motion ?? {};
  for (const c of svg.querySelectorAll('.chip.from, .chip.to')) c.classList.remove('from', 'to');
  const from = chip(svg, m.from);
  const to = chip(svg, m.to);
  from?.classList.add('from');
  to?.classList.add('to');
  const dir = f.events[f.step - 1]?.dir ?? 'local';

  const envelope = svg.querySelector('.envelope');
  const rest = chip(svg, m.rest);
  envelope.classList.toggle('gone', !rest);
  if (rest) {
    envelope.classList.remove('dir-push', 'dir-pull', 'dir-local');
    envelope.classList.add(`dir-${m.dir}`);
    const travels = animate && m.message && from && to;
    if (travels) start(envelope, from);
    place(envelope, rest, travels);
  }

  const token = svg.querySelector('.token');
  const carries = Boolean(m.token && from && to);
  token.classList.toggle('gone', !carries);
  if (!carries) return;
  token.classList.remove('dir-push', 'dir-pull', 'dir-local');
  token.classList.add(`dir-${dir}`);
  token.querySelector('text').textContent = m.token;
  if (animate) start(token, from);
  place(token, to, animate);
}

// showEvent marks e's sender and receiver and moves the envelope from the
// one to the other: the live lab's view, where each event stands alone.
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
  const travels = animate && Boolean(from && to);
  if (travels) start(envelope, from);
  place(envelope, end, travels);
}

// showCounts writes how many messages each mailbox chip holds, from the
// frame's mailboxes, leaving out those removed.
export function showCounts(svg, mailboxes) {
  const held = new Map((mailboxes ?? []).map((b) => [b.address.toLowerCase(), (b.messages ?? []).filter((m) => !m.deleted).length]));
  for (const c of svg.querySelectorAll('.count[data-box]')) c.textContent = `(${held.get(c.dataset.box.toLowerCase()) ?? 0})`;
}

function chip(svg, id) {
  return id ? svg.querySelector(`[data-agent="${CSS.escape(id)}"]`) : null;
}

// start puts g on chip c without a transition and commits it, so that the
// next place travels from there.
function start(g, c) {
  g.classList.remove('moving');
  g.style.transform = `translate(${c.dataset.x}px, ${c.dataset.y}px)`;
  g.getBoundingClientRect();
}

function place(g, c, moving) {
  g.classList.toggle('moving', moving);
  g.style.transform = `translate(${c.dataset.x}px, ${c.dataset.y}px)`;
}
