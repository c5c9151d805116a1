// The server answers a trace with its first page of groups (the steps the
// student goes through) and sends the others on request
// (web/mimelab/lab_pages.go), so that a 64 KiB input shows its first step at
// once. A Pager steps through such a trace: it fetches a page when the
// student reaches it, and the next one while they read, and draws a step
// only once its group is here.
import { Stepper } from './lab-steps.js';

// pageSize is the count= a tracer asks its first answer with, and every
// page after it.
export const pageSize = 128;
const ahead = 32; // groups read ahead of the one shown

export class Pager {
  // draw(g, group) shows step g of tracer's trace; draw(-1, null) a trace
  // without steps. options go to the Stepper.
  constructor(tracer, draw, options) {
    this.tracer = tracer;
    this.draw = draw;
    this.stepper = new Stepper(tracer, (g) => this.show(g), options);
    this.pages = new Map(); // page number -> promise of its groups, for the trace on screen
    this.asked = null; // what that trace was asked with: {params, bytes}
    this.total = 0;
  }

  // load starts on a trace at its first step: params and bytes are what its
  // first answer was asked with, first that answer's groups and total the
  // trace's number of groups.
  load(params, bytes, first, total) {
    this.asked = { params, bytes };
    this.total = total;
    this.pages = new Map([[0, Promise.resolve(first)]]);
    this.stepper.load(total);
  }

  // at resolves to group g of the trace on screen, fetching its page when it
  // is not here yet; undefined when the page could not be had or a newer
  // trace replaced it meanwhile.
  async at(g) {
    const n = Math.floor(g / pageSize);
    const mine = this.pages;
    let p = mine.get(n);
    if (!p) {
      p = this.tracer.trace({ ...this.asked.params, from: n * pageSize }, this.asked.bytes).then((data) => data?.groups);
      mine.set(n, p);
    }
    const groups = await p;
    if (!groups && mine.get(n) === p) mine.delete(n); // let a later step ask again
    return mine === this.pages ? groups?.[g - n * pageSize] : undefined;
  }

  // show draws step g once its group is here, unless the student has moved
  // on by then, and fetches ahead.
  async show(g) {
    if (g < 0) {
      this.draw(-1, null);
      return;
    }
    const group = await this.at(g);
    if (!group || this.stepper.pos !== g) return;
    this.draw(g, group);
    this.at(Math.min(g + ahead, this.total - 1));
  }
}
