// el creates an element with a class and text. Text always goes in through
// textContent: event data never becomes markup.
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
