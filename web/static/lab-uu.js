// The uuencode tracer: the same 6-bit groups as Base64, each value written
// as the character value+32, with the Base64 character beside it, and each
// line's length character.
import { Tracer, fill, byteLabels, charOf, cells, set, bits, sizes } from './lab-steps.js';
import { Pager, pageSize } from './lab-pages.js';
import { ready } from './dom.js';

const tr = new Tracer(document.querySelector('[data-tracer="uu"]'));
const { extra } = tr;
const view = tr.part('step');
const name = tr.part('name');

let t = null;
let lines = []; // the uuencoded file's lines
let labels = [];

const pager = new Pager(tr, show, { page: true });

async function run() {
  const inp = await tr.input(Number(tr.root.dataset.max));
  if (inp && !inp.typed) name.value = inp.name;
  const params = { op: 'uu', as: inp?.typed ? 'text' : 'bytes', name: name.value, count: pageSize };
  const data = inp && await tr.trace(params, inp.bytes);
  if (!data) return;
  t = data;
  labels = byteLabels(inp.bytes, inp.typed);
  lines = [t.header, ...t.lines.map((l) => l.text), ...t.trailer];
  tr.part('output-title').textContent = extra.output;
  sizes(tr.result.querySelector('dl.sizes'), { input: t.sizes.input, uu: t.sizes.output, base64: t.sizes.base64 });
  pager.load(params, inp.bytes, t.groups, t.total);
}

// show draws step i, group g, which the server sends with its line and its
// place on the line.
function show(i, g) {
  const line = t.lines[g.line];
  const offset = line.offset + 3 * g.place;
  const v = tr.view('uu');
  set(v, 'n', i + 1);
  set(v, 'line', g.line + 1);
  set(v, 'length', fill(extra.length, { n: line.count, c: line.lengthChar }));
  const zeros = Array(g.fill).fill(null);
  cells(v, 'char', [...g.bytes.map((b, j) => charOf(b, labels[offset + j])), ...zeros.map(() => '0')]);
  cells(v, 'dec', [...g.bytes.map((b) => b.value), ...zeros.map(() => 0)]);
  cells(v, 'bin', [...g.bytes.map((b) => b.bits), ...zeros.map(() => '00000000')], 'mono');
  for (const td of v.querySelector('table.cells').querySelectorAll(`td:nth-child(n+${g.bytes.length + 2})`)) td.classList.add('fill');
  bits(v, g.bits, 'd'.repeat(24 - 8 * g.fill) + 'z'.repeat(8 * g.fill));
  cells(v, 'sbits', g.sextets.map((s) => s.bits), 'mono');
  cells(v, 'index', g.sextets.map((s) => s.value));
  cells(v, 'uu', g.sextets.map((s) => s.char), 'big');
  cells(v, 'b64', g.sextets.map((s) => s.base64), 'big');
  set(v, 'rule', g.fill ? fill(extra.fill, { n: g.fill }) : extra.full);
  view.replaceChildren(v);
  tr.light(g.sextets.map((s) => s.value));
  const start = 1 + 4 * g.place;
  tr.drawWindow(lines, { line: g.line + 1, start, end: start + 4 });
}

tr.onSubmit(run);
ready();
