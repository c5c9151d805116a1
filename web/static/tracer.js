// The Base64 tracer: encodes the input group by group, or decodes Base64
// text and shows where and why invalid input stops it. The server computes
// the trace (sim/mime); this module only draws it. Each tracer lives in its
// own root element (web/mimelab's Base64Tracer component), so the lab page
// and a lesson with several tracers run the same code.
import { el } from './dom.js';
import { Tracer, byteLabels, charOf, cells, set, bits, sizes } from './lab-steps.js';
import { Pager, pageSize } from './lab-pages.js';

const lang = document.documentElement.lang;

// base64Tracer starts the tracer in root; options go to its Stepper
// ({page: true} takes the keys page-wide, as the lab does).
export function base64Tracer(root, options) {
  const tr = new Tracer(root);
  const { form, extra, result } = tr;
  const view = tr.part('step');

  let t = null; // the trace on screen
  let mode = 'encode';
  let labels = []; // byte offset -> character of the typed text
  let source = { lines: [], starts: [], bytes: new Uint8Array() }; // the Base64 text being decoded

  const pager = new Pager(tr, (g, grp) => {
    if (mode === 'encode') showEncode(g, grp);
    else showDecode(g, grp);
    if (options?.page && g >= 0) publish(g);
  }, options);

  async function run() {
    mode = form.elements.mode.value;
    const limit = Number(mode === 'decode' ? root.dataset.maxText : root.dataset.max);
    const inp = await tr.input(limit);
    const params = { op: mode, as: inp?.typed ? 'text' : 'bytes', count: pageSize };
    const data = inp && await tr.trace(params, inp.bytes);
    if (!data) return;
    t = data;
    for (const part of result.querySelectorAll('[data-for]')) part.hidden = part.dataset.for !== mode;
    tr.part('output-title').textContent = mode === 'encode' ? extra.outputEncode : extra.outputDecode;
    if (mode === 'encode') {
      labels = byteLabels(inp.bytes, inp.typed);
      sizes(result.querySelector('dl[data-for="encode"]'), t.sizes);
    } else {
      source = splitLines(inp.bytes);
      sizes(result.querySelector('dl[data-for="decode"]'), { chars: t.chars, skipped: t.skipped.length, bytes: t.hex.length / 2 });
      tr.part('decoded').textContent = (t.text ?? '') + (t.text ? '\n\n' : '') + 'hex: ' + t.hex;
    }
    pager.load(params, inp.bytes, t.groups, t.total);
  }

  function showEncode(g, grp) {
    const v = tr.view('encode');
    set(v, 'n', g + 1);
    set(v, 'offset', grp.offset);
    cells(v, 'char', grp.bytes.map((b, j) => charOf(b, labels[grp.offset + j])));
    cells(v, 'dec', grp.bytes.map((b) => b.value));
    cells(v, 'hex', grp.bytes.map((b) => b.hex));
    cells(v, 'bin', grp.bytes.map((b) => b.bits), 'mono');
    bits(v, grp.bits, grp.bitKinds);
    cells(v, 'sbits', grp.sextets.map((s) => (s.pad ? '—' : s.bits)), 'mono');
    cells(v, 'index', grp.sextets.map((s) => (s.pad ? '—' : s.index)));
    cells(v, 'out', grp.sextets.map((s) => s.char), 'big');
    if (grp.rule) rule(v, grp.rule[lang]);
    view.replaceChildren(v);
    tr.light(grp.sextets.filter((s) => !s.pad).map((s) => s.index));
    const start = (4 * g) % 76;
    tr.drawWindow(t.lines, { line: grp.line, start, end: start + 4 });
  }

  function showDecode(g, grp) {
    view.replaceChildren();
    if (g >= 0) {
      const v = tr.view('decode');
      set(v, 'n', g + 1);
      set(v, 'offset', grp.offsets[0]);
      cells(v, 'in', grp.sextets.map((s) => s.char), 'big');
      cells(v, 'index', grp.sextets.map((s) => (s.pad ? '—' : s.index)));
      cells(v, 'sbits', grp.sextets.map((s) => (s.pad ? '—' : s.bits)), 'mono');
      bits(v, grp.bits, grp.bitKinds);
      cells(v, 'bin', grp.bytes.map((b) => b.bits), 'mono');
      cells(v, 'hex', grp.bytes.map((b) => b.hex));
      cells(v, 'dec', grp.bytes.map((b) => b.value));
      cells(v, 'char', grp.bytes.map((b) => charOf(b)));
      const notes = [grp.pad ? extra.dropped : '', grp.note ? grp.note[lang] : ''].filter(Boolean);
      if (notes.length) rule(v, notes.join(' '));
      view.append(v);
      tr.light(grp.sextets.filter((s) => !s.pad).map((s) => s.index));
      tr.drawWindow(source.lines, mark(source, grp.offsets[0], grp.offsets[3] + 1));
    } else {
      tr.light([]);
      tr.drawWindow(source.lines, { line: 0, start: 0, end: 0 });
    }
    if (t.error && g === t.total - 1) view.append(stopped(t.error)); // where it stopped: after the last group
  }

  // stopped explains a decode error and shows the offending character in its
  // context.
  function stopped(error) {
    const v = tr.view('stopped');
    set(v, 'why', error.text[lang]);
    if (error.offset >= 0) {
      const { bytes } = source;
      const dec = new TextDecoder();
      const at = error.offset;
      const len = badLength(bytes, at);
      const snippet = el('code', 'snippet');
      snippet.append(
        (at > 24 ? '…' : '') + dec.decode(bytes.subarray(Math.max(0, at - 24), at)),
        el('mark', 'bad', dec.decode(bytes.subarray(at, at + len))),
        dec.decode(bytes.subarray(at + len, at + len + 24)) + (at + len + 24 < bytes.length ? '…' : ''),
      );
      v.querySelector('.stopped').append(snippet);
    }
    return v;
  }

  // Switching direction carries the result over, so that "Man" encoded
  // becomes "TWFu" to decode, and back.
  form.addEventListener('change', (e) => {
    if (e.target.name !== 'mode') return;
    const box = tr.text;
    if (t && !box.disabled) {
      if (mode === 'encode') box.value = t.output;
      else if (t.text !== undefined && !t.error) box.value = t.text;
    }
    run();
  });
  // The lab page is a view a class follows (classbar.js): it says which
  // group of which input it shows, and goes where the instructor's does.
  // An input too long to share is left out of the view.
  let current = Promise.resolve(); // the run on screen, or on its way
  const rerun = () => { current = run(); return current; };
  function publish(g) {
    const input = mode === 'encode' && tr.text.value.length <= 200 ? tr.text.value : '';
    dispatchEvent(new CustomEvent('mailsim:view', { detail: { step: g, input } }));
  }
  if (options?.page) {
    addEventListener('mailsim:goto', async (e) => {
      const { step, input } = e.detail;
      if (input && (input !== tr.text.value || mode !== 'encode')) {
        tr.text.value = input;
        form.elements.mode.value = 'encode';
        await rerun();
      } else {
        await current;
      }
      pager.stepper.go(step);
    });
  }
  tr.onSubmit(rerun);
}

