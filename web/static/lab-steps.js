// What the lab's tracers share: reading the input (typed text or a dropped
// file), asking the server for a trace, showing a refusal, stepping through
// the trace as the player steps through a scenario, and drawing a window of
// output lines around the current step. A Tracer is one tracer's root
// element: it finds its parts by data-part inside that root, never by id,
// so that a lesson can hold several. Everything reaches the page through
// textContent.
import { el } from './dom.js';

const lang = document.documentElement.lang;

// fill replaces {name} slots in a sentence of the catalog.
export function fill(sentence, values) {
  return sentence.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}

export class Tracer {
  // root carries the words the script writes as data-t-* attributes, and
  // the limits as data-max (bytes) and data-max-text (Base64 text).
  constructor(root) {
    this.root = root;
    this.words = root.dataset;
    this.extra = this.part('words')?.dataset ?? {}; // the tracer kind's own words
    this.form = this.part('form');
    this.text = this.part('text');
    this.fileInput = this.part('file');
    this.result = this.part('result');
    this.file = null; // the chosen file, which replaces the text while chosen
    this.generation = 0; // counts runs, so that an answer to an older run is ignored
  }

  // part is the element data-part=name of this tracer.
  part(name) {
    return this.root.querySelector(`[data-part="${name}"]`);
  }

  // view clones the template data-tpl=name of this tracer.
  view(name) {
    return this.root.querySelector(`template[data-tpl="${name}"]`).content.cloneNode(true);
  }

  // say shows a refusal in the page's language; null hides it.
  say(error) {
    const box = this.part('error');
    box.hidden = !error;
    box.textContent = error ? (typeof error === 'string' ? error : error.text[lang] ?? error.text.en) : '';
  }

  // refuse says why there is nothing to show and hides the last result.
  refuse(error) {
    this.say(error);
    this.result.hidden = true;
  }

  chooseFile(f) {
    this.file = f ?? null;
    this.part('file-name').textContent = this.file ? `${this.file.name} (${this.file.size})` : '';
    this.part('file-clear').hidden = !this.file;
    this.text.disabled = !!this.file;
    if (!this.file) this.fileInput.value = '';
  }

  // input returns the bytes to trace and whether they are typed text, or
  // null after saying why there are none to send. An empty input or a file
  // over the limit is refused here, before anything is sent; the server
  // refuses both too, with the same sentences.
  async input(max) {
    this.generation++;
    const { file, words } = this;
    if (file?.size > max) {
      this.refuse(fill(words.tFileTooLarge, { name: file.name, n: file.size, max }));
      return null;
    }
    const inp = file
      ? { bytes: new Uint8Array(await file.arrayBuffer()), typed: false, name: file.name }
      : { bytes: new TextEncoder().encode(this.text.value), typed: true, name: '' };
    if (inp.bytes.length === 0) {
      this.refuse(words.tEmpty);
      return null;
    }
    return inp;
  }

  // trace posts the bytes to /lab/api/trace and returns the trace, or null
  // after showing the server's refusal (or that it could not be reached) in
  // place of the result. An answer that arrives after a newer run began is
  // dropped unseen, so that it cannot overwrite what the newer run shows.
  async trace(params, bytes) {
    const mine = this.generation;
    let res;
    try {
      res = await fetch('/lab/api/trace?' + new URLSearchParams(params), { method: 'POST', body: bytes });
    } catch {
      if (mine === this.generation) this.refuse(this.words.tUnreachable);
      return null;
    }
    const data = await res.json().catch(() => null);
    if (mine !== this.generation) return null;
    if (!data) {
      this.refuse(this.words.tUnreachable);
      return null;
    }
    if (!res.ok) {
      this.refuse(data.error);
      return null;
    }
    this.say(null);
    return data;
  }

  // onSubmit runs f when the form is sent (button or Ctrl+Enter) or a file
  // is chosen, and once at load so that the tracer opens with its example
  // traced. A compact tracer has no file to choose.
  onSubmit(f) {
    const { form, text, fileInput } = this;
    form.addEventListener('submit', (e) => { e.preventDefault(); f(); });
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); f(); }
    });
    if (fileInput) this.onFile(f);
    f();
  }

  // onFile runs f when a file is chosen or dropped, or put aside again.
  onFile(f) {
    const { text, fileInput } = this;
    fileInput.addEventListener('change', () => { this.chooseFile(fileInput.files[0]); f(); });
    this.part('file-clear').addEventListener('click', () => { this.chooseFile(null); f(); });
    const drop = this.part('drop');
    for (const target of [drop, text]) {
      target.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
      target.addEventListener('dragleave', () => drop.classList.remove('over'));
      target.addEventListener('drop', (e) => {
        e.preventDefault();
        drop.classList.remove('over');
        if (e.dataTransfer.files.length) { this.chooseFile(e.dataTransfer.files[0]); f(); }
      });
    }
  }

  // light marks this tracer's index table entries for the current step.
  light(indices) {
    for (const li of this.root.querySelectorAll('.b64-table li.lit')) li.classList.remove('lit');
    for (const i of indices) this.root.querySelector(`.b64-table li[data-index="${i}"]`)?.classList.add('lit');
  }

  // drawWindow shows lines around the current one in this tracer's output,
  // with mark = {line, start, end} highlighted and a break marker after each
  // line but the last; breakMark highlights the break after the marked line
  // instead.
  drawWindow(lines, mark, breakMark = false) {
    const pre = this.part('output');
    const { words } = this;
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
}

const around = 6; // output lines shown on each side of the current one

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

// Stepper drives a trace's steps with the buttons and keys of the player:
// space plays and pauses, the arrows step, Home and End jump. On its own
// page a tracer takes the keys wherever the focus is (page: true); among
// other things, as in a lesson, only while the focus is inside it, and then
// they go no further, so that the lesson's slides do not move too.
export class Stepper {
  constructor(tracer, show, { page = false } = {}) {
    const { result } = tracer;
    this.result = result;
    this.words = tracer.words;
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
    (page ? document : tracer.root).addEventListener('keydown', (e) => {
      const op = keys[e.key];
      if (!op || result.hidden || e.altKey || e.ctrlKey || e.metaKey || e.target.closest('input, textarea, select')) return;
      e.preventDefault();
      if (!page) e.stopPropagation();
      if (op !== 'play') this.play(false);
      ops[op]();
    });
  }

  // load starts a new trace of count steps at its first.
  load(count) {
    this.play(false);
    this.count = count;
    this.countOut.textContent = count;
    this.result.hidden = false;
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
    this.playButton.textContent = this.timer ? `❚❚ ${this.words.tPause}` : `▶ ${this.words.tPlay}`;
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
