// A few helpers to build the page from data, with text always set as text (never as HTML).

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false || value === null) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'selected' || name === 'value') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === '') continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function table(headings, rows, id) {
  if (!rows.length) return h('p', { class: 'empty', id }, 'Nothing here.');
  return h('table', { id }, h('thead', {}, h('tr', {}, ...headings.map((t) => h('th', {}, t)))),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))))));
}

/** A time as the person's browser shows it, with the UTC instant on hover. */
export function when(instant) {
  if (!instant) return '';
  return h('time', { datetime: instant, title: instant }, new Date(instant).toLocaleString());
}

export function field(value) {
  if (value === null || value === undefined) return '';
  return h('code', {}, typeof value === 'string' ? value : JSON.stringify(value));
}

export function status(text) {
  return h('span', { class: 'status status-' + String(text).toLowerCase() }, text);
}