function rule(v, text) {
  const p = v.querySelector('[data-role="rule"]');
  p.textContent = text;
  p.hidden = false;
}

// badLength is how many bytes the character at offset at takes in UTF-8.
function badLength(bytes, at) {
  const b = bytes[at];
  if (b >= 0xf0) return 4;
  if (b >= 0xe0) return 3;
  if (b >= 0xc0) return 2;
  return 1;
}

// splitLines cuts the Base64 text into lines and remembers each line's first
// byte, so that byte offsets from the trace find their line and column.
function splitLines(bytes) {
  const lines = [];
  const starts = [];
  const dec = new TextDecoder();
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 10) {
      let end = i;
      if (end > start && bytes[end - 1] === 13) end--;
      lines.push(dec.decode(bytes.subarray(start, end)));
      starts.push(start);
      start = i + 1;
    }
  }
  return { lines, starts, bytes };
}

// mark finds the window mark for the bytes [from, to) of source; a group
// split over two lines is marked on its first.
function mark(source, from, to) {
  const { starts, bytes } = source;
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= from) line++;
  const lineStart = starts[line];
  const dec = new TextDecoder();
  const start = dec.decode(bytes.subarray(lineStart, from)).length;
  const lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : bytes.length;
  const end = start + dec.decode(bytes.subarray(from, Math.min(to, lineEnd))).replace(/\r$/, '').length;
  return { line, start, end };
}
