// The players that lessons embed (web/player/embed.templ): each steps its
// scenario over the player's own socket (feed.js) and draws each frame with
// the player's own parts. A player connects only when first asked for a
// step, so a lesson with several costs nothing until one is used; its
// controls and, while focus is inside it, the arrow keys move it, kept to
// its steps from..to.
import { Feed } from './feed.js';
import { renderTranscript, reveal, showNow } from './transcript.js';
import { agentWho, agentLabel, showCounts, showMotion } from './topology.js';

class Embedded {
  constructor(root) {
    this.root = root;
    this.words = root.dataset;
    this.topology = root.querySelector('.topology');
    this.transcript = root.querySelector('.widget-transcript');
    this.step = Number(this.words.step);
    this.from = Number(this.words.from);
    this.to = Number(this.words.to);
    this.open = root.querySelector('[data-testid="widget-open"]');
    const offline = root.querySelector('.offline');
    this.feed = new Feed(this.words.ws, {}, (f) => this.show(f), (on) => { offline.hidden = on; });
    const ops = {
      restart: () => this.go(this.from),
      back: () => this.go(this.target() - 1),
      step: () => this.go(this.target() + 1),
      end: () => this.go(this.to),
    };
    root.querySelector('.controls').addEventListener('click', (e) => {
      const op = e.target.closest('button[data-op]')?.dataset.op;
      if (op) ops[op]();
    });
    const keys = { ArrowRight: 'step', ArrowLeft: 'back', Home: 'restart', End: 'end' };
    root.addEventListener('keydown', (e) => {
      const op = keys[e.key];
      if (!op || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      e.stopPropagation(); // the slides' arrows must not move too
      ops[op]();
    });
    reveal(this.transcript, this.transcript.lastElementChild);
  }

  target() {
    return this.feed.target ?? this.step;
  }

  go(n) {
    this.feed.goto(Math.min(Math.max(n, this.from), this.to));
  }

  show(f) {
    const forward = f.step === this.step + 1;
    this.step = f.step;
    const who = (id) => agentWho(this.topology, id);
    renderTranscript(this.transcript, f.events, this.words, who);
    showNow(this.root.querySelector('.now'), f.events[f.step - 1], (id) => agentLabel(this.topology, id));
    showMotion(this.topology, f, forward);
    showCounts(this.topology, f.mailboxes);
    this.root.querySelector('[data-testid="step"]').textContent = f.step;
    const link = new URL(this.open.href);
    link.searchParams.set('step', f.step);
    this.open.href = link.pathname + link.search;
  }
}

// embedPlayers starts every lesson player under root.
export function embedPlayers(root) {
  for (const el of root.querySelectorAll('.player-embed')) new Embedded(el);
}
