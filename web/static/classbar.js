// The class bar (web/view/classbar.templ): the page's link to its class.
// A student's page follows the instructor's view: on the same page it asks
// the page to go to the step (the "mailsim:goto" event the player and the
// lessons listen to), on another it opens that page. A student may explore
// alone and rejoin. The instructor's pages say where they are (the
// "mailsim:view" event) and ask the room. Questions, answers, the chart and
// the reveal show in the poll panel, the same on every screen. Everything
// from the socket reaches the page through textContent.
import { el, ready, socketURL } from './dom.js';

const bar = document.querySelector('.classbar');
const panel = document.querySelector('.class-poll');
const words = bar.dataset;
const code = words.code;
const teacher = words.role === 'instructor';
const lang = document.documentElement.lang;
const status = bar.querySelector('.class-status');
const offline = bar.querySelector('.class-offline');
const detachKey = 'mailsim.class.detached';
// The class's own pages (the projector's) are not a view to follow.
const classPage = location.pathname.startsWith('/class/');

let socket = null;
let retry = 500;
let view = null; // the class's view, as last heard
let poll = null; // the poll frame on screen

function connect() {
  socket = new WebSocket(socketURL(`/ws/class/${encodeURIComponent(code)}`));
  socket.addEventListener('open', () => {
    retry = 500;
    offline.hidden = true;
    if (teacher && !classPage) publish({ step: Number(new URL(location.href).searchParams.get('step')) || 0 });
    if (!teacher && nick()) send({ op: 'nick', text: nick() });
  });
  socket.addEventListener('message', (m) => receive(JSON.parse(m.data)));
  socket.addEventListener('close', () => {
    offline.hidden = false;
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 8000);
  });
}

function send(cmd) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(cmd));
}

// publish tells the class where the instructor's page is: its step and,
// on the lab, its input.
function publish({ step, input }) {
  send({ op: 'show', view: { path: location.pathname, step, input: input || undefined } });
}

const handlers = {
  view(f) {
    view = f.view;
    if (!teacher && !detached()) follow(view);
  },
  count(f) {
    bar.querySelector('[data-testid="class-count"]').textContent = f.students;
    students = f.students;
    if (poll) drawPoll(poll);
    const list = document.querySelector('[data-testid="class-nicks"]'); // the projector page's
    if (list) {
      list.replaceChildren(...(f.nicks ?? []).map((n) => el('li', '', n)));
      document.querySelector('[data-testid="class-nobody"]').hidden = list.children.length > 0;
    }
  },
  poll(f) { drawPoll(f); },
  reveal(f) { drawPoll(f); },
  refused(f) { status.textContent = f.why; },
};
let students = 0;

// alone: the bar is the page's only script, so it says when the page is
// ready (after the class's first frame); a page with its own says so itself.
const alone = document.querySelectorAll('script[type="module"]').length === 1;

function receive(f) {
  handlers[f.op]?.(f);
  if (alone) ready();
}

// follow brings the page to view v: another page is opened at its step
// (and with its input, which the lab's form reads from text=); the same
// page is asked to go there.
function follow(v) {
  if (location.pathname !== v.path) {
    const url = new URL(v.path, location.href);
    url.searchParams.set('step', v.step);
    if (v.input) url.searchParams.set('text', v.input);
    location.assign(url);
    return;
  }
  dispatchEvent(new CustomEvent('mailsim:goto', { detail: { step: v.step, input: v.input } }));
}

const nickKey = 'mailsim.class.nick';

function nick() {
  try {
    return localStorage.getItem(nickKey) ?? '';
  } catch {
    return '';
  }
}

function detached() {
  return sessionStorage.getItem(detachKey) === code;
}

function setDetached(on) {
  if (on) sessionStorage.setItem(detachKey, code);
  else sessionStorage.removeItem(detachKey);
  bar.querySelector('[data-op="detach"]').hidden = on;
  bar.querySelector('[data-op="rejoin"]').hidden = !on;
  bar.classList.toggle('detached', on);
  status.textContent = on ? words.tDetached : '';
  if (!on && view) follow(view);
}

// drawPoll shows poll frame f: the question and, for a student before the
// reveal, the ways to answer; for the instructor the chart all along and
// the reveal button; for everyone, after the reveal, the chart, the right
// answer and why.
function drawPoll(f) {
  const same = poll && poll.id === f.id && poll.op === f.op && !teacher;
  poll = f;
  panel.hidden = false;
  if (same && f.op === 'poll') return; // a student's own tally does not come: keep what they are typing
  const p = f.poll;
  const text = (t) => t?.[lang] ?? t?.en ?? '';
  panel.replaceChildren(el('h2', '', words.tQuestion), el('p', 'class-question', text(p.question)));
  if (f.op === 'poll' && !teacher) panel.append(answerForm(f));
  if (f.bars) panel.append(chart(f, text));
  panel.append(el('p', 'class-answered', words.tAnswered.replace('{n}', f.answered).replace('{m}', Math.max(students, f.answered))));
  if (f.op === 'reveal') {
    const right = p.kind === 'short' ? f.answer : (f.right ?? []).map((i) => text(p.options[i])).join('; ');
    panel.append(el('p', 'class-right', `${words.tRight} ${right}`), el('p', 'class-why', text(f.why)));
  }
  if (teacher && f.op === 'poll') {
    const b = el('button', 'primary', words.tReveal);
    b.type = 'button';
    b.dataset.testid = 'class-reveal';
    b.addEventListener('click', () => send({ op: 'reveal' }));
    panel.append(b);
  }
  if (f.op === 'reveal' && !classPage) {
    const close = el('button', '', words.tClose);
    close.type = 'button';
    close.addEventListener('click', () => { panel.hidden = true; });
    panel.append(close);
  }
}

