// The quoted-printable tracer: one step per byte the encoder reads (copied,
// or written as =XX, and why) and per line break it writes (the text's own,
// or a soft one at 76 characters).
import { Tracer, byteLabels, charOf, cells, set, sizes } from './lab-steps.js';
import { Pager, pageSize } from './lab-pages.js';
import { ready } from './dom.js';

const lang = document.documentElement.lang;
const tr = new Tracer(document.querySelector('[data-tracer="qp"]'));
const view = tr.part('step');

let t = null;
let labels = [];

const pager = new Pager(tr, show, { page: true });

async function run() {
  const inp = await tr.input(Number(tr.root.dataset.max));
  const params = { op: 'qp', as: inp?.typed ? 'text' : 'bytes', count: pageSize };
  const data = inp && await tr.trace(params, inp.bytes);
  if (!data) return;
  t = data;
  labels = byteLabels(inp.bytes, inp.typed);
  tr.part('output-title').textContent = tr.extra.output;
  sizes(tr.result.querySelector('dl.sizes'), t.counts);
  pager.load(params, inp.bytes, t.steps, t.total);
}

// show draws step i, s; the server says at which column of its line the
// step's output starts.
function show(i, s) {
  const v = tr.view('qp');
  set(v, 'n', i + 1);
  set(v, 'offset', s.offset);
  const isByte = s.action === 'literal' || s.action === 'escape';
  const brk = s.size === 2 ? '␍␊' : '↵';
  cells(v, 'char', [isByte ? charOf(s.byte, labels[s.offset]) : (s.action === 'hard-break' ? brk : '—')], 'big');
  cells(v, 'dec', [isByte ? s.byte.value : '—']);
  cells(v, 'hex', [isByte ? s.byte.hex : '—']);
  cells(v, 'bin', [isByte ? s.byte.bits : '—'], 'mono');
  cells(v, 'action', [tr.extra[camel(s.action)]]);
  cells(v, 'out', [s.output.replace('\r\n', ' CRLF')], 'big mono');
  set(v, 'rule', t.explain[s.key][lang]);
  view.replaceChildren(v);
  const start = s.column;
  if (isByte) tr.drawWindow(t.lines, { line: s.line, start, end: start + s.output.length });
  else if (s.action === 'soft-break') tr.drawWindow(t.lines, { line: s.line, start, end: start + 1 }, true);
  else tr.drawWindow(t.lines, { line: s.line, start: 0, end: 0 }, true);
}

// camel turns an action name into its data-* key: hard-break -> hardBreak.
function camel(s) {
  return s.replace(/-(\w)/g, (m, c) => c.toUpperCase());
}

tr.onSubmit(run);
ready();
