// The ladder diagram: the server draws every row; this hides the rows after
// the current step, marks the current one and keeps it in view, and keeps
// the lanes' labels at the top of the box as the rows scroll under them.

// minScale keeps the ladder's type readable: a wide ladder scrolls sideways
// rather than shrink below it.
const minScale = 0.8;

// showLadder shows the first step rows of svg inside its scrolling box.
export function showLadder(svg, step) {
  svg.style.minWidth = `${svg.viewBox.baseVal.width * minScale}px`;
  let current = null;
  for (const g of svg.querySelectorAll('.row')) {
    const seq = Number(g.dataset.seq);
    g.classList.toggle('future', seq >= step);
    g.classList.toggle('current', seq === step - 1);
    if (seq === step - 1) current = g;
  }
  const box = svg.parentElement;
  if (!current) {
    box.scrollTo(0, 0);
    return;
  }
  const row = current.querySelector('line, circle').getBoundingClientRect();
  const view = box.getBoundingClientRect();
  const rowH = current.getBoundingClientRect().height;
  let { scrollTop: top, scrollLeft: left } = box;
  if (row.bottom + rowH > view.bottom) top += row.bottom - view.bottom + rowH;
  else if (row.top < view.top + rowH * 3) top -= view.top - row.top + rowH * 3; // clear of the sticky labels
  if (row.right > view.right || row.left < view.left) left += (row.left + row.right) / 2 - (view.left + view.right) / 2;
  box.scrollTo(left, top);
}

// stickHead keeps svg's lane labels in view: SVG has no position: sticky,
// so the labels' group moves down by as much as the box has scrolled.
export function stickHead(svg) {
  const box = svg.parentElement;
  const head = svg.querySelector('.lanes-head');
  const follow = () => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width || 1;
    head.setAttribute('transform', `translate(0 ${box.scrollTop / scale})`);
  };
  box.addEventListener('scroll', follow, { passive: true });
  new ResizeObserver(follow).observe(svg);
  follow();
}

// rowStep is the step that ends with the ladder row a click landed on, or
// undefined when the click missed every row.
export function rowStep(target) {
  const row = target.closest?.('.row[data-seq]');
  return row ? Number(row.dataset.seq) + 1 : undefined;
}