// answerForm is a student's way to answer: a button a choice, boxes for
// several, a box for a short answer. Sending again changes the answer.
function answerForm(f) {
  const p = f.poll;
  const form = el('form', 'class-answer');
  form.dataset.testid = 'class-answer';
  const kind = p.kind === 'multi' ? 'checkbox' : 'radio';
  (p.options ?? []).forEach((o, i) => {
    const label = el('label', 'class-option');
    const input = el('input');
    input.type = kind;
    input.name = 'pick';
    input.value = String(i);
    label.append(input, ' ', o[lang] ?? o.en);
    form.append(label);
  });
  if (p.kind === 'short') {
    const label = el('label', '', `${words.tAnswer} `);
    const input = el('input');
    input.name = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    label.append(input);
    form.append(label);
  }
  const b = el('button', 'primary', words.tSend);
  b.type = 'submit';
  form.append(b);
  const sent = el('p', 'class-sent');
  sent.setAttribute('role', 'status');
  form.append(sent);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const picks = [...form.querySelectorAll('input[name="pick"]:checked')].map((i) => Number(i.value));
    send({ op: 'answer', id: f.id, picks, text: form.elements.text?.value ?? '' });
    sent.textContent = words.tSent;
  });
  return form;
}

// chart draws the answers as an SVG bar chart: one bar per option (or
// per short answer given), its count beside it, the right ones marked
// once revealed.
function chart(f, text) {
  const ns = 'http://www.w3.org/2000/svg';
  const bars = f.bars;
  const most = Math.max(1, ...bars.map((b) => b.count));
  const rowH = 34;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 600 ${bars.length * rowH}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', 'class-chart');
  svg.dataset.testid = 'class-chart';
  const title = document.createElementNS(ns, 'title');
  title.textContent = words.tChart;
  svg.append(title);
  bars.forEach((b, i) => {
    const label = b.option >= 0 ? text(f.poll.options[b.option]) : b.text;
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('class', b.right ? 'bar right' : 'bar');
    g.dataset.count = b.count;
    const y = i * rowH;
    const t = document.createElementNS(ns, 'text');
    t.setAttribute('x', '0');
    t.setAttribute('y', String(y + 22));
    t.textContent = label.length > 24 ? `${label.slice(0, 23)}…` : label;
    const r = document.createElementNS(ns, 'rect');
    r.setAttribute('x', '200');
    r.setAttribute('y', String(y + 6));
    r.setAttribute('height', '22');
    r.setAttribute('width', String(Math.round((b.count / most) * 340)));
    const n = document.createElementNS(ns, 'text');
    n.setAttribute('x', String(206 + Math.round((b.count / most) * 340)));
    n.setAttribute('y', String(y + 22));
    n.textContent = String(b.count);
    g.append(t, r, n);
    svg.append(g);
  });
  return svg;
}

if (teacher) {
  addEventListener('mailsim:view', (e) => { if (!classPage) publish(e.detail); });
  bar.querySelector('[data-op="ask"]').addEventListener('click', () => {
    send({ op: 'ask', quiz: quizInView() });
  });
} else {
  // A nickname is optional and kept in the browser, so that every page
  // and a reconnection say it again; answers stay anonymous.
  const form = bar.querySelector('.class-nick');
  form.elements.nick.value = nick();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = form.elements.nick.value.trim();
    try {
      localStorage.setItem(nickKey, name);
    } catch {
      // private mode: the nickname lasts for this page
    }
    send({ op: 'nick', text: name });
  });
  bar.querySelector('[data-op="detach"]').addEventListener('click', () => setDetached(true));
  bar.querySelector('[data-op="rejoin"]').addEventListener('click', () => setDetached(false));
  if (detached()) setDetached(true);
}

// quizInView is the id of the lesson quiz the instructor is looking at:
// the first on screen, else the first after it, else "".
function quizInView() {
  const forms = [...document.querySelectorAll('form.quiz[data-quiz]')].filter((f) => f.offsetParent !== null);
  const seen = forms.find((f) => f.getBoundingClientRect().bottom > 0);
  return seen?.dataset.quiz ?? '';
}

connect();
