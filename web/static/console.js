// The protocol console: connects to the lab's SMTP or POP3 server over a
// websocket (see web/console_ws.go), sends each typed line, and shows the
// answers with their explanations, the state diagram, the hint line and the
// mailboxes.
import { item } from './transcript.js';
import { renderMailboxes } from './mailboxes.js';
import { showMachine } from './states.js';
import { note, prompt } from './console-terminal.js';
import { markControls } from './bidi.js';
import { ready, socketURL } from './dom.js';

const root = document.getElementById('console');
const words = root.dataset;
const term = root.querySelector('#term');
const input = root.querySelector('#line');
const hint = root.querySelector('[data-testid="hint"]');
const states = root.querySelector('.states');
const mailboxes = root.querySelector('#mailboxes');
const connectButtons = [...root.querySelectorAll('button[data-proto]')];
const hangup = root.querySelector('[data-op="hangup"]');
const label = (id) => id;

let socket = null;

function connect(button) {
  connected(true);
  root.dataset.proto = button.dataset.proto;
  note(term, `${words.tTrying} ${button.dataset.target.replace(/^telnet /, '')} …`);
  const ws = new WebSocket(socketURL(button.dataset.ws));
  let closedByServer = false;
  socket = ws;
  ws.addEventListener('open', () => {
    root.dataset.live = 'true';
    input.focus();
  });
  ws.addEventListener('message', (m) => {
    const f = JSON.parse(m.data);
    show(f);
    closedByServer ||= f.closed;
  });
  ws.addEventListener('close', (e) => {
    if (socket !== ws) return;
    socket = null;
    delete root.dataset.live;
    if (closedByServer) note(term, words.tClosed);
    else if (e.reason) note(term, e.reason);
    else if (e.code !== 1000) note(term, words.tFailed);
    connected(false);
  });
}

function show(f) {
  for (const e of f.events) term.append(item(e, words, label));
  term.scrollTop = term.scrollHeight;
  hint.textContent = f.hint;
  showMachine(states, f.machine);
  renderMailboxes(mailboxes, f.mailboxes, words);
}

// connected switches between a session (the prompt works, hang up) and
// none (the connect buttons work).
function connected(on) {
  input.disabled = !on;
  hangup.disabled = !on;
  for (const b of connectButtons) b.disabled = on;
  if (!on) hint.textContent = words.tStart;
}

markControls(mailboxes); // as the server drew them, until a session redraws them
for (const b of connectButtons) b.addEventListener('click', () => connect(b));

hangup?.addEventListener('click', () => {
  const ws = socket;
  socket = null;
  ws?.close(1000);
  note(term, words.tHungup);
  delete root.dataset.live;
  connected(false);
});

const form = root.querySelector('form.prompt'); // none when the lab is off
if (form) {
  prompt(form, input, 'mailsim.console', (line) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ line }));
  });
}
ready();
