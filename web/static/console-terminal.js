// The terminal of the consoles: a prompt that sends each line on Enter
// (an empty one too, as an SMTP message needs) and brings earlier lines
// back with ↑ and ↓, as a shell does.
import { el } from './dom.js';

// historyMax bounds the lines kept for ↑.
const historyMax = 200;

// prompt runs form's input: send(line) gets every line entered. The history
// lasts for the tab (sessionStorage under key), so a reload keeps it.
export function prompt(form, input, key, send) {
  let history = JSON.parse(sessionStorage.getItem(key) ?? '[]');
  let at = history.length; // the line shown; history.length is the new one
  let draft = '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const line = input.value;
    if (line !== '' && line !== history.at(-1)) history = [...history, line].slice(-historyMax);
    sessionStorage.setItem(key, JSON.stringify(history));
    at = history.length;
    draft = '';
    input.value = '';
    send(line);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    if (at === history.length) draft = input.value;
    at = Math.min(Math.max(at + (e.key === 'ArrowUp' ? -1 : 1), 0), history.length);
    input.value = at === history.length ? draft : history[at];
  });
}

// note adds a line of the terminal's own (telnet's "Connected to …") to list.
export function note(list, text) {
  list.append(el('li', 'note', text));
  list.scrollTop = list.scrollHeight;
}
