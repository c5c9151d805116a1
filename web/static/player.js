// The player: asks the server over a websocket for the state at a step and
// shows it. The server renders the first state into the page; every later one
// arrives as a frame {step, total, from, events, mailboxes, state, machine,
// message, quiz} (see web/player/ws.go), through the feed that lessons'
// players use too.
import { renderTranscript, reveal, showNow } from './transcript.js';
import { renderMailboxes } from './mailboxes.js';
import { agentLabel, agentWho, showCounts, showMotion } from './topology.js';
import { showMachine } from './states.js';
import { rowStep, showLadder, stickHead } from './ladder.js';
import { renderInspector } from './inspector.js';
import { Predictor } from './predict.js';
import { Feed } from './feed.js';
import { ready } from './dom.js';

const root = document.getElementById('player');
const words = root.dataset; // data-t-* attributes: words in the page's language
const topology = root.querySelector('.topology');
const ladder = root.querySelector('.ladder');
const states = root.querySelector('.states');
const transcript = root.querySelector('#transcript');
const mailboxes = root.querySelector('#mailboxes');
const inspector = root.querySelector('.inspector');
const hint = root.querySelector('.transcript .hint');
const now = root.querySelector('.now');
const offline = root.querySelector('.offline');
const stepOut = root.querySelector('[data-testid="step"]');
const totalOut = root.querySelector('[data-testid="total"]');
const progress = root.querySelector('[data-testid="progress"]');
const speed = root.querySelector('[data-testid="speed"]');
const playButton = root.querySelector('[data-op="play"]');
const predictor = new Predictor(root.querySelector('.quiz'));
const label = (id) => agentLabel(topology, id);
// msg is a message composed in the lab, which this player carries; the
// socket and the exports must ask for the same scenario.
const msg = new URL(location.href).searchParams.get('msg');

let frame = null; // the frame on screen, with its events from the first
let step = Number(words.step); // the step on screen
let target = step; // the step last asked for
let total = Number(words.total);
let playing = false;
let timer = 0;
const feed = new Feed(words.ws, msg ? { msg } : {}, show, (on) => {
  offline.hidden = on;
  if (on) root.dataset.live = 'true';
  else delete root.dataset.live;
});

function ask(n) {
  target = Math.min(Math.max(n, 0), total);
  feed.goto(target);
}

let frame0 = false; // whether a frame from the socket has been drawn
let shown = -1; // the step last told to the class

function show(f) {
  const forward = f.step === step + 1;
  frame = f;
  step = f.step;
  total = f.total;
  renderTranscript(transcript, f.events, words, (id) => agentWho(topology, id));
  showNow(now, f.events[step - 1], label);
  focusable();
  renderMailboxes(mailboxes, f.mailboxes, words);
  showMotion(topology, f, forward);
  showCounts(topology, f.mailboxes);
  showLadder(ladder, step);
  showMachine(states, f.machine);
  renderInspector(inspector, f.message, (id) => exportURL(`message/${encodeURIComponent(id)}.eml`), label);
  predictor.reveal(f);
  quiz();
  stepOut.textContent = step;
  totalOut.textContent = total;
  progress.max = total;
  progress.value = step;
  hint.hidden = step > 0;
  remember();
  if (step !== shown) {
    shown = step;
    dispatchEvent(new CustomEvent('mailsim:view', { detail: { step } })); // a class's instructor publishes it (classbar.js)
  }
  if (!frame0) {
    frame0 = true;
    ready(); // after the first frame is drawn
  }
  if (playing && step === target) {
    if (step >= total) setPlaying(false);
    else timer = setTimeout(forwardOne, Number(speed.value));
  }
}

// quiz asks predict mode's question about the reply that comes next, as
// soon as the frame before it shows; answering steps on to the reply.
function quiz() {
  if (frame && step === target && predictor.wants(frame) && !predictor.asking()) {
    predictor.ask(frame, () => ask(step + 1));
  }
}

// forwardOne moves one step on, unless a question waits for its answer.
function forwardOne() {
  if (frame && step === target && predictor.wants(frame)) {
    quiz();
    return;
  }
  ask(target + 1);
}

// exportURL is an export's address for the current step, language and
// composed message.
function exportURL(path) {
  const url = new URL(`/play/${encodeURIComponent(words.name)}/${path}`, location.href);
  url.searchParams.set('step', step);
  url.searchParams.set('lang', words.lang);
  if (msg) url.searchParams.set('msg', msg);
  return url.pathname + url.search;
}

// remember puts the step in the address, so that a copied link reopens this
// moment, and keeps the language links and the exports on it too.
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
  root.querySelector('[data-testid="export-ladder"]').href = exportURL('ladder.svg');
  root.querySelector('[data-testid="export-transcript"]').href = exportURL('transcript.txt');
}

