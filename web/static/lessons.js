// The lessons: a student's progress in localStorage (the index shows it),
// quizzes posted to the server, which grades them and explains, and
// presentation mode (P), one "##" section a slide with the notes shown.
// The page's html then has the class "slides", not the player's "present",
// whose styles would reshape the transcripts the widgets draw.
import { ready } from './dom.js';
import { embedPlayers } from './player-embed.js';
import { base64Tracer } from './tracer.js';

const KEY = 'mailsim.lessons';

// progress is {slug: {visited: true, quiz: {id: right}}}; a browser that
// refuses storage keeps nothing, and the page still works.
function progress() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) || {};
  } catch {
    return {};
  }
}

function remember(slug, change) {
  const all = progress();
  all[slug] = all[slug] || { quiz: {} };
  change(all[slug]);
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // private mode or full storage: the answer is shown, not kept
  }
}

// index fills each lesson's progress mark.
function index(root) {
  const all = progress();
  for (const li of root.querySelectorAll('li[data-slug]')) {
    const p = all[li.dataset.slug];
    if (!p) continue;
    const right = Object.values(p.quiz || {}).filter(Boolean).length;
    const total = Number(li.dataset.quizzes);
    const mark = li.querySelector('.lesson-progress');
    mark.textContent = total > 0
      ? root.dataset.wordsQuizzes.replace('{right}', right).replace('{total}', total)
      : root.dataset.wordsVisited;
    mark.classList.toggle('done', total === 0 || right === total);
  }
}

// quiz posts a form's answer and shows the server's verdict and why.
async function quiz(root, form) {
  const out = form.querySelector('.quiz-verdict');
  let v;
  try {
    const res = await fetch(form.action, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams(new FormData(form)),
    });
    if (!res.ok) throw new Error(String(res.status));
    v = await res.json();
  } catch {
    out.textContent = root.dataset.wordsFailed;
    out.className = 'quiz-verdict wrong';
    return;
  }
  out.textContent = `${v.right ? root.dataset.wordsRight : root.dataset.wordsWrong} ${v.why}`;
  out.className = `quiz-verdict ${v.right ? 'right' : 'wrong'}`;
  remember(root.dataset.slug, (p) => { p.quiz[form.dataset.quiz] = v.right; });
}

// slides numbers the lesson's blocks: each "##" starts a slide, and the
// title opens the first. What stands between the title and the first "##",
// if anything, is a slide of its own, so that no slide is the title alone.
function slides(body) {
  let n = 0;
  let empty = true;
  for (const node of body.children) {
    if (node.tagName === 'H2' && !empty) n++;
    node.dataset.slide = String(n);
    if (node.tagName !== 'H1') empty = false;
  }
  return n + 1;
}

function lesson(root) {
  const slug = root.dataset.slug;
  remember(slug, (p) => { p.visited = true; });
  for (const form of root.querySelectorAll('form.quiz')) {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      quiz(root, form);
    });
  }
  const body = root.querySelector('.lesson-body');
  const count = slides(body);
  let at = 0;
  const show = () => {
    const on = document.documentElement.classList.contains('slides');
    for (const node of body.children) node.hidden = on && node.dataset.slide !== String(at);
    for (const notes of body.querySelectorAll('.notes')) notes.hidden = !on || notes.closest('[data-slide]').hidden;
  };
  const keys = {
    p: () => document.documentElement.classList.toggle('slides'),
    ArrowRight: () => { at = Math.min(at + 1, count - 1); },
    PageDown: () => { at = Math.min(at + 1, count - 1); },
    ArrowLeft: () => { at = Math.max(at - 1, 0); },
    PageUp: () => { at = Math.max(at - 1, 0); },
  };
  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key === 'P' ? 'p' : e.key;
    if (!keys[key] || (key !== 'p' && !document.documentElement.classList.contains('slides'))) return;
    e.preventDefault();
    const was = at;
    keys[key]();
    show();
    if (at !== was) dispatchEvent(new CustomEvent('mailsim:view', { detail: { step: at } })); // a class's instructor publishes it (classbar.js)
  });
  // A class's student follows the instructor's slide: as a slide in
  // presentation mode, else by scrolling to its section.
  addEventListener('mailsim:goto', (e) => {
    at = Math.min(Math.max(e.detail.step, 0), count - 1);
    show();
    if (!document.documentElement.classList.contains('slides')) body.querySelector(`[data-slide="${at}"]`)?.scrollIntoView();
  });
}

const list = document.getElementById('lessons');
const one = document.getElementById('lesson');
if (list) index(list);
if (one) {
  lesson(one);
  embedPlayers(one);
}
// Each Base64 widget is the lab's tracer; it takes the keys only while the
// focus is inside it.
for (const root of document.querySelectorAll('[data-widget="base64"] [data-tracer]')) base64Tracer(root);
ready();
