// The quoted-printable tracer: one step per byte the encoder reads (copied,
// or written as =XX, and why) and per line break it writes (the text's own,
// or a soft one at 76 characters).
import {
  root, extra, result, input, trace, onSubmit, byteLabels, charOf, cells, set, drawWindow, sizes,
} from './lab-steps.js';
import { Pager, pageSize } from './lab-pages.js';
import { ready } from './dom.js';

const lang = document.documentElement.lang;
const view = document.getElementById('lab-step');
const out = document.getElementById('lab-output');
const tpl = document.getElementById('tpl-qp');

let t = null;
let labels = [];

const pager = new Pager(show);

async function run() {
  const inp = await input(Number(root.dataset.max));
  const params = { op: 'qp', as: inp?.typed ? 'text' : 'bytes', count: pageSize };
  const data = inp && await trace(params, inp.bytes);
  if (!data) return;
  t = data;
  labels = byteLabels(inp.bytes, inp.typed);
  document.getElementById('lab-output-title').textContent = extra.output;
  sizes(result.querySelector('dl.sizes'), t.counts);
  pager.load(params, inp.bytes, t.steps, t.total);
}

// show draws step i, s; the server says at which column of its line the
// step's output starts.
function show(i, s) {
  const v = tpl.content.cloneNode(true);
  set(v, 'n', i + 1);
  set(v, 'offset', s.offset);
  const isByte = s.action === 'literal' || s.action === 'escape';
  const brk = s.size === 2 ? '␍␊' : '↵';
  cells(v, 'char', [isByte ? charOf(s.byte, labels[s.offset]) : (s.action === 'hard-break' ? brk : '—')], 'big');
  cells(v, 'dec', [isByte ? s.byte.value : '—']);
  cells(v, 'hex', [isByte ? s.byte.hex : '—']);
  cells(v, 'bin', [isByte ? s.byte.bits : '—'], 'mono');
  cells(v, 'action', [extra[camel(s.action)]]);
  cells(v, 'out', [s.output.replace('\r\n', ' CRLF')], 'big mono');
  set(v, 'rule', t.explain[s.key][lang]);
  view.replaceChildren(v);
  const start = s.column;
  if (isByte) drawWindow(out, t.lines, { line: s.line, start, end: start + s.output.length });
  else if (s.action === 'soft-break') drawWindow(out, t.lines, { line: s.line, start, end: start + 1 }, true);
  else drawWindow(out, t.lines, { line: s.line, start: 0, end: 0 }, true);
}

// camel turns an action name into its data-* key: hard-break -> hardBreak.
function camel(s) {
  return s.replace(/-(\w)/g, (m, c) => c.toUpperCase());
}

onSubmit(run);
ready();
