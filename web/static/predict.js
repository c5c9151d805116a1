// Predict mode: before each server reply the player stops and asks which
// reply comes next; the reply itself, in the next frame, says whether the
// guess was right. The frame's "quiz" (see predict.go) gives the choices;
// between questions the panel says what comes next.
import { el } from './dom.js';

const pop3Multi = '+OK …';
const pop3Temp = '-ERR [SYS/TEMP]';
const pop3Auth = '-ERR [AUTH]';

// answerOf is the reply an event gives, in the form of the quiz choices:
// the same as answer in predict.go.
export function answerOf(e) {
  if (e.code) return String(e.code);
  const lines = e.line.split('\r\n');
  if (e.proto === 'imap') return lines[lines.length - 1].split(' ')[1] ?? '';
  const status = lines[0].split(' ')[0];
  if (status === '+OK' && lines.length > 1) return pop3Multi;
  if (lines[0].startsWith(pop3Temp)) return pop3Temp;
  if (lines[0].startsWith(pop3Auth)) return pop3Auth;
  return status;
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

  // wants tells whether frame f has a question still to ask.
  wants(f) {
    return this.on && Boolean(f.quiz) && this.guess?.step !== f.step + 1;
  }

  // ask shows the question of frame f; picked(choice) is called with the
  // answer, after which the player steps on to reveal it.
  ask(f, picked) {
    const q = f.quiz;
    const w = this.words;
    let request = q.request === '.' ? w.tDataend : q.request;
    if (!request) request = w.tGreeting;
    this.panel.querySelector('.question').textContent = q.proto === 'imap' && q.request ? w.tQuestionImap : w.tQuestion;
    this.panel.querySelector('.request').textContent = `${request} ?`;
    this.panel.querySelector('.untagged').replaceChildren(...(q.untagged ?? []).map((l) => el('li', '', l)));
    this.panel.querySelector('.untagged-title').hidden = !q.untagged?.length;
    this.panel.querySelector('.legend').hidden = !q.choices.some((c) => c === pop3Multi || c === pop3Temp || c === pop3Auth);
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
    this.panel.querySelector('.next').hidden = true;
    this.panel.querySelector('.asked').hidden = false;
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
  // Between two questions the panel says what comes next instead.
  reveal(f) {
    if (!this.on) return;
    if (this.guess?.step !== f.step) {
      if (!this.asking()) this.clear(f);
      return;
    }
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
    this.note(f);
    this.score();
  }

  // clear drops an open question (the reader jumped elsewhere) or a judged
  // one, and says what comes next.
  clear(f) {
    this.panel.classList.remove('asking');
    this.panel.querySelector('.choices').replaceChildren();
    this.panel.querySelector('.untagged').replaceChildren();
    this.panel.querySelector('.untagged-title').hidden = true;
    this.panel.querySelector('.request').textContent = '';
    this.panel.querySelector('.verdict').textContent = '';
    this.panel.querySelector('.asked').hidden = true;
    this.note(f);
  }

  // note says what comes next after frame f: how many steps to the next
  // question, or that none is left (before any frame, how the mode works).
  note(f) {
    const next = this.panel.querySelector('.next');
    next.hidden = false;
    if (!f) next.textContent = this.words.tStart;
    else if (f.ahead) next.textContent = this.words.tNext.replace('{n}', f.ahead);
    else next.textContent = this.words.tNone;
  }

  score() {
    this.panel.querySelector('[data-testid="score"]').textContent = this.right;
    this.panel.querySelector('[data-testid="asked"]').textContent = this.asked;
  }
}
