// The lab's Base64 page: one tracer (tracer.js), which takes the player's
// keys wherever the focus is on the page.
import { ready } from './dom.js';
import { base64Tracer } from './tracer.js';

base64Tracer(document.querySelector('[data-tracer="base64"]'), { page: true });
ready();
