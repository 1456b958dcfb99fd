// The hub's API as the dashboard calls it: JSON in and out, problem+json turned into an ApiError, the CSRF token
// (from the XSRF-TOKEN cookie the hub sets) sent with every change.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.detail) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
    this.title = problem && problem.title;
    const violations = (problem && problem.violations) || [];
    // the rule broken and the field it names, for a person to fix
    this.detail = [problem && problem.detail, ...violations.map((v) => v.field + ': ' + v.message)].filter(Boolean).join('; ');
  }
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

async function send(path, { method = 'GET', body, form } = {}) {
  // X-Requested-With: the hub then answers 401 without a Basic challenge, which would open the browser's own dialog
  const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  let payload;
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (form) {
    payload = new URLSearchParams(form);
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const api = send;

export function signIn(username, password) {
  return send('/api/session', { method: 'POST', form: { username, password } });
}

export function signOut() {
  return send('/api/session/logout', { method: 'POST' });
}
