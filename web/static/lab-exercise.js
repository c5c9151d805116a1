// A Base64 exercise sheet: every blank is sent to /lab/api/check as the
// student types, and each filled blank is marked right or wrong from the
// answer. Hints and the answers show on demand. The sheet carries no
// answers: the server rebuilds the exercise from its seed or input.
import { ready } from './dom.js';

const root = document.getElementById('lab');
const form = document.getElementById('ex-form');
const lang = document.documentElement.lang;

if (form) {
  const inputs = [...form.querySelectorAll('input[data-cell]')];
  const score = document.querySelector('[data-testid="score"]');
  const hintsButton = document.getElementById('ex-hints');
  const answersButton = document.getElementById('ex-answers');
  const errorBox = document.getElementById('ex-error');
  const exercise = {
    kind: root.dataset.kind,
    seed: Number(root.dataset.seed),
    input: root.dataset.input,
    given: root.dataset.given === 'true',
  };
  let asked = 0; // the latest request; older answers arriving late are ignored
  let timer = 0;
  let last = null;

  async function check() {
    const n = ++asked;
    const answers = Object.fromEntries(inputs.map((i) => [i.dataset.cell, i.value]));
    let res;
    try {
      res = await fetch('/lab/api/check', { method: 'POST', body: JSON.stringify({ ...exercise, answers }) });
    } catch {
      fail(root.dataset.tUnreachable);
      return;
    }
    const result = await res.json().catch(() => null);
    if (!res.ok || !result) {
      fail(result?.error?.text?.[lang] ?? root.dataset.tUnreachable);
      return;
    }
    if (n !== asked) return;
    errorBox.hidden = true;
    last = result;
    mark();
  }

  function fail(why) {
    errorBox.textContent = why;
    errorBox.hidden = false;
  }

  // mark shows the latest result: a blank left empty is neither right nor
  // wrong yet, but it counts against the score.
  function mark() {
    const hints = hintsButton.getAttribute('aria-pressed') === 'true';
    const answers = answersButton.getAttribute('aria-pressed') === 'true';
    for (const c of last.cells) {
      const box = document.getElementById('cell-' + c.id);
      const cell = box.parentElement;
      const filled = box.value.trim() !== '';
      cell.classList.toggle('ok', filled && c.ok);
      cell.classList.toggle('wrong', filled && !c.ok);
      box.setAttribute('aria-invalid', String(filled && !c.ok));
      const hint = cell.querySelector('.hint');
      hint.textContent = c.hint ? c.hint[lang] : '';
      hint.hidden = !(hints && filled && !c.ok);
      const answer = cell.querySelector('.answer');
      answer.textContent = '→ ' + c.expected;
      answer.hidden = !answers || c.ok;
    }
    score.querySelector('[data-role="correct"]').textContent = last.correct;
    score.querySelector('[data-role="total"]').textContent = last.total;
    score.querySelector('[data-role="score"]').textContent = last.score;
  }

  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(check, 150);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const button of [hintsButton, answersButton]) {
    button.addEventListener('click', () => {
      button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
      if (last) mark();
      else check();
    });
  }
  check();
}
ready();
