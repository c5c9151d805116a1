// A scenario's frames over the player's websocket, for the player's page
// and for the players that lessons embed. A run never changes, so the feed
// keeps every event it is sent and, asking for a step, says how many it
// holds: a frame brings only the events from there on, none when going
// back (see web/player/ws.go). A closed socket reconnects, backing off, and
// asks again for the step last wanted.
import { socketURL } from './dom.js';

const retryFirst = 500; // ms before the first reconnection attempt
const retryMost = 8000;

export class Feed {
  // path is the socket's address, params what to add to its query; show
  // gets each frame with every event up to its step, live(on) learns when
  // the socket opens and closes.
  constructor(path, params, show, live) {
    this.url = socketURL(path);
    for (const [k, v] of Object.entries(params)) this.url.searchParams.set(k, v);
    this.show = show;
    this.live = live;
    this.events = [];
    this.target = null; // the step last asked for, sent again on reconnecting
    this.socket = null; // set from the first goto on, reconnecting or not
    this.retry = retryFirst;
  }

  connect() {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retry = retryFirst;
      this.live(true);
      if (this.target !== null) this.send();
    });
    socket.addEventListener('message', (m) => this.show(this.hold(JSON.parse(m.data))));
    socket.addEventListener('close', () => {
      this.live(false);
      setTimeout(() => this.connect(), this.retry);
      this.retry = Math.min(this.retry * 2, retryMost);
    });
  }

  // goto asks for step n, connecting first if the feed has not yet.
  goto(n) {
    this.target = n;
    if (!this.socket) this.connect();
    else if (this.socket.readyState === WebSocket.OPEN) this.send();
  }

  send() {
    this.socket.send(JSON.stringify({ op: 'goto', step: this.target, have: this.events.length }));
  }

  // hold keeps the events a frame brings that the feed lacks (frames asked
  // for in a row may bring the same ones) and gives the frame every event
  // up to its step, as the drawing code reads them.
  hold(f) {
    for (let i = this.events.length - f.from; i >= 0 && i < f.events.length; i++) this.events.push(f.events[i]);
    f.events = this.events.slice(0, f.step);
    return f;
  }
}
