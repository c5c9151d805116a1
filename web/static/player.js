// The player: asks the server over a websocket for the state at a step and
// shows it. The server renders the first state into the page; every later one
// arrives as a frame {step, total, events, mailboxes, state} (see web/ws.go).
import { renderTranscript } from './transcript.js';
import { renderMailboxes } from './mailboxes.js';
import { agentLabel, lightState, showEvent } from './topology.js';

const playDelay = 1200; // ms between steps while playing
const retryFirst = 500; // ms before the first reconnection attempt
const retryMost = 8000;

const root = document.getElementById('player');
const words = root.dataset; // data-t-* attributes: words in the page's language
const topology = root.querySelector('.topology');
const states = root.querySelector('.statediagram');
const transcript = root.querySelector('#transcript');
const mailboxes = root.querySelector('#mailboxes');
const hint = root.querySelector('.transcript .hint');
const offline = root.querySelector('.offline');
const stepOut = root.querySelector('[data-testid="step"]');
const totalOut = root.querySelector('[data-testid="total"]');
const playButton = root.querySelector('[data-op="play"]');
const label = (id) => agentLabel(topology, id);

let step = Number(words.step); // the step on screen
let target = step; // the step last asked for
let total = Number(words.total);
let playing = false;
let timer = 0;
let socket = null;
let retry = retryFirst;

function connect() {
  const url = new URL(words.ws, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(url);
  socket.addEventListener('open', () => {
    retry = retryFirst;
    offline.hidden = true;
    root.dataset.live = 'true';
    ask(target); // resume where the page is
  });
  socket.addEventListener('message', (m) => show(JSON.parse(m.data)));
  socket.addEventListener('close', () => {
    socket = null;
    offline.hidden = false;
    delete root.dataset.live;
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, retryMost);
  });
}

function ask(n) {
  target = Math.min(Math.max(n, 0), total);
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ op: 'goto', step: target }));
}

function show(f) {
  const forward = f.step === step + 1;
  step = f.step;
  total = f.total;
  renderTranscript(transcript, f.events, words, label);
  renderMailboxes(mailboxes, f.mailboxes, words);
  showEvent(topology, f.events[step - 1], forward);
  lightState(states, f.state);
  stepOut.textContent = step;
  totalOut.textContent = total;
  hint.hidden = step > 0;
  remember();
  if (playing && step === target) {
    if (step >= total) setPlaying(false);
    else timer = setTimeout(() => ask(step + 1), playDelay);
  }
}

// remember puts the step in the address, so that a copied link reopens this
// moment, and keeps the language links on it too.
function remember() {
  const url = new URL(location.href);
  url.searchParams.set('step', step);
  url.searchParams.delete('lang');
  history.replaceState(null, '', url);
  for (const a of document.querySelectorAll('a[data-lang]')) {
    const link = new URL(url);
    link.searchParams.set('lang', a.dataset.lang);
    a.href = link.pathname + link.search;
  }
}

function setPlaying(on) {
  playing = on;
  clearTimeout(timer);
  playButton.textContent = on ? `❚❚ ${words.tPause}` : `▶ ${words.tPlay}`;
  playButton.setAttribute('aria-pressed', String(on));
  if (on) ask(step >= total ? 0 : step + 1);
}

const ops = {
  play: () => setPlaying(!playing),
  step: () => { setPlaying(false); ask(target + 1); },
  back: () => { setPlaying(false); ask(target - 1); },
  restart: () => { setPlaying(false); ask(0); },
};

const keys = { ' ': 'play', ArrowRight: 'step', ArrowLeft: 'back', Home: 'restart' };

root.querySelector('.controls').addEventListener('click', (e) => {
  const op = e.target.closest('button')?.dataset.op;
  if (op) ops[op]();
});

document.addEventListener('keydown', (e) => {
  const op = keys[e.key];
  if (!op || e.altKey || e.ctrlKey || e.metaKey || e.target.closest('input, textarea, select')) return;
  e.preventDefault(); // also keeps space from clicking a focused button twice
  ops[op]();
});

connect();
