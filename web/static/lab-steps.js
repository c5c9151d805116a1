// What the lab's tracer pages share: reading the input (typed text or a
// dropped file), asking the server for a trace, showing a refusal, stepping
// through the trace as the player steps through a scenario, and drawing a
// window of output lines around the current step. Everything reaches the
// page through textContent.
import { el } from './dom.js';

export const root = document.getElementById('lab');
export const words = root.dataset; // data-t-* attributes: words in the page's language
export const extra = document.getElementById('lab-words')?.dataset ?? {};
const lang = document.documentElement.lang;

const form = document.getElementById('lab-form');
const text = document.getElementById('lab-text');
const fileInput = document.getElementById('lab-file');
const fileName = document.getElementById('lab-file-name');
const fileClear = document.getElementById('lab-file-clear');
const errorBox = document.getElementById('lab-error');
export const result = document.getElementById('lab-result');

// fill replaces {name} slots in a sentence of the catalog.
export function fill(sentence, values) {
  return sentence.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

// say shows a refusal in the page's language; null hides it.
export function say(error) {
  errorBox.hidden = !error;
  errorBox.textContent = error ? (typeof error === 'string' ? error : error.text[lang] ?? error.text.en) : '';
}

let file = null; // the chosen file, which replaces the text while chosen
let generation = 0; // counts runs, so that an answer to an older run is ignored

function chooseFile(f) {
  file = f ?? null;
  fileName.textContent = file ? `${file.name} (${file.size})` : '';
  fileClear.hidden = !file;
  text.disabled = !!file;
  if (!file) fileInput.value = '';
}

// input returns the bytes to trace and whether they are typed text, or
// null after saying why there are none to send. An empty input or a file
// over the limit is refused here, before anything is sent; the server
// refuses both too, with the same sentences.
export async function input(max) {
  generation++;
  if (file?.size > max) {
    refuse(fill(words.tFileTooLarge, { name: file.name, n: file.size, max }));
    return null;
  }
  const inp = file
    ? { bytes: new Uint8Array(await file.arrayBuffer()), typed: false, name: file.name }
    : { bytes: new TextEncoder().encode(text.value), typed: true, name: '' };
  if (inp.bytes.length === 0) {
    refuse(words.tEmpty);
    return null;
  }
  return inp;
}

// refuse says why there is nothing to show and hides the last result.
function refuse(error) {
  say(error);
  result.hidden = true;
}

// trace posts the bytes to /lab/api/trace and returns the trace, or null
// after showing the server's refusal (or that it could not be reached) in
// place of the result. An answer that arrives after a newer run began is
// dropped unseen, so that it cannot overwrite what the newer run shows.
export async function trace(params, bytes) {
  const mine = generation;
  let res;
  try {
    res = await fetch('/lab/api/trace?' + new URLSearchParams(params), { method: 'POST', body: bytes });
  } catch {
    if (mine === generation) refuse(words.tUnreachable);
    return null;
  }
  const data = await res.json().catch(() => null);
  if (mine !== generation) return null;
  if (!data) {
    refuse(words.tUnreachable);
    return null;
  }
  if (!res.ok) {
    refuse(data.error);
    return null;
  }
  say(null);
  return data;
}

// onSubmit runs f when the form is sent (button or Ctrl+Enter), and once at
// load so that the page opens with its example traced.
export function onSubmit(f) {
  form.addEventListener('submit', (e) => { e.preventDefault(); f(); });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); f(); }
  });
  fileInput.addEventListener('change', () => { chooseFile(fileInput.files[0]); f(); });
  fileClear.addEventListener('click', () => { chooseFile(null); f(); });
  const drop = document.getElementById('lab-drop');
  for (const target of [drop, text]) {
    target.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
    target.addEventListener('dragleave', () => drop.classList.remove('over'));
    target.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      if (e.dataTransfer.files.length) { chooseFile(e.dataTransfer.files[0]); f(); }
    });
  }
  f();
}

// byteLabels maps each byte offset of typed text to the character it is
// part of, so that a byte of "ș" shows as ș (1/2) rather than nothing.
// The UTF-8 length comes from the code point, because encoding 65,536
// characters one by one took longer than the whole trace.
export function byteLabels(bytes, typed) {
  const labels = [];
  if (!typed) return labels;
  for (const ch of new TextDecoder().decode(bytes)) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let i = 0; i < n; i++) labels.push(n > 1 ? `${ch} (${i + 1}/${n})` : ch);
  }
  return labels;
}

// charOf is what a byte cell shows as its character.
export function charOf(b, label) {
  if (b.char === ' ') return '␠';
  if (b.char) return b.char;
  if (label) return label;
  if (b.value === 10) return '␊';
  if (b.value === 13) return '␍';
  if (b.value === 9) return '␉';
  return '·';
}

// cells appends one td per value to the row data-row=name of a cloned view.
export function cells(view, name, values, className) {
  const row = view.querySelector(`[data-row="${name}"]`);
  for (const v of values) row.append(el('td', className, v));
}