function setPlaying(on) {
  playing = on;
  clearTimeout(timer);
  playButton.textContent = on ? `❚❚ ${words.tPause}` : `▶ ${words.tPlay}`;
  playButton.setAttribute('aria-pressed', String(on));
  if (on && step >= total) jump(0);
  else if (on) forwardOne();
}

// jump goes to step n, dropping any open question.
function jump(n) {
  predictor.clear();
  ask(n);
}

// togglePresent enters or leaves presentation mode: large type, high
// contrast, no chrome. The choice lasts for the tab (sessionStorage).
function togglePresent(on = !document.documentElement.classList.contains('present')) {
  document.documentElement.classList.toggle('present', on);
  reveal(transcript, transcript.lastElementChild); // the list's height changed
  root.querySelector('[data-op="present"]').setAttribute('aria-pressed', String(on));
  sessionStorage.setItem('mailsim.present', on ? '1' : '');
}

const ops = {
  play: () => setPlaying(!playing),
  step: () => { setPlaying(false); forwardOne(); },
  back: () => { setPlaying(false); jump(target - 1); },
  restart: () => { setPlaying(false); jump(0); },
  end: () => { setPlaying(false); jump(total); },
  predict: () => {
    const button = root.querySelector('[data-op="predict"]');
    if (button.hidden) return; // a scenario with no server reply asks nothing
    const on = predictor.toggle();
    button.setAttribute('aria-pressed', String(on));
    if (frame) predictor.reveal(frame);
    quiz();
    if (on) showQuiz();
  },
  present: () => togglePresent(),
};

// showQuiz scrolls the question into view when predict mode starts: below
// the first screen it would go unseen. The sticky controls would cover
// what the page scrolls to, so the quiz keeps their height clear above it;
// with reduced motion the page jumps instead of gliding.
function showQuiz() {
  const panel = root.querySelector('.quiz');
  const deck = root.querySelector('.deck');
  const sticky = getComputedStyle(deck).position === 'sticky';
  panel.style.scrollMarginTop = `${sticky ? deck.offsetHeight + 8 : 0}px`;
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  panel.scrollIntoView({ block: 'start', behavior: still ? 'instant' : 'smooth' });
}

// keys are the keyboard's shortcuts; PageDown and PageUp are what a slide
// clicker sends.
const keys = {
  ' ': 'play', ArrowRight: 'step', ArrowLeft: 'back', PageDown: 'step', PageUp: 'back', Home: 'restart', End: 'end',
  p: 'present', P: 'present', q: 'predict', Q: 'predict',
};

root.addEventListener('click', (e) => {
  const op = e.target.closest('button[data-op]')?.dataset.op;
  if (op) {
    ops[op]();
    return;
  }
  const n = rowStep(e.target) ?? transcriptStep(e.target);
  if (n !== undefined) {
    setPlaying(false);
    jump(n);
  }
});

// focusable lets keyboard users reach every transcript line with Tab and
// jump to it with Enter, as a click does.
function focusable() {
  for (const li of transcript.querySelectorAll('li[data-seq]:not([tabindex])')) li.tabIndex = 0;
}

// transcriptStep is the step that ends with the transcript item clicked.
function transcriptStep(target) {
  const li = target.closest?.('#transcript li[data-seq]');
  return li ? Number(li.dataset.seq) + 1 : undefined;
}

progress.addEventListener('input', () => {
  setPlaying(false);
  jump(Number(progress.value));
});

document.addEventListener('keydown', (e) => {
  if (e.altKey || e.ctrlKey || e.metaKey || e.target.closest?.('input, textarea, select')) return;
  if (/^[1-9]$/.test(e.key) && predictor.asking() && predictor.choose(Number(e.key) - 1)) {
    e.preventDefault();
    return;
  }
  const line = e.key === 'Enter' ? transcriptStep(e.target) : undefined;
  if (line !== undefined) {
    e.preventDefault();
    setPlaying(false);
    jump(line);
    return;
  }
  const op = keys[e.key];
  if (!op) return;
  e.preventDefault(); // also keeps space from clicking a focused button twice
  ops[op]();
});

// A class's student follows the instructor's step (classbar.js).
addEventListener('mailsim:goto', (e) => {
  setPlaying(false);
  jump(e.detail.step);
});

if (sessionStorage.getItem('mailsim.present')) togglePresent(true);
showLadder(ladder, step);
stickHead(ladder);
reveal(transcript, transcript.lastElementChild);
focusable();
ask(step); // the first frame, drawn over the page's own, marks the page ready
