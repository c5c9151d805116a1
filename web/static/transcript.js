// The transcript: one list item per event, built like transcript.templ builds
// the items of the first page, from the side and reply class each event
// carries (sim.Event), as transcript.go does.
import { el } from './dom.js';
import { marked } from './bidi.js';

// marks are the events' sides as the transcript prints them (sim.Side's Mark).
const marks = { client: 'C:', server: 'S:' };

// renderTranscript makes list show exactly events. A replay always gives the
// same first events, so items already on the page are kept.
export function renderTranscript(list, events, words, label) {
  while (list.lastElementChild && Number(list.lastElementChild.dataset.seq) >= events.length) {
    list.lastElementChild.remove();
  }
  for (let i = list.children.length; i < events.length; i++) {
    list.append(item(events[i], words, label));
  }
  for (const li of list.querySelectorAll('.latest')) li.classList.remove('latest');
  const latest = list.lastElementChild;
  latest?.classList.add('latest');
  reveal(list, latest);
}

// reveal scrolls list, never the page, so that its latest item shows
// whole at the bottom, or from its top when it is taller than the list (a
// message's text): the current line is what must be in view.
export function reveal(list, latest) {
  if (!latest) return;
  const top = latest.offsetTop - list.offsetTop;
  list.scrollTop = latest.offsetHeight > list.clientHeight ? top : top + latest.offsetHeight - list.clientHeight;
}

// showNow writes event e, the current one, into a "now" panel: who acts
// and why, in large type in presentation mode and in lessons' players.
export function showNow(panel, e, label) {
  panel.querySelector('.now-who').textContent = !e ? '' : e.to ? `${label(e.from)} → ${label(e.to)}` : label(e.from);
  panel.querySelector('.now-why').textContent = e?.text ?? '';
}

// item is one event's list item; the console and the live lab use it too.
export function item(e, words, label) {
  const side = marks[e.side] ?? '';
  const li = el('li', `ev kind-${e.kind} dir-${e.dir}`);
  if (!side) li.classList.add('narration');
  li.dataset.testid = 'event';
  li.dataset.seq = e.seq;
  // A store writes into a mailbox, whichever agent its "to" names.
  const to = e.kind === 'store' && e.box ? label(`box:${e.box.toLowerCase()}`) : e.to && label(e.to);
  const who = to ? `${sameHost(label(e.from), to)} → ${to}` : label(e.from);
  const wire = el('div', 'wire');
  for (const line of e.line ? e.line.split('\r\n') : []) wire.append(wireLine(e, line));
  li.append(el('span', 'ms', `${e.ms} ${words.tMs}`), el('span', 'side', side), el('span', 'who', who));
  // A narrated event names its kind, for presentation mode hides the why.
  const what = side ? '' : kindsIn(words)[e.kind];
  if (what) li.append(el('span', 'what', what));
  li.append(wire, el('div', 'why', e.text));
  return li;
}

// sameHost drops the host from the sender's name when the receiver's
// names the same one, as transcript.go's sameHost.
function sameHost(from, to) {
  const [name, host] = from.split(' @ ');
  return host !== undefined && to.split(' @ ')[1] === host ? name : from;
}

// kindsIn reads the words for narrated kinds that the page carries
// (data-t-kinds, see transcript.go), once per page; a page without them
// (the console) shows none.
let kinds;
function kindsIn(words) {
  kinds ??= words.tKinds ? JSON.parse(words.tKinds) : {};
  return kinds;
}

// wireLine splits a reply's code off its line to colour it by the
// event's class.
function wireLine(e, line) {
  const div = el('div', 'wl');
  const code = String(e.code);
  if (e.kind === 'reply' && e.code && line.startsWith(code)) {
    const n = Math.min(4, line.length);
    div.append(el('span', `code c${e.class}`, line.slice(0, n)), ...marked(line.slice(n)));
  } else {
    div.append(...marked(line));
  }
  return div;
}
