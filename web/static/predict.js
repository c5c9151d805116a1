// Predict mode: before each server reply the player stops and asks which
// reply comes next; the reply itself, in the next frame, says whether the
// guess was right. The frame's "quiz" (see predict.go) gives the choices.
import { el } from './dom.js';

// answerOf is the reply an event gives, in the form of the quiz choices.
export function answerOf(e) {
  return e.code ? String(e.code) : e.line.split(/[ \r\n]/)[0];
}

export class Predictor {
  constructor(panel) {
    this.panel = panel;
    this.words = panel.dataset;
    this.on = false;
    this.guess = null; // {step, choice}: the answer given for the reply at step
    this.right = 0;
    this.asked = 0;
  }

  // toggle turns predict mode on or off and starts a new score.
  toggle() {
    this.on = !this.on;
    this.panel.hidden = !this.on;
    this.right = 0;
    this.asked = 0;
    this.guess = null;
    this.clear();
    this.score();
    return this.on;
  }

  // wants tells whether stepping from a frame must first ask its quiz.
  wants(f) {
    return this.on && f.quiz && this.guess?.step !== f.step + 1;
  }

  // ask shows the question of frame f; picked(choice) is called with the
  // answer, after which the player steps on to reveal it.
  ask(f, picked) {
    const q = f.quiz;
    const w = this.words;
    let request = q.request === '.' ? w.tDataend : q.request;
    if (!request) request = w.tGreeting;
    this.panel.querySelector('.request').textContent = `${request} ?`;
    this.panel.querySelector('.verdict').textContent = '';
    const buttons = q.choices.map((c, i) => {
      const b = el('button', 'choice', c);
      b.type = 'button';
      b.dataset.choice = c;
      b.setAttribute('aria-keyshortcuts', String(i + 1));
      b.addEventListener('click', () => {
        this.guess = { step: f.step + 1, choice: c };
        this.asked++;
        for (const other of this.panel.querySelectorAll('.choice')) other.disabled = true;
        b.classList.add('picked');
        picked(c);
      });
      return b;
    });
    this.panel.querySelector('.choices').replaceChildren(...buttons);
    this.panel.classList.add('asking');
    buttons[0]?.focus();
  }

  // choose answers the open question with its n'th choice (keyboard 1..4).
  choose(n) {
    const b = this.panel.querySelectorAll('.choice:not([disabled])')[n];
    if (b) b.click();
    return Boolean(b);
  }

  // asking reports whether a question waits for an answer.
  asking() {
    return this.panel.classList.contains('asking') && this.panel.querySelector('.choice:not([disabled])') !== null;
  }

  // reveal judges the guess once frame f shows the reply it was about.
  reveal(f) {
    if (!this.on || this.guess?.step !== f.step) return;
    const e = f.events[f.step - 1];
    const right = answerOf(e);
    const ok = this.guess.choice === right;
    if (ok) this.right++;
    for (const b of this.panel.querySelectorAll('.choice')) {
      b.classList.toggle('right', b.dataset.choice === right);
    }
    const verdict = this.panel.querySelector('.verdict');
    verdict.className = `verdict ${ok ? 'ok' : 'bad'}`;
    verdict.textContent = ok ? `${this.words.tRight} ${e.text}` : `${this.words.tWrong} ${right}. ${e.text}`;
    this.panel.classList.remove('asking');
    this.score();
  }

  // clear drops an open question (the reader jumped elsewhere).
  clear() {
    this.panel.classList.remove('asking');
    this.panel.querySelector('.choices').replaceChildren();
    this.panel.querySelector('.request').textContent = '';
    this.panel.querySelector('.verdict').textContent = '';
  }

  score() {
    this.panel.querySelector('[data-testid="score"]').textContent = this.right;
    this.panel.querySelector('[data-testid="asked"]').textContent = this.asked;
  }
}
