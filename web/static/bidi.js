// User data (a subject, an address, a message's text) may hold Unicode's
// bidirectional controls, and a sender can use them to lie: a subject
// "\u202Egnp.exe" shows as "exe.png". So every view draws such text
// through userText: the controls become visible marks, ⟨RLO⟩, and the text
// is isolated from what is around it (CSS .user { unicode-bidi: isolate }),
// so that nothing in it reorders the page. Text goes in through text nodes,
// never as markup.

// names are the controls' Unicode abbreviations: the embeddings and
// overrides (U+202A–U+202E), the isolates (U+2066–U+2069) and the marks
// (U+200E, U+200F, U+061C).
const names = {
  '\u202a': 'LRE', '\u202b': 'RLE', '\u202c': 'PDF', '\u202d': 'LRO', '\u202e': 'RLO',
  '\u2066': 'LRI', '\u2067': 'RLI', '\u2068': 'FSI', '\u2069': 'PDI',
  '\u200e': 'LRM', '\u200f': 'RLM', '\u061c': 'ALM',
};
const controls = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

// marked returns text as nodes for append: runs of text, and for each
// control a mark that names it, with its code point as a tooltip.
export function marked(text) {
  const out = [];
  let from = 0;
  for (const m of text.matchAll(controls)) {
    if (m.index > from) out.push(text.slice(from, m.index));
    const mark = document.createElement('span');
    mark.className = 'bidi-mark';
    mark.textContent = `⟨${names[m[0]]}⟩`;
    mark.title = `U+${m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    out.push(mark);
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}

// userText creates an element of class className and "user" that holds
// text, marked.
export function userText(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className ? `${className} user` : 'user';
  node.append(...marked(text ?? ''));
  return node;
}

// markControls marks the controls in every text node under root, for
// markup the server drew before any script ran.
export function markControls(root) {
  if (!root) return;
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.data.search(controls) >= 0) found.push(n);
  }
  for (const n of found) n.replaceWith(...marked(n.data));
}
