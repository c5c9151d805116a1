// The mailboxes, built like mailbox.templ builds them: a scenario's with
// every message's text, the lab's as a page of summaries each, newest
// first, whose texts are fetched when the reader opens a message (see
// web/mailbox_page.go).
import { el } from './dom.js';
import { userText } from './bidi.js';

const turned = new WeakMap(); // root → Map(address → offset) of the lab pages the reader turned to
const texts = new Map(); // "address id" → fetched text, of the last messages opened
const textsKept = 20;

// renderMailboxes replaces the mailbox views, keeping open the messages the
// reader had opened. A lab mailbox the reader turned to an older page
// keeps that page, fetched again, since the boxes come as first pages.
export function renderMailboxes(root, boxes, words) {
  const offsets = follow(root, words);
  const open = new Set();
  for (const d of root.querySelectorAll('details[open]')) {
    open.add(`${d.closest('[data-address]').dataset.address} ${d.dataset.msg}`);
  }
  const sections = boxes.map((b) => {
    const offset = offsets.get(b.address) ?? 0;
    const old = root.querySelector(`section[data-address="${CSS.escape(b.address)}"]`);
    if (b.total !== undefined && offset > 0 && old) {
      turn(root, b.address, offset, words);
      return old;
    }
    return mailbox(b, words, open, root.dataset);
  });
  root.replaceChildren(...sections);
  for (const d of root.querySelectorAll('section[data-paged] details[open]')) load(root, d);
}

// follow listens, once per root, for the pager buttons and for messages
// opened, and returns the root's turned pages.
function follow(root, words) {
  let offsets = turned.get(root);
  if (offsets) return offsets;
  offsets = new Map();
  turned.set(root, offsets);
  root.addEventListener('click', (e) => {
    const button = e.target.closest('.pager button');
    if (!button) return;
    const section = button.closest('section[data-address]');
    const pager = button.closest('.pager');
    const size = Number(root.dataset.size) || Number(pager.dataset.count);
    const offset = Number(pager.dataset.offset);
    const next = button.dataset.op === 'older' ? offset + Number(pager.dataset.count) : Math.max(0, offset - size);
    turn(root, section.dataset.address, next, words);
  });
  // toggle does not bubble; it is caught on the way down.
  root.addEventListener('toggle', (e) => {
    if (e.target.matches?.('section[data-paged] details[open]')) load(root, e.target);
  }, true);
  return offsets;
}

// turn fetches one page of a lab mailbox and puts it in place of the one
// shown; a page emptied by deletions turns back to the first.
async function turn(root, address, offset, words) {
  const url = `${root.dataset.pages}?box=${encodeURIComponent(address)}&offset=${offset}`;
  let page;
  try {
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!res.ok) return;
    page = await res.json();
  } catch {
    return; // the server is gone; the socket's reconnection will redraw
  }
  if (page.messages.length === 0 && offset > 0) {
    turn(root, address, 0, words);
    return;
  }
  const offsets = turned.get(root);
  if (page.offset > 0) offsets.set(address, page.offset);
  else offsets.delete(address);
  const old = root.querySelector(`section[data-address="${CSS.escape(address)}"]`);
  old?.replaceWith(mailbox(page, words, new Set(), root.dataset));
}

// load shows an opened lab message's text, fetched once.
async function load(root, details) {
  const pre = details.querySelector('pre.raw');
  const key = `${details.closest('[data-address]').dataset.address} ${details.dataset.msg}`;
  if (texts.has(key)) {
    pre.textContent = texts.get(key);
    return;
  }
  if (pre.dataset.loading) return;
  pre.dataset.loading = 'true';
  pre.textContent = root.dataset.tLoading;
  const [box, id] = key.split(' ');
  let text = root.dataset.tGone;
  try {
    const res = await fetch(`${root.dataset.src}?box=${encodeURIComponent(box)}&id=${encodeURIComponent(id)}`);
    if (res.ok) {
      const m = await res.json();
      text = m.raw.replaceAll('\r\n', '\n') + (m.truncated ? `\n${root.dataset.tTruncated}` : '');
      texts.set(key, text);
      if (texts.size > textsKept) texts.delete(texts.keys().next().value);
    }
  } catch {
    // the text stays "no longer there"; opening the message again retries
  }
  delete pre.dataset.loading;
  pre.textContent = text;
}

// sizeText writes a size as web/mailbox_page.go's sizeText does.
export function sizeText(n) {
  if (n < 1 << 10) return `${n} B`;
  if (n < 1 << 20) return `${(n + (1 << 9)) >> 10} KiB`;
  return `${(n + (1 << 19)) >> 20} MiB`;
}

function mailbox(b, words, open, lab) {
  const paged = b.total !== undefined;
  const section = el('section', 'mailbox');
  section.dataset.testid = 'mailbox';
  section.dataset.address = b.address;
  if (paged) section.dataset.paged = 'true';
  section.append(userText('h3', '', b.address));
  if (b.hostName) section.append(el('p', 'from', `${words.tOn} ${b.hostName}`));
  const messages = b.messages ?? [];
  if (messages.length === 0) section.append(el('p', 'empty', words.tEmpty));
  const list = el('ul');
  for (const m of messages) {
    const details = el('details', [m.seen ? 'seen' : '', m.deleted ? 'deleted' : ''].join(' ').trim());
    details.dataset.testid = 'message';
    details.dataset.msg = m.id;
    const summary = el('summary');
    // A message marked for deletion is struck through and tagged in words,
    // not only coloured.
    summary.append(userText(m.deleted ? 'del' : 'span', 'subject', m.subject));
    if (m.seen) summary.append(el('span', 'flag', words.tSeen));
    if (m.deleted) {
      const tag = el('span', 'flag', words.tDeleted);
      tag.dataset.testid = 'marked';
      tag.title = words.tDeletedHint;
      summary.append(tag);
    }
    const from = el('span', 'from', `${words.tFrom}: `);
    from.append(userText('span', '', m.from));
    summary.append(from);
    if (paged) {
      const meta = el('span', 'from', `${m.date.slice(0, 16).replace('T', ' ')} · ${sizeText(m.size)}`);
      meta.dataset.testid = 'meta';
      summary.append(meta);
    }
    details.append(summary, userText('pre', 'raw', paged ? '' : m.raw.replaceAll('\r\n', '\n')));
    details.open = open.has(`${b.address} ${m.id}`);
    const li = el('li');
    li.append(details);
    list.append(li);
  }
  section.append(list);
  if (paged && (b.offset > 0 || b.offset + messages.length < b.total)) section.append(pager(b, messages.length, lab));
  return section;
}

// pager is the buttons to the newer and older pages, and which messages
// this page shows.
function pager(b, count, lab) {
  const nav = el('nav', 'pager');
  nav.dataset.testid = 'pager';
  nav.dataset.offset = b.offset;
  nav.dataset.count = count;
  nav.dataset.total = b.total;
  const button = (op, text, off) => {
    const x = el('button', '', text);
    x.type = 'button';
    x.dataset.op = op;
    x.disabled = off;
    return x;
  };
  const range = [b.offset + 1, b.offset + count, b.total];
  nav.append(
    button('newer', lab.tNewer, b.offset === 0),
    el('span', 'range', lab.tRange.replace(/%d/g, () => range.shift())),
    button('older', lab.tOlder, b.offset + count >= b.total),
  );
  return nav;
}
