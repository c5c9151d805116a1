// The message inspector: the message of the current step (the frame's
// "message", see inspector.go) as envelope against header, body, MIME tree
// and raw bytes with every CRLF and every stuffed dot visible.
import { el } from './dom.js';
import { marked, userText } from './bidi.js';

// renderInspector fills section from m, or shows that there is no message.
// emlHref gives the .eml download's address for a message ID, label the
// name the topology shows for an agent (a copy's place may be one).
export function renderInspector(section, m, emlHref, label = (id) => id) {
  const words = section.dataset;
  const body = section.querySelector('.msg');
  const eml = section.querySelector('.eml');
  section.querySelector('.none').hidden = Boolean(m);
  body.hidden = !m;
  eml.hidden = !m?.id;
  section.querySelector('.msg-id').textContent = m?.id ?? '';
  if (!m) return;
  if (m.id) eml.href = emlHref(m.id);
  let where = words.tQueue;
  const wires = { smtp: words.tWireSmtp, pop3: words.tWirePop3, imap: words.tWireImap };
  if (m.wire) where = wires[m.wire];
  else if (m.place) where = `${words.tPlace} ${label(m.place)}`;
  section.querySelector('.where').textContent = where;
  compare(section, m, words);
  section.querySelector('pre.body').replaceChildren(...marked((m.body ?? '').replaceAll('\r\n', '\n')));
  const tree = section.querySelector('.tree');
  tree.replaceChildren(...(m.tree ? [node(m.tree, words)] : [el('li', 'error', m.error ?? '')]));
  section.querySelector('.bytes').replaceChildren(...bytes(m.raw, m.wire === 'smtp' || m.wire === 'pop3'));
}

// compare puts the envelope and the header side by side, row by row. Once
// the message rests in a mailbox (m.place) or is pulled from one, final
// delivery has consumed the envelope: its column is greyed out with a note,
// for only Return-Path (and Received's "for") keep what it said.
function compare(section, m, words) {
  const header = (name) => (m.header ?? []).filter((f) => f.name === name).map((f) => f.value).join(', ');
  const none = words.tNoenvelope;
  const env = m.envelope;
  const consumed = Boolean(m.place);
  section.querySelector('.compare').classList.toggle('consumed', consumed);
  section.querySelector('.consumed-note').hidden = !consumed;
  const rows = {
    from: [env?.from ? [userText('span', '', env.from)] : [none], header('From')],
    to: [env ? (env.rcpts ?? []).map((r) => rcpt(r, words)) : [none], header('To')],
    cc: [[none], header('Cc')],
    subject: [[none], header('Subject')],
    date: [[none], header('Date')],
  };
  for (const [key, [envCell, hdr]] of Object.entries(rows)) {
    const tr = section.querySelector(`tr[data-row="${key}"]`);
    tr.querySelector('.env').replaceChildren(...envCell);
    tr.querySelector('.hdr').replaceChildren(hdr ? userText('span', '', hdr) : none);
  }
}

// rcpt is one RCPT TO address with the code its reply had by now.
function rcpt(r, words) {
  const span = el('span', 'rcpt');
  span.append(userText('span', '', r.address), ' ');
  span.append(r.code ? el('b', `code c${r.class}`, `RCPT → ${r.code}`) : el('i', 'waiting', words.tWaiting));
  return span;
}

// node is one entity of the MIME tree with its parts under it.
function node(n, words) {
  const li = el('li');
  const label = [n.path || '⊤', n.type, n.encoding];
  if (n.filename) label.push(`„${n.filename}”`);
  label.push(`${n.size} B`);
  li.append(el('span', 'part', label.join(' · ')));
  if (!n.parts && n.decoded !== n.size) li.append(el('span', 'decoded', ` → ${n.decoded} B ${words.tDecoded}`));
  if (n.parts) {
    const ul = el('ul');
    ul.append(...n.parts.map((p) => node(p, words)));
    li.append(ul);
  }
  return li;
}

// bytes shows raw line by line with a CR LF mark at each end, drawn by
// style.css as a small box, not as the ␍␊ symbols, which many fonts lack.
// Inside SMTP's DATA or a POP3 reply (stuffed) a line that starts with a
// dot travels with one more, highlighted, and a lone dot ends the message.
function bytes(raw, stuffed) {
  const out = [];
  const lines = raw.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    if (stuffed && line.startsWith('.')) out.push(el('mark', 'stuffed', '.'));
    out.push(...marked(line), crlf(), '\n');
  }
  if (stuffed) out.push(el('mark', 'final', '.'), crlf(), '\n');
  return out;
}

// crlf is the mark of one line end; screen readers hear "CR LF".
function crlf() {
  return el('span', 'crlf', 'CR LF');
}
