// The nslookup console: each line goes to the server's nslookup session
// (see web/nslookup.go); its output is printed as nslookup prints it, with
// the explanation under it, and the zone rows of the answer light up.
import { note, prompt } from './console-terminal.js';
import { el, ready, socketURL } from './dom.js';

const root = document.getElementById('nslookup');
const words = root.dataset;
const term = root.querySelector('#term');
const input = root.querySelector('#line');
const qtype = root.querySelector('[data-testid="qtype"] b');

const socket = new WebSocket(socketURL(words.ws));
socket.addEventListener('open', () => {
  input.disabled = false;
  root.dataset.live = 'true';
  input.focus();
});
socket.addEventListener('message', (m) => show(JSON.parse(m.data)));
socket.addEventListener('close', () => {
  input.disabled = true;
  delete root.dataset.live;
  note(term, words.tClosed);
});

function show(f) {
  const li = el('li', 'ev nslookup');
  li.dataset.testid = 'answer';
  const out = el('div', 'wire');
  out.append(el('div', 'wl typed', `> ${f.line}`));
  for (const line of f.lines ?? []) out.append(el('div', 'wl', line));
  li.append(out, el('div', 'why', f.text));
  term.append(li);
  term.scrollTop = term.scrollHeight;
  qtype.textContent = f.qtype;
  const rows = new Set(f.rows);
  for (const tr of root.querySelectorAll('tr[data-row]')) tr.classList.toggle('lit', rows.has(tr.dataset.row));
}

prompt(root.querySelector('form.prompt'), input, 'mailsim.nslookup', (line) => {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ line }));
});
socket.addEventListener('open', ready, { once: true });
