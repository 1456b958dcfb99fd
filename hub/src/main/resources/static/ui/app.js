// The ops dashboard: one page, a view per hash route (#/messages, #/messages/<id>, ...), every view a deep link.
// It signs in with a browser session (POST /api/session) and sends the CSRF token on every change.
import { api, ApiError, signIn, signOut } from './api.js';
import { h, table, when, field, status } from './dom.js';

const main = document.getElementById('main');
let person = null;
let refresh = null; // the one pending refresh of the view shown

/** Shows the current view again after a while (a running replay, the overview), unless another view is shown first. */
function refreshIn(millis) {
  refresh = setTimeout(route, millis);
}

const views = [
  [/^#\/overview$/, overview],
  [/^#\/messages$/, messages],
  [/^#\/messages\/(.+)$/, message],
  [/^#\/replays$/, replays],
  [/^#\/replays\/(\d+)$/, replay],
  [/^#\/partners$/, partnerList],
  [/^#\/partners\/(.+)$/, partner],
  [/^#\/conflicts$/, conflicts],
  [/^#\/conflicts\/(\d+)$/, conflict],
  [/^#\/cdc$/, changeFeeds],
  [/^#\/audit$/, audit],
  [/^#\/customs$/, declarations],
  [/^#\/customs\/(.+)$/, declaration],
  [/^#\/alerts$/, alerts],
  [/^#\/trace$/, trace],
];

async function route() {
  clearTimeout(refresh);
  if (!person) {
    try {
      person = await api('/api/session');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return login('', e.problem.signIn);
      throw e;
    }
    showPerson();
  }
  const [path, query] = (location.hash || '#/messages').split('?');
  const params = new URLSearchParams(query || '');
  for (const [pattern, view] of views) {
    const match = path.match(pattern);
    if (match) {
      main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
      try {
        main.replaceChildren(...[await view(params, ...match.slice(1).map(decodeURIComponent))].flat(Infinity));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) { person = null; return route(); }
        main.replaceChildren(problem(e));
      }
      return;
    }
  }
  location.hash = '#/messages';
}

function may(permission) {
  return person && person.permissions.includes(permission);
}

function showPerson() {
  document.getElementById('nav').hidden = false;
  // the audit trail tells of every partner: not for a person limited to some
  document.getElementById('nav-audit').hidden = Boolean(person.partners);
  // so are customs and its alerts: the device maker's own
  document.getElementById('nav-customs').hidden = Boolean(person.partners);
  document.getElementById('nav-alerts').hidden = Boolean(person.partners);
  document.getElementById('nav-trace').hidden = Boolean(person.partners);
  const scope = person.partners ? ' · ' + person.partners.join(', ') : '';
  document.getElementById('who').replaceChildren(
    h('span', { id: 'username' }, person.username), ' (' + person.roles.join(', ') + scope + ') ',
    h('button', { onclick: async () => { await signOut(); person = null; route(); } }, 'Sign out'));
}

/** @param ways how one may sign in, as the hub's 401 says: a password always, an issuer where one is configured */
function login(message, ways = {}) {
  document.getElementById('nav').hidden = true;
  document.getElementById('who').replaceChildren();
  const error = h('p', { class: 'error', id: 'login-error' }, message || '');
  const form = h('form', { id: 'login', onsubmit: async (event) => {
    event.preventDefault();
    try {
      await signIn(form.username.value, form.password.value);
      person = null;
      await route();
    } catch (e) {
      error.textContent = e.detail || String(e);
    }
  } },
    h('h1', {}, 'Sign in to medhub'),
    h('label', {}, 'User name', h('input', { name: 'username', autocomplete: 'username', required: true })),
    h('label', {}, 'Password', h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit' }, 'Sign in'),
    ways.oidc ? h('a', { id: 'sign-in-oidc', class: 'button', href: ways.oidc }, 'Sign in with your organisation') : '', error);
  main.replaceChildren(form);
}

function problem(e) {
  return h('div', { class: 'problem' }, h('strong', {}, e.title || 'Error'), ' ', e.detail || String(e));
}

// ---- overview: what is stuck, at a glance ----

async function overview(params) {
  const span = params.get('window') === 'DAY' ? 'DAY' : 'HOUR';
  const [o, feeds, known] = await Promise.all([api('/api/overview?window=' + span), api('/api/cdc'), api('/api/partners')]);
  const breakers = Object.fromEntries(known.partners.map((p) => [p.id, p.subscriptions.map((s) => s.breaker)]));
  const breaker = (id) => {
    const states = breakers[id] || [];
    if (!states.length) return '';
    return status(['OPEN', 'HALF_OPEN', 'CLOSED'].find((s) => states.includes(s)) || 'UNUSED');
  };
  const failedNow = o.partners.reduce((n, p) => n + p.failedNow, 0);
  const failedLink = (partner, n) => n ? h('a', { class: 'failed-link', href: '#/messages?status=FAILED&partner=' + encodeURIComponent(partner) }, String(n)) : '0';
  if (span === 'HOUR') refreshIn(30000);
  return [h('h1', {}, 'Overview'),
    h('div', { class: 'tiles' },
      tile('Failed messages now', failedNow, '#/messages?status=FAILED'),
      tile('Open conflicts', o.openConflicts, '#/conflicts'),
      tile('Change feeds not running', feeds.sources.filter((s) => s.state !== 'RUNNING').length + ' of ' + feeds.sources.length, '#/cdc'),
      tile('Records behind', o.consumers.reduce((n, c) => n + c.lag, 0), '#/overview')),
    h('p', { class: 'filters' }, 'Last ', span === 'HOUR' ? h('strong', {}, 'hour') : h('a', { href: '#/overview' }, 'hour'), ' · ',
      span === 'DAY' ? h('strong', {}, 'day') : h('a', { href: '#/overview?window=DAY', id: 'window-day' }, 'day'),
      ' · bars of ' + (o.barSeconds / 60) + ' min, received (blue) and failed (red)'),
    table(['Partner', 'Received', 'Failed', 'Error rate', 'Failed now', 'Breaker', 'Last message', 'Messages per ' + (o.barSeconds / 60) + ' min'],
      o.partners.map((p) => [h('a', { href: '#/partners/' + encodeURIComponent(p.partner) }, p.partner), String(p.received), failedLink(p.partner, p.failed), (100 * p.errorRate).toFixed(1) + ' %',
        failedLink(p.partner, p.failedNow), breaker(p.partner), when(p.lastMessageAt), chart(p.bars, o.from, o.until, o.barSeconds)]), 'activity'),
    h('h2', {}, 'Consumers'),
    table(['Consumer group', 'Kind', 'Records behind'], o.consumers.map((c) => [c.group, c.kind, String(c.lag)]), 'consumers')];
}

/** Bars of what arrived in each interval, the failed part in red: inline SVG, nothing loaded from elsewhere. */
function chart(bars, from, until, seconds) {
  const ns = 'http://www.w3.org/2000/svg';
  const count = Math.ceil((Date.parse(until) - Date.parse(from)) / 1000 / seconds);
  const width = 240, height = 32, step = width / count;
  const top = Math.max(1, ...bars.map((b) => b.received));
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', width); svg.setAttribute('height', height); svg.setAttribute('class', 'chart');
  for (const b of bars) {
    const slot = Math.floor((Date.parse(b.at) - Date.parse(from)) / 1000 / seconds);
    for (const [value, colour] of [[b.received, '#3b6fb6'], [b.failed, '#c0392b']]) {
      if (!value) continue;
      const bar = document.createElementNS(ns, 'rect');
      const tall = Math.max(1, (height * value) / top);
      bar.setAttribute('x', Math.max(0, slot) * step); bar.setAttribute('width', Math.max(1, step - 1));
      bar.setAttribute('y', height - tall); bar.setAttribute('height', tall); bar.setAttribute('fill', colour);
      const title = document.createElementNS(ns, 'title');
      title.textContent = new Date(b.at).toLocaleTimeString() + ': ' + b.received + ' received, ' + b.failed + ' failed';
      bar.append(title);
      svg.append(bar);
    }
  }
  return svg;
}

function tile(label, value, href) {
  return h('a', { class: 'tile', href }, h('span', { class: 'value' }, String(value)), h('span', {}, label));
}

// ---- messages: search by any identifier, saved searches ----

const FILTERS = ['key', 'status', 'partner', 'entity', 'receivedFrom', 'receivedUntil'];
const STATUSES = ['', 'RECEIVED', 'ADMITTED', 'PUBLISHED', 'DELIVERED', 'FAILED', 'CONFLICT', 'UNCHANGED', 'RESOLVED', 'REPLAYED', 'DISCARDED'];

async function messages(params) {
  const query = new URLSearchParams();
  FILTERS.forEach((f) => params.get(f) && query.set(f, params.get(f)));
  if (params.get('before')) query.set('before', params.get('before'));
  query.set('limit', '100');
  const list = await api('/api/messages?' + query);
  const form = h('form', { id: 'search', class: 'filters', onsubmit: (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    FILTERS.forEach((f) => form[f].value && next.set(f, f.startsWith('received') ? new Date(form[f].value).toISOString() : form[f].value.trim()));
    location.hash = '#/messages?' + next;
  } },
    h('input', { name: 'key', placeholder: 'Lot, serial, UDI, material or declaration number', value: params.get('key') || '', size: 40 }),
    h('select', { name: 'status' }, ...STATUSES.map((s) => h('option', { value: s, selected: s === (params.get('status') || '') }, s || 'any status'))),
    h('input', { name: 'partner', placeholder: 'Partner', value: params.get('partner') || '' }),
    h('input', { name: 'entity', placeholder: 'Entity', value: params.get('entity') || '' }),
    h('label', {}, 'from ', h('input', { name: 'receivedFrom', type: 'datetime-local', value: local(params.get('receivedFrom')) })),
    h('label', {}, 'until ', h('input', { name: 'receivedUntil', type: 'datetime-local', value: local(params.get('receivedUntil')) })),
    h('button', { type: 'submit' }, 'Search'),
    h('button', { type: 'button', onclick: () => saveSearch(location.hash) }, 'Save search'));
  const selected = new Set();
  const rows = list.messages.map((m) => [
    may('STEER') && m.status === 'FAILED' ? h('input', { type: 'checkbox', 'data-id': m.messageId,
      onchange: (event) => event.target.checked ? selected.add(m.messageId) : selected.delete(m.messageId) }) : '',
    h('a', { href: '#/messages/' + encodeURIComponent(m.messageId), class: 'mono' }, m.messageId.slice(0, 16) + '…'),
    m.partner, m.entity || '', m.businessKey || '', status(m.status), m.lastError || '', when(m.receivedAt)]);
  const actions = may('STEER') && list.messages.some((m) => m.status === 'FAILED') ? h('div', { class: 'actions' },
    h('button', { id: 'replay-selected', onclick: () => replayPlan({ from: 'raw', messageIds: [...selected] }) }, 'Replay selected from raw…'),
    h('button', { id: 'replay-matching', onclick: () => replayPlan({ from: 'raw', status: 'FAILED',
      partner: params.get('partner') || undefined, entity: params.get('entity') || undefined }) }, 'Replay all failed that match…')) : '';
  return [h('h1', {}, 'Messages'), savedSearches(), form,
    h('p', { id: 'count' }, list.count + ' message(s)' + (params.get('before') ? ', older ones' : '')), actions,
    table(['', 'Message', 'Partner', 'Entity', 'Business key', 'Status', 'Error', 'Received'], rows, 'messages'),
    list.next ? h('p', {}, h('a', { id: 'next-page', href: '#/messages?' + withParam(params, 'before', list.next) }, 'Older messages →')) : ''];
}

function withParam(params, name, value) {
  const next = new URLSearchParams(params);
  next.set(name, value);
  return next.toString();
}

/** An instant as a datetime-local input shows it: the person's own time. */
function local(instant) {
  if (!instant) return '';
  const at = new Date(instant);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function savedSearches() {
  const saved = JSON.parse(localStorage.getItem('medhub.searches') || '[]');
  return saved.length ? h('p', { class: 'saved' }, 'Saved: ', ...saved.map((s) => h('a', { href: s }, decodeURIComponent(s.split('?')[1] || 'all'), ' '))) : '';
}

function saveSearch(hash) {
  const saved = new Set(JSON.parse(localStorage.getItem('medhub.searches') || '[]'));
  saved.add(hash);
  localStorage.setItem('medhub.searches', JSON.stringify([...saved].slice(-10)));
  route();
}

// ---- one message: fields, lineage, every stage; replay from here ----

async function message(params, id) {
  const path = '/api/messages/' + encodeURIComponent(id);
  const [m, content] = await Promise.all([api(path), api(path + '/content')]);
  const facts = [['Message', m.messageId], ['Partner', m.partner], ['Message type', m.messageType], ['Entity', m.entity],
    ['Business key', m.businessKey], ['Status', status(m.status)], ['Error', m.lastError], ['Source version', m.sourceVersion],
    ['Mapping', m.mapping && m.mapping.id + ' v' + m.mapping.version], ['Occurred', when(m.occurredAt)],
    ['Received', when(m.receivedAt)], ['Published', when(m.publishedAt)],
    ['Made from', m.causedBy && h('a', { href: '#/messages/' + encodeURIComponent(m.causedBy) }, m.causedBy)],
    ['Made into', m.madeInto && m.madeInto.length && m.madeInto.map((made) => h('a', { class: 'made-into', href: '#/messages/' + encodeURIComponent(made) }, made, ' '))]];
  const stages = (m.stages || []).map((s) => [s.stage, s.subscriber || '', status(s.status), String(s.attempts),
    s.httpStatus ? String(s.httpStatus) : '', s.error || '', when(s.lastAt)]);
  const lineage = m.lineage ? Object.entries(m.lineage).map(([f, how]) => [f, how]) : [];
  const failedSubscribers = (m.stages || []).filter((s) => s.subscriber && ['FAILED', 'STOPPED'].includes(s.status)).map((s) => s.subscriber);
  const actions = may('STEER') ? h('div', { class: 'actions' },
    m.raw ? h('button', { id: 'replay-raw', onclick: () => replayPlan({ from: 'raw', messageIds: [m.messageId] }) }, 'Replay from raw…') : '',
    m.status === 'FAILED' && content.raw.kept === 'KEPT' ? h('button', { id: 'correct', onclick: () => correct(m, content.raw) }, 'Correct and send again…') : '',
    ...failedSubscribers.map((s) => h('button', { class: 'replay-to', onclick: () => replayPlan({ from: 'canonical', messageIds: [m.messageId], subscriber: s }) },
      'Deliver again to ' + s + '…')),
    ...failedSubscribers.map((s) => h('button', { class: 'discard-for', onclick: () => ask('Discard the delivery to ' + s, true,
      (body) => api('/api/deliveries/' + encodeURIComponent(s) + '/' + encodeURIComponent(m.messageId) + '/skip', { method: 'POST', body })) },
      'Discard for ' + s + '…')),
    ...(m.stages || []).filter((s) => s.subscriber && s.status === 'RETRYING').map((s) => h('button', { class: 'stop-retries',
      onclick: () => ask('Stop the retries to ' + s.subscriber, false,
        (body) => api('/api/deliveries/' + encodeURIComponent(s.subscriber) + '/' + encodeURIComponent(m.messageId) + '/stop', { method: 'POST', body })) },
      'Stop retrying ' + s.subscriber + '…')),
    m.status === 'FAILED' && !m.canonical ? h('button', { id: 'discard', onclick: () => ask('Discard this message', true,
      (body) => api('/api/messages/' + encodeURIComponent(m.messageId) + '/discard', { method: 'POST', body })) }, 'Discard…') : '') : '';
  return [h('h1', {}, 'Message'), h('dl', { class: 'facts' }, ...facts.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    actions, h('h2', {}, 'Received and published'), sideBySide(content),
    h('h2', {}, 'Stages'), table(['Stage', 'Subscriber', 'Status', 'Attempts', 'HTTP', 'Error', 'Last'], stages, 'stages'),
    h('h2', {}, 'Mapping trace'), table(['Field', 'Made by'], lineage, 'lineage')];
}

/** The partner's document beside the canonical envelope, and the fields this message changed in the record. */
function sideBySide(content) {
  const raw = content.raw.kept === 'KEPT'
    ? h('pre', { id: 'raw' }, content.raw.text + (content.raw.truncated ? '\n… (cut: ' + content.raw.bytes + ' bytes in all)' : ''))
    : h('p', { class: 'empty' }, content.raw.kept === 'GONE' ? 'No longer kept (raw retention).' : 'Refused before it was stored.');
  const canonical = content.canonical ? h('pre', { id: 'canonical' }, JSON.stringify(content.canonical, null, 2))
    : h('p', { class: 'empty' }, 'Not published.');
  const show = (v) => v === undefined || v === null ? '—' : JSON.stringify(v);
  return [h('div', { class: 'side-by-side' },
    h('div', {}, h('h3', {}, 'From the partner' + (content.raw.charset ? ' (' + content.raw.charset + ', ' + content.raw.bytes + ' bytes)' : '')), raw),
    h('div', {}, h('h3', {}, 'Canonical'), canonical)),
    content.changes.length ? h('h3', {}, 'What it changed in the record') : '',
    content.changes.length ? table(['Field', 'Before', 'After'], content.changes.map((c) => [c.field, h('code', { class: 'before' }, show(c.before)),
      h('code', { class: 'after' }, show(c.after))]), 'changes') : ''];
}

/**
 * Asks for the reason of an action (and, where it is signed, the password again and the meaning of the signature),
 * sends it, and shows the view again; a refusal is shown in the dialog.
 */
function ask(title, signed, send) {
  const error = h('p', { class: 'error', id: 'ask-error' });
  const dialog = h('dialog', { id: 'ask' });
  const form = h('form', { onsubmit: async (event) => {
    event.preventDefault();
    const body = { reason: form.reason.value };
    if (signed) body.signature = { password: form.password.value, meaning: form.meaning.value };
    try {
      await send(body);
      dialog.remove();
      route();
    } catch (e) {
      error.textContent = e.detail || String(e);
    }
  } },
    h('h2', {}, title),
    h('label', {}, 'Reason ', h('input', { name: 'reason', required: true, size: 60 })),
    signed ? h('fieldset', {}, h('legend', {}, 'Electronic signature of ' + person.username),
      h('label', {}, 'Meaning ', h('select', { name: 'meaning' }, ...['RESPONSIBILITY', 'APPROVAL', 'REVIEW'].map((v) => h('option', { value: v }, v.toLowerCase())))),
      h('label', {}, 'Password ', h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' }))) : '',
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'ask-send' }, signed ? 'Sign' : 'Confirm'),
      h('button', { type: 'button', onclick: () => dialog.remove() }, 'Cancel')), error);
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
}

/** A failed document corrected by hand and sent in again as the partner would have: a new message, the original kept. */
function correct(m, raw) {
  const error = h('p', { class: 'error', id: 'correct-error' });
  const dialog = h('dialog', { id: 'correct-dialog' });
  const form = h('form', { onsubmit: async (event) => {
    event.preventDefault();
    try {
      const sent = await api('/api/messages/' + encodeURIComponent(m.messageId) + '/resubmission', { method: 'POST',
        body: { document: form.document.value, reason: form.reason.value } });
      dialog.remove();
      location.hash = '#/messages/' + encodeURIComponent(sent.messageId);
    } catch (e) {
      error.textContent = e.detail || String(e);
    }
  } },
    h('h2', {}, 'Correct and send again'),
    h('p', { class: 'hint' }, 'The corrected document goes through ' + m.partner + '\'s mapping as a new message; the original is kept and linked.'),
    h('textarea', { name: 'document', rows: 16, cols: 100 }, raw.text),
    h('label', {}, 'Reason ', h('input', { name: 'reason', required: true, size: 60 })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'correct-send' }, 'Send again'),
      h('button', { type: 'button', onclick: () => dialog.remove() }, 'Cancel')), error);
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
}

// ---- replays: a dry run first, then the job with its progress ----

async function replayPlan(request) {
  const dialog = h('dialog', { id: 'replay-plan' });
  document.body.append(dialog);
  dialog.showModal();
  try {
    const plan = await api('/api/replays', { method: 'POST', body: { ...request, dryRun: true } });
    const rows = plan.messages.slice(0, 50).map((p) => [p.messageId.slice(0, 16) + '…', p.outcome, p.detail || '',
      (p.wouldPublish || []).map((w) => w.businessKey + ': ' + w.changes.join(', ')).join('; ')]);
    const rate = h('input', { id: 'replay-rate', type: 'number', min: 1, max: 1000, value: 50 });
    dialog.replaceChildren(h('h2', {}, 'Replay: ' + plan.count + ' message(s)'),
      plan.count > 50 ? h('p', {}, 'The first 50 of them:') : '',
      table(['Message', 'Would', 'Detail', 'Changes'], rows),
      h('div', { class: 'actions' },
        h('label', {}, 'Messages per second ', rate),
        h('button', { id: 'replay-start', onclick: async () => {
          const started = await api('/api/replays', { method: 'POST', body: { ...request, rate: Number(rate.value) } });
          dialog.remove();
          location.hash = '#/replays/' + started.replayId;
        } }, 'Replay ' + plan.count),
        h('button', { onclick: () => dialog.remove() }, 'Cancel')));
  } catch (e) {
    dialog.replaceChildren(problem(e), h('button', { onclick: () => dialog.remove() }, 'Close'));
  }
}

async function replay(params, id) {
  const p = await api('/api/replays/' + id);
  const percent = p.total ? Math.round((100 * p.done) / p.total) : 100;
  if (p.status === 'RUNNING' || p.status === 'PAUSED') refreshIn(1000);
  const steer = (action) => async () => { await api('/api/replays/' + id + '/' + action, { method: 'POST' }); route(); };
  const rows = p.items.map((i) => [h('a', { href: '#/messages/' + encodeURIComponent(i.message_id) }, i.message_id.slice(0, 16) + '…'),
    status(i.outcome), i.detail || '', i.new_message_id ? h('a', { href: '#/messages/' + encodeURIComponent(i.new_message_id), class: 'new-message' }, i.new_message_id.slice(0, 16) + '…') : '']);
  return [h('h1', {}, 'Replay ' + p.id),
    h('p', {}, 'From ' + p.source + (p.subscriber ? ' to ' + p.subscriber : '') + ', ' + p.rate + '/s, by ' + p.requested_by + ' · ', status(p.status)),
    h('progress', { id: 'replay-progress', max: 100, value: percent }), h('span', { id: 'replay-percent' }, ' ' + percent + ' % (' + p.done + ' of ' + p.total + ')'),
    ['RUNNING', 'PAUSED'].includes(p.status) && may('STEER') ? h('span', { class: 'actions' },
      p.status === 'RUNNING' ? h('button', { id: 'replay-pause', onclick: steer('pause') }, 'Pause')
        : h('button', { id: 'replay-resume', onclick: steer('resume') }, 'Resume'),
      h('button', { id: 'replay-stop', onclick: steer('stop') }, 'Stop')) : '',
    table(['Message', 'Outcome', 'Detail', 'New message'], rows, 'replay-items')];
}

async function replays() {
  const list = await api('/api/replays');
  return [h('h1', {}, 'Replays'), table(['Replay', 'From', 'To', 'Status', 'Done', 'Rate', 'By', 'Started', 'Finished'],
    list.replays.map((r) => [h('a', { href: '#/replays/' + r.id }, '#' + r.id), r.source, r.subscriber || '', status(r.status),
      r.done + ' of ' + r.total, r.rate + '/s', r.requested_by, when(r.created_at), when(r.finished_at)]), 'replays')];
}

// ---- partners: health, the file in force and its versions, routes suspended and resumed ----

async function partnerList() {
  const { partners } = await api('/api/partners');
  const health = (p) => Object.values(p.routes).every((s) => s === 'Started') && p.subscriptions.every((s) => s.breaker !== 'OPEN');
  return [h('h1', {}, 'Partners'), table(['Partner', 'Kind', 'Sends', 'Receives', 'Routes', 'Last message', 'Health'],
    partners.map((p) => [h('a', { href: '#/partners/' + encodeURIComponent(p.id) }, p.id), p.kind,
      p.messageTypes.map((t) => t.name).join(', '), p.subscriptions.map((s) => s.entity).join(', '),
      Object.values(p.routes).filter((s) => s === 'Started').length + ' of ' + Object.keys(p.routes).length + ' started',
      when(p.lastMessageAt), status(health(p) ? 'OK' : 'ATTENTION')]), 'partners')];
}

async function partner(params, id) {
  const { partner: p, file, versions } = await api('/api/partners/' + encodeURIComponent(id));
  const routeAction = (routeId, action) => ask((action === 'suspend' ? 'Suspend ' : 'Resume ') + routeId, false,
    (body) => api('/api/partners/' + encodeURIComponent(id) + '/routes/' + encodeURIComponent(routeId) + '/' + action, { method: 'POST', body }));
  return [h('h1', {}, p.id + (p.name ? ' · ' + p.name : '')),
    h('p', {}, p.kind + ' · last message ', p.lastMessageAt ? when(p.lastMessageAt) : 'none yet', ' · ',
      h('a', { href: '#/messages?partner=' + encodeURIComponent(p.id) }, 'its messages'), ' · ',
      h('a', { href: '#/messages?status=FAILED&partner=' + encodeURIComponent(p.id) }, 'failed')),
    h('h2', {}, 'Routes'),
    table(['Route', 'Status', ''], Object.entries(p.routes).map(([routeId, state]) => [routeId, status(state),
      may('STEER') ? (state !== 'Started'
        ? h('button', { class: 'resume-route', onclick: () => routeAction(routeId, 'resume') }, 'Resume…')
        : h('button', { class: 'suspend-route', onclick: () => routeAction(routeId, 'suspend') }, 'Suspend…')) : '']), 'routes'),
    h('h2', {}, 'Receives'),
    table(['Entity', 'Transport', 'Destination', 'Batch', 'Resilience', 'Circuit breaker'], p.subscriptions.map((s) =>
      [s.entity, s.transport, s.destination, String(s.batch), s.resilience, status(s.breaker)]), 'subscriptions'),
    h('h2', {}, 'Sends'), table(['Message type', 'Format', 'Mapping'], p.messageTypes.map((t) => [t.name, t.format, t.mapping]), 'message-types'),
    h('h2', {}, 'Configuration in force'), file ? h('pre', { id: 'partner-file' }, file) : h('p', { class: 'empty' }, 'No file: the hub makes this partner itself.'),
    h('h2', {}, 'Versions'),
    table(['Version', 'Put in force', 'By', 'SHA-256', ''], [...versions].reverse().map((v) => [String(v.version), when(v.recordedAt), v.actor,
      h('code', {}, v.sha256.slice(0, 16) + '…'), h('details', {}, h('summary', {}, 'file'), h('pre', {}, v.text))]), 'versions')];
}

// ---- conflicts: base, current and incoming side by side; resolved per field, signed ----

async function conflicts() {
  const list = await api('/api/conflicts');
  return [h('h1', {}, 'Open conflicts'), table(['Conflict', 'Entity', 'Business key', 'From', 'Fields', 'Since'],
    list.conflicts.map((c) => [h('a', { href: '#/conflicts/' + c.id }, '#' + c.id), c.entity, c.businessKey, c.source,
      c.fields.map((f) => f.field).join(', '), when(c.createdAt)]), 'conflicts')];
}

async function conflict(params, id) {
  const c = await api('/api/conflicts/' + id);
  const show = (v) => v === undefined || v === null ? '—' : JSON.stringify(v);
  const rows = c.fields.map((f) => [f.field, show(f.base), choice(f.field, 'current', show(f.current)), choice(f.field, 'incoming', show(f.incoming)),
    h('label', { class: 'choice' }, h('input', { type: 'radio', name: f.field, value: 'typed' }), ' ',
      h('input', { name: 'typed-' + f.field, placeholder: 'JSON, e.g. ' + show(f.current), size: 24 }))]);
  const head = [h('h1', {}, 'Conflict #' + c.id + ' · ' + c.entity + ' ' + c.businessKey),
    h('p', {}, 'From ', h('a', { href: '#/messages/' + encodeURIComponent(c.messageId) }, c.source), ', based on version ' + (c.baseVersion ?? '—') + '; the hub is at version ' + c.currentVersion)];
  if (c.status !== 'OPEN') {
    return [...head, h('p', { id: 'resolved' }, 'Resolved by ' + c.resolvedBy + ' ', when(c.resolvedAt), ': ' + c.reason),
      table(['Field', 'Base', 'Current', 'Incoming'], c.fields.map((f) => [f.field, show(f.base), show(f.current), show(f.incoming)]))];
  }
  const error = h('p', { class: 'error', id: 'resolve-error' });
  const form = h('form', { id: 'resolve', onsubmit: async (event) => {
    event.preventDefault();
    const fields = {};
    for (const f of c.fields) {
      const picked = form.querySelector('input[name="' + CSS.escape(f.field) + '"]:checked');
      if (!picked) { error.textContent = 'choose current, incoming or a value for ' + f.field; return; }
      if (picked.value !== 'typed') {
        fields[f.field] = picked.value; // current or incoming: the hub takes the value it holds
        continue;
      }
      try {
        fields[f.field] = { value: JSON.parse(form.querySelector('input[name="typed-' + CSS.escape(f.field) + '"]').value) };
      } catch {
        error.textContent = 'the value for ' + f.field + ' must be JSON: a number, "text" in quotes, or {…}';
        return;
      }
    }
    try {
      await api('/api/conflicts/' + id + '/resolution', { method: 'POST', body: { fields, reason: form.reason.value, password: form.password.value, meaning: form.meaning.value } });
      route();
    } catch (e) {
      error.textContent = e.detail || String(e);
    }
  } },
    table(['Field', 'Base', 'Current (keep)', 'Incoming (take)', 'Another value'], rows, 'conflict-fields'),
    may('RESOLVE') ? h('fieldset', {}, h('legend', {}, 'Electronic signature'),
      h('label', {}, 'Reason', h('input', { name: 'reason', required: true, size: 60 })),
      h('label', {}, 'Password of ' + person.username, h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' })),
      h('label', {}, 'Meaning', h('select', { name: 'meaning' }, ...['APPROVAL', 'REVIEW', 'RESPONSIBILITY'].map((v) => h('option', { value: v }, v.toLowerCase())))),
      h('p', { class: 'hint' }, 'Signing records your name, the time, the meaning and this reason, bound to the hash of the decided record.'),
      h('button', { type: 'submit', id: 'sign-resolution' }, 'Sign and resolve')) : h('p', {}, 'Your roles may view conflicts, not resolve them.'),
    error);
  return [...head, form];
}

function choice(fieldName, side, text) {
  return h('label', { class: 'choice' }, h('input', { type: 'radio', name: fieldName, value: side }), ' ', text);
}

// ---- change feeds and the audit trail ----

async function changeFeeds() {
  const { sources } = await api('/api/cdc');
  const steer = may('STEER') || may('CONFIGURE');
  const act = (path, title) => ask(title, false, (body) => api(path, { method: 'POST', body }));
  const base = (s) => '/api/cdc/' + encodeURIComponent(s.source);
  return [h('h1', {}, 'Change feeds'), ...sources.map((s) => h('section', { class: 'feed', 'data-source': s.source },
    h('h2', {}, s.source + ' ', status(s.state)), s.problem ? h('p', { class: 'error' }, s.problem) : '',
    h('p', {}, s.database + ' · last change ', s.lastEventAt ? when(s.lastEventAt) : 'none yet', s.lagMillis != null ? ' · lag ' + s.lagMillis + ' ms' : ''),
    steer ? h('div', { class: 'actions' }, s.state === 'PAUSED'
      ? h('button', { class: 'resume-feed', onclick: () => act(base(s) + '/resume', 'Resume ' + s.source) }, 'Resume')
      : h('button', { class: 'pause-feed', onclick: () => act(base(s) + '/pause', 'Pause ' + s.source) }, 'Pause')) : '',
    table(['Table', 'State', 'Changes', 'Filtered', 'Left out', 'Held', 'Unmapped columns', 'Problem', ''],
      s.tables.map((t) => [t.table, status(t.state), Object.entries(t.events).map(([k, v]) => k + ' ' + v).join(', '),
        String(t.filtered), String(t.leftOut), String(t.held), (t.unmappedColumns || []).join(', '), t.problem || '',
        steer ? [t.state === 'STOPPED' ? h('button', { onclick: () => act(base(s) + '/tables/' + encodeURIComponent(t.table) + '/resume', 'Resume ' + t.table) }, 'Resume') : '',
          h('button', { onclick: () => act(base(s) + '/tables/' + encodeURIComponent(t.table) + '/snapshot', 'Read ' + t.table + ' whole again') }, 'Read again')] : '']))))];
}

async function audit(params) {
  const query = new URLSearchParams();
  ['actor', 'action', 'subject', 'from', 'until'].forEach((f) => params.get(f) && query.set(f, params.get(f)));
  const list = await api('/api/audit?' + query);
  const form = h('form', { class: 'filters', onsubmit: (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    ['actor', 'action', 'subject'].forEach((f) => form[f].value && next.set(f, form[f].value.trim()));
    ['from', 'until'].forEach((f) => form[f].value && next.set(f, new Date(form[f].value).toISOString()));
    location.hash = '#/audit?' + next;
  } }, ...['actor', 'action', 'subject'].map((f) => h('input', { name: f, placeholder: f, value: params.get(f) || '' })),
    h('label', {}, 'from ', h('input', { name: 'from', type: 'datetime-local', value: local(params.get('from')) })),
    h('label', {}, 'until ', h('input', { name: 'until', type: 'datetime-local', value: local(params.get('until')) })),
    h('button', { type: 'submit' }, 'Filter'),
    h('a', { href: '/api/audit/export?format=csv&' + query, download: 'audit.csv' }, 'Export CSV'), ' ',
    h('a', { href: '/api/audit/export?format=json&' + query, download: 'audit.json' }, 'Export JSON'));
  return [h('h1', {}, 'Audit trail'), form, table(['#', 'When (UTC)', 'Who', 'What', 'Subject', 'Detail'],
    list.events.map((e) => [String(e.sequence), e.recordedAt, e.actor, e.action, e.subject, field(e.detail)]), 'audit')];
}

window.addEventListener('hashchange', route);
route();

// ---- customs: declarations and their versions, submitted again, corrected; alerts acknowledged ----

async function declarations() {
  const list = await api('/api/customs/declarations');
  return [h('h1', {}, 'Customs declarations'), table(['ClientSeqNo', 'Profile', 'Shipment', 'Status', 'Version', 'Submitted', 'Corrects', 'Corrected by'],
    list.declarations.map((d) => [declarationLink(d.clientSeqNo), d.profile, d.shipment, status(d.status || 'NONE'), String(d.version ?? ''),
      when(d.submittedAt), d.replaces ? declarationLink(d.replaces) : '', d.correctedBy ? declarationLink(d.correctedBy) : '']), 'declarations')];
}

function declarationLink(clientSeqNo) {
  return h('a', { class: 'mono', href: '#/customs/' + encodeURIComponent(clientSeqNo) }, clientSeqNo);
}

async function declaration(params, clientSeqNo) {
  const view = await api('/api/customs/declarations/' + encodeURIComponent(clientSeqNo));
  const d = view.declaration;
  const record = view.record || {};
  const actions = [];
  if (may('STEER') && d.status === 'CHECKED') {
    actions.push(h('button', { id: 'submit-again', onclick: async () => {
      await api('/api/customs/declarations/' + encodeURIComponent(clientSeqNo) + '/submission', { method: 'POST' });
      route();
    } }, 'Submit again'));
  }
  if (may('STEER') && d.status === 'REJECTED' && !d.correctedBy) {
    actions.push(h('button', { id: 'correct', onclick: () => correctDeclaration(clientSeqNo) }, 'Correct…'));
  }
  return [h('h1', {}, 'Declaration ', h('span', { class: 'mono' }, clientSeqNo), ' ', status(d.status)),
    h('dl', {}, ...[['Profile', d.profile], ['Shipment', h('a', { href: '#/messages?key=' + encodeURIComponent(d.shipment) }, d.shipment)],
      ['Single window number', record.seqNo], ['Declaration number', record.entryId], ['Submitted', when(d.submittedAt)],
      ['Released', when(record.releasedAt)], ['Corrects', d.replaces && declarationLink(d.replaces)],
      ['Corrected by', d.correctedBy && declarationLink(d.correctedBy)], ['Last error', d.lastError]]
      .filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('div', { class: 'actions' }, ...actions),
    h('h2', {}, 'Lines'), table(['#', 'HS code', 'Name', 'Quantity', 'Total', 'Product', 'Registration'],
      (record.lines || []).map((l) => [String(l.lineNumber), l.hsCode, l.name, l.declaredQuantity ? l.declaredQuantity.value + ' ' + l.declaredQuantity.unit : '',
        l.total ? l.total.amount + ' ' + l.total.currency : '', l.product || '', l.registrationCertificate || '']), 'declaration-lines'),
    h('h2', {}, 'Receipts'), table(['Type', 'Code', 'Message', 'Issued'],
      (record.receipts || []).map((r) => [r.receiptType, r.responseCode, r.message || '', when(r.receivedAt)]), 'receipts'),
    h('h2', {}, 'Versions'), table(['Version', 'Status', 'Message', 'Recorded'],
      view.versions.map((v) => [String(v.version), status(v.status), h('a', { href: '#/messages/' + encodeURIComponent(v.messageId), class: 'mono' }, v.messageId.slice(0, 16) + '…'),
        when(v.recordedAt)]), 'versions')];
}

function correctDeclaration(clientSeqNo) {
  const error = h('p', { class: 'error', id: 'correct-error' });
  const dialog = h('dialog', { id: 'correction' });
  const form = h('form', { onsubmit: async (event) => {
    event.preventDefault();
    try {
      const fields = form.fields.value.trim() ? JSON.parse(form.fields.value) : {};
      const made = await api('/api/customs/declarations/' + encodeURIComponent(clientSeqNo) + '/correction',
        { method: 'POST', body: { reason: form.reason.value, fields } });
      dialog.remove();
      location.hash = '#/customs/' + encodeURIComponent(made.clientSeqNo);
    } catch (e) {
      error.textContent = e instanceof SyntaxError ? 'fields: not JSON: ' + e.message : (e.detail || String(e));
    }
  } },
    h('h2', {}, 'Correct ' + clientSeqNo),
    h('p', {}, 'The correction is a new declaration with these fields over the rejected one\'s; it is checked and submitted.'),
    h('label', {}, 'Fields (canonical JSON) ', h('textarea', { name: 'fields', rows: 6, cols: 70, placeholder: '{"lines": [...]}' })),
    h('label', {}, 'Reason ', h('input', { name: 'reason', required: true, size: 60 })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'correct-send' }, 'Correct and submit'),
      h('button', { type: 'button', onclick: () => dialog.remove() }, 'Cancel')), error);
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
}

async function alerts(params) {
  const all = params.get('all') === 'true';
  const list = await api('/api/alerts?open=' + !all);
  const subject = (a) => a.entity === 'CustomsDeclaration' ? declarationLink(a.businessKey)
    : h('a', { href: '#/messages?key=' + encodeURIComponent(a.businessKey) }, a.entity + ' ' + a.businessKey);
  return [h('h1', {}, all ? 'Alerts' : 'Open alerts'),
    h('p', { class: 'filters' }, all ? h('a', { href: '#/alerts' }, 'open only') : h('a', { href: '#/alerts?all=true', id: 'all-alerts' }, 'with the acknowledged')),
    table(['Raised', 'Rule', 'Record', 'What', 'Fields', ''], list.alerts.map((a) => [when(a.raisedAt), a.rule, subject(a),
      h('span', { class: 'detail' }, a.detail), a.fields.map((f) => field(f)),
      a.acknowledgedAt ? 'acknowledged by ' + a.acknowledgedBy + ': ' + a.acknowledgement
        : may('STEER') ? h('button', { class: 'acknowledge', onclick: () => ask('Acknowledge alert ' + a.id, false,
          (body) => api('/api/alerts/' + a.id + '/acknowledgement', { method: 'POST', body })) }, 'Acknowledge…') : '']), 'alerts')];
}

// ---- trace: where a lot, batch, serial, case or shipment went, or came from; what a recall of it reaches ----

async function trace(params) {
  const from = params.get('from') || '';
  const direction = params.get('direction') || 'forward';
  const form = h('form', { id: 'trace-form', class: 'filters', onsubmit: (event) => {
    event.preventDefault();
    location.hash = '#/trace?' + new URLSearchParams({ from: form.from.value.trim(), direction: form.direction.value });
  } },
    h('label', {}, 'Key or UDI ', h('input', { name: 'from', value: from, size: 50, required: true })), ' ',
    h('select', { name: 'direction' }, ...['forward', 'backward'].map((d) => h('option', { value: d, selected: d === direction }, d === 'forward' ? 'where it went' : 'where it came from'))), ' ',
    h('button', { type: 'submit', id: 'trace-go' }, 'Trace'));
  const page = [h('h1', {}, 'Trace'), form];
  if (!from) return page;
  const t = await api('/api/trace?' + new URLSearchParams({ from, direction }));
  const reached = {};
  for (const n of t.nodes) (reached[n.entity] = reached[n.entity] || []).push(n.key);
  const node = (entity, key) => entity === 'CustomsDeclaration' ? h('a', { href: '#/customs/' + encodeURIComponent(key) }, key)
    : h('a', { href: '#/trace?' + new URLSearchParams({ from: key, direction }) }, key);
  const impact = '/api/recall-impact?' + new URLSearchParams({ from });
  return [...page,
    h('p', {}, 'From ', h('code', {}, t.key), ': ', String(t.links.length), ' links, ', String(t.nodes.length), ' records', t.complete ? '' : ' (stopped before the end)',
      direction === 'forward' ? [' · recall impact: ', h('a', { href: impact, id: 'impact-json' }, 'JSON'), ' ', h('a', { href: impact + '&format=csv', id: 'impact-csv' }, 'CSV')] : ''),
    table(['Kind', 'Records'], Object.entries(reached).map(([entity, keys]) => [entity, keys.flatMap((k) => [node(entity, k), ' '])]), 'trace-reached'),
    h('h2', {}, 'Links'),
    table(['From', 'Link', 'To', 'Quantity', 'Made by message', 'Partner', 'Mapping'], t.links.map((l) => [
      [l.fromEntity, ' ', node(l.fromEntity, l.fromKey)], l.relation.toLowerCase().replaceAll('_', ' '), [l.toEntity, ' ', node(l.toEntity, l.toKey)],
      l.quantity == null ? '' : l.quantity + ' ' + (l.unit || ''),
      h('a', { class: 'mono', href: '#/messages/' + encodeURIComponent(l.messageId) }, l.messageId.slice(0, 16) + '…'), l.partner,
      l.mappingId ? l.mappingId + ' v' + l.mappingVersion : '']), 'trace-links')];
}
