// el creates an element with a class and text. Text always goes in through
// textContent: event data never becomes markup.
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// ready marks the page ready to be driven: its script has wired up its
// controls and, on a page that opens a websocket at load, drawn the first
// frame (or, for nslookup, whose server speaks only when asked, opened it).
// The browser tests wait for it after each navigation (web/browsertest).
export function ready() {
  document.documentElement.dataset.ready = '';
}

// socketURL turns a page-relative websocket path into a ws: or wss: URL.
export function socketURL(path) {
  const url = new URL(path, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}
