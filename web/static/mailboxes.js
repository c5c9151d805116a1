// The mailboxes as of the current step, built like mailbox.templ builds them.
import { el } from './dom.js';
import { userText } from './bidi.js';

// renderMailboxes replaces the mailbox views, keeping open the messages the
// reader had opened.
export function renderMailboxes(root, boxes, words) {
  const open = new Set();
  for (const d of root.querySelectorAll('details[open]')) {
    open.add(`${d.closest('[data-address]').dataset.address} ${d.dataset.msg}`);
  }
  root.replaceChildren(...boxes.map((b) => mailbox(b, words, open)));
}

function mailbox(b, words, open) {
  const section = el('section', 'mailbox');
  section.dataset.testid = 'mailbox';
  section.dataset.address = b.address;
  section.append(userText('h3', '', b.address));
  if (b.hostName) section.append(el('p', 'from', `${words.tOn} ${b.hostName}`));
  const messages = b.messages ?? [];
  if (messages.length === 0) section.append(el('p', 'empty', words.tEmpty));
  const list = el('ul');
  for (const m of messages) {
    const details = el('details', [m.seen ? 'seen' : '', m.deleted ? 'deleted' : ''].join(' ').trim());
    details.dataset.testid = 'message';
    details.dataset.msg = m.id;
    details.open = open.has(`${b.address} ${m.id}`);
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
    details.append(summary, userText('pre', 'raw', m.raw.replaceAll('\r\n', '\n')));
    const li = el('li');
    li.append(details);
    list.append(li);
  }
  section.append(list);
  return section;
}