// set writes text into the element data-role=name of a cloned view.
export function set(view, name, text) {
  const node = view.querySelector(`[data-role="${name}"]`);
  node.textContent = text;
  return node;
}

// bits draws 24 bits twice, grouped by 8 and by 6. Each bit is coloured by
// the 6-bit group it ends up in, and by its kind: d data, z zero fill (or
// dropped), p padding position.
export function bits(view, bitString, kinds) {
  for (const [role, size] of [['bits8', 8], ['bits6', 6]]) {
    const code = view.querySelector(`[data-role="${role}"]`);
    for (let i = 0; i < bitString.length; i++) {
      const k = kinds[i];
      const span = el('span', `bit k-${k} s${Math.floor(i / 6)}`, k === 'p' ? '·' : bitString[i]);
      if (i % size === size - 1 && i < bitString.length - 1) span.classList.add('gap');
      code.append(span);
    }
  }
}

// light marks the index table's entries for the current step.
export function light(indices) {
  for (const li of document.querySelectorAll('.b64-table li.lit')) li.classList.remove('lit');
  for (const i of indices) document.querySelector(`.b64-table li[data-index="${i}"]`)?.classList.add('lit');
}

const around = 6; // output lines shown on each side of the current one

// drawWindow shows lines around the current one in pre, with mark
// = {line, start, end} highlighted and a break marker after each line but the
// last; breakMark highlights the break after the marked line instead.
export function drawWindow(pre, lines, mark, breakMark = false) {
  pre.replaceChildren();
  const from = Math.max(0, mark.line - around);
  const to = Math.min(lines.length, mark.line + around + 1);
  if (from > 0) pre.append(el('span', 'more', fill(words.tMore, { n: from }) + '\n'));
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (i === mark.line && mark.end > mark.start) {
      pre.append(line.slice(0, mark.start), el('mark', '', line.slice(mark.start, mark.end)), line.slice(mark.end));
    } else {
      pre.append(line);
    }
    if (i < lines.length - 1) {
      pre.append(el(i === mark.line && breakMark ? 'mark' : 'span', 'brk', words.tBreak), '\n');
    }
  }
  if (to < lines.length) pre.append(el('span', 'more', '\n' + fill(words.tMore, { n: lines.length - to })));
}

// Stepper drives a trace's steps with the buttons and keys of the player:
// space plays and pauses, the arrows step, Home and End jump.
export class Stepper {
  constructor(show) {
    this.show = show;
    this.count = 0;
    this.pos = 0;
    this.timer = 0;
    this.posOut = result.querySelector('[data-role="pos"]');
    this.countOut = result.querySelector('[data-role="count"]');
    this.playButton = result.querySelector('[data-op="play"]');
    const ops = {
      first: () => this.go(0),
      back: () => this.go(this.pos - 1),
      step: () => this.go(this.pos + 1),
      last: () => this.go(this.count - 1),
      play: () => this.play(!this.timer),
    };
    result.querySelector('.controls').addEventListener('click', (e) => {
      const op = e.target.closest('button')?.dataset.op;
      if (!op) return;
      if (op !== 'play') this.play(false);
      ops[op]();
    });
    const keys = { ' ': 'play', ArrowRight: 'step', ArrowLeft: 'back', Home: 'first', End: 'last' };
    document.addEventListener('keydown', (e) => {
      const op = keys[e.key];
      if (!op || result.hidden || e.altKey || e.ctrlKey || e.metaKey || e.target.closest('input, textarea, select')) return;
      e.preventDefault();
      if (op !== 'play') this.play(false);
      ops[op]();
    });
  }

  // load starts a new trace of count steps at its first.
  load(count) {
    this.play(false);
    this.count = count;
    this.countOut.textContent = count;
    result.hidden = false;
    this.go(0);
  }

  go(n) {
    if (this.count === 0) {
      this.posOut.textContent = 0;
      this.show(-1);
      return;
    }
    this.pos = Math.min(Math.max(n, 0), this.count - 1);
    this.posOut.textContent = this.pos + 1;
    this.show(this.pos);
  }

  play(on) {
    clearInterval(this.timer);
    this.timer = 0;
    if (on && this.count > 0) {
      if (this.pos >= this.count - 1) this.go(0);
      this.timer = setInterval(() => {
        if (this.pos >= this.count - 1) this.play(false);
        else this.go(this.pos + 1);
      }, 900);
    }
    this.playButton.textContent = this.timer ? `❚❚ ${words.tPause}` : `▶ ${words.tPlay}`;
    this.playButton.setAttribute('aria-pressed', String(!!this.timer));
  }
}

// sizes fills a <dl class="sizes"> from an object of figures.
export function sizes(dl, figures) {
  for (const dd of dl.querySelectorAll('dd[data-size]')) {
    const v = figures[dd.dataset.size];
    dd.textContent = dd.dataset.size === 'ratio' ? `× ${v.toFixed(2)}` : String(v ?? '');
  }
}
