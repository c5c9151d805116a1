// The live lab: follows the lab's events over a websocket (see
// web/live_ws.go) and draws each real or console session as it happens: the
// transcript, the envelope between this computer and the lab, the state
// diagram and the mailboxes.
import { item } from './transcript.js';
import { el, ready, socketURL } from './dom.js';
import { renderMailboxes } from './mailboxes.js';
import { agentLabel, showEvent } from './topology.js';
import { showMachine } from './states.js';
import { markControls } from './bidi.js';

const retryFirst = 500; // ms before the first reconnection attempt
const retryMost = 8000;
const keep = 2000; // transcript items kept; older ones go

const root = document.getElementById('live');
const words = root.dataset;
const transcript = root.querySelector('#transcript');
const topology = root.querySelector('.topology');
const states = root.querySelector('.states');
const mailboxes = root.querySelector('#mailboxes');
const hint = root.querySelector('.transcript .hint');
const offline = root.querySelector('.offline');
const label = (id) => agentLabel(topology, id);

let last = Number(words.last); // the last event on the page
let retry = retryFirst;

// onTopology puts a client, known to the lab by its address, on the chip of
// its protocol's client.
function onTopology(e) {
  const client = (id) => (/^(client|console):/.test(id ?? '') ? `client.${e.proto}` : id);
  return { ...e, from: client(e.from), to: client(e.to) };
}

// markTLS marks a line of a session inside TLS, as transcript.templ does:
// the server shows what it decrypted.
function markTLS(li, e) {
  if (!e.tls) return li;
  li.classList.add('tls');
  const mark = el('span', 'tls-mark', '🔒');
  mark.title = words.tTls;
  mark.setAttribute('aria-label', words.tTls);
  li.querySelector('.side').prepend(mark);
  return li;
}

function show(f) {
  const fresh = f.events.filter((e) => e.seq > last);
  for (const e of fresh) transcript.append(markTLS(item(e, words, label), e));
  if (fresh.length > 0) {
    last = fresh.at(-1).seq;
    for (const li of transcript.querySelectorAll('.latest')) li.classList.remove('latest');
    transcript.lastElementChild.classList.add('latest');
    while (transcript.children.length > keep) transcript.firstElementChild.remove();
    transcript.scrollTop = transcript.scrollHeight;
    showEvent(topology, onTopology(fresh.at(-1)), true);
    hint.hidden = true;
  }
  if (f.machine) showMachine(states, f.machine);
  if (f.mailboxes) renderMailboxes(mailboxes, f.mailboxes, words);
}

function connect() {
  // A page that comes back after a drop says what it has shown, and the
  // server sends what it missed (web/live_ws.go).
  const socket = new WebSocket(socketURL(last >= 0 ? `${words.ws}&since=${last}` : words.ws));
  socket.addEventListener('open', () => {
    retry = retryFirst;
    offline.hidden = true;
    root.dataset.live = 'true';
  });
  socket.addEventListener('message', (m) => show(JSON.parse(m.data)));
  socket.addEventListener('message', ready, { once: true });
  socket.addEventListener('close', () => {
    offline.hidden = false;
    delete root.dataset.live;
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, retryMost);
  });
}

markControls(mailboxes); // as the server drew them, until the first frame redraws them
if (transcript) connect(); // else the lab is off and the page says so
else ready();
