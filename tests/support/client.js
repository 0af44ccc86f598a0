'use strict';
// A small HTTP client that behaves like one browser (its own cookie jar) or an API script
// (a bearer token), plus helpers that follow the foundation contract (docs/api-foundation.md).

const crypto = require('node:crypto');

let counter = 0;
function unique(prefix = 'u') {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}${crypto.randomBytes(2).toString('hex')}`;
}
// Passwords: >= 12 characters, not on any common list.
function password() {
  return `Corr3ct-Horse-${crypto.randomBytes(6).toString('hex')}`;
}
function email(prefix = 'user') {
  return `${unique(prefix)}@example.com`.toLowerCase();
}

function parseSetCookie(line) {
  const parts = line.split(';').map((s) => s.trim());
  const [nv, ...attrs] = parts;
  const i = nv.indexOf('=');
  const cookie = { name: nv.slice(0, i), value: nv.slice(i + 1), attrs: {}, raw: line };
  for (const a of attrs) {
    const j = a.indexOf('=');
    const k = (j < 0 ? a : a.slice(0, j)).toLowerCase();
    cookie.attrs[k] = j < 0 ? true : a.slice(j + 1);
  }
  return cookie;
}

class Response {
  constructor(status, headers, buf) {
    this.status = status;
    this.headers = headers;
    this.raw = buf;
    this.text = buf.toString('utf8');
    this.contentType = headers.get('content-type') || '';
    this.json = null;
    if (/json/i.test(this.contentType) && this.text.length) {
      try { this.json = JSON.parse(this.text); } catch { this.json = undefined; }
    }
  }
  get ok() { return this.status >= 200 && this.status < 300; }
  get isProblem() { return /^application\/problem\+json/i.test(this.contentType); }
  get code() { return this.json && this.json.code; }
  header(name) { return this.headers.get(name); }
  describe() {
    return `${this.status} ${this.contentType} ${this.text.slice(0, 300)}`;
  }
}

class Browser {
  constructor(baseUrl, { name = 'browser', bearer = null, userAgent = null } = {}) {
    this.baseUrl = baseUrl;
    this.name = name;
    this.bearer = bearer;
    this.userAgent = userAgent || `cocreate-tests/${name}`;
    this.jar = new Map();
    this.lastSetCookies = [];
    this.user = null;
    this.password = null;
  }

  clone(name = `${this.name}-clone`) {
    const b = new Browser(this.baseUrl, { name, bearer: this.bearer, userAgent: this.userAgent });
    b.jar = new Map(this.jar);
    b.user = this.user;
    b.password = this.password;
    return b;
  }

  get sessionCookie() { return this.jar.get('__Host-cocreate'); }

  cookieHeader() {
    return [...this.jar.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  storeCookies(lines) {
    this.lastSetCookies = lines.map(parseSetCookie);
    for (const c of this.lastSetCookies) {
      const maxAge = c.attrs['max-age'];
      const expires = c.attrs.expires ? Date.parse(c.attrs.expires) : NaN;
      const expired = (maxAge !== undefined && Number(maxAge) <= 0) || (!Number.isNaN(expires) && expires <= Date.now()) || c.value === '';
      if (expired) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
  }

  // opts: json (object → JSON body), body (string|Buffer raw), headers, csrf (default true for
  // unsafe methods), contentType, bearer (string | false to suppress), cookies (false to suppress)
  async request(method, path, opts = {}) {
    const headers = { Accept: 'application/json, application/problem+json', 'User-Agent': this.userAgent };
    let body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['Content-Type'] = 'application/json';
    } else if (opts.body !== undefined) {
      body = opts.body;
      headers['Content-Type'] = 'application/json';
    }
    if (opts.contentType !== undefined) {
      if (opts.contentType === null) delete headers['Content-Type'];
      else headers['Content-Type'] = opts.contentType;
    }
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (unsafe && opts.csrf !== false) headers['X-Cocreate-Csrf'] = '1';
    const bearer = opts.bearer === undefined ? this.bearer : opts.bearer;
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (opts.cookies !== false && this.jar.size) headers.Cookie = this.cookieHeader();
    Object.assign(headers, opts.headers || {});
    for (const k of Object.keys(headers)) if (headers[k] === null) delete headers[k];
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs || 20000),
    });
    const buf = Buffer.from(await res.arrayBuffer());
    const setCookies = res.headers.getSetCookie ? res.headers.getSetCookie() : [];
    if (setCookies.length && opts.cookies !== false) this.storeCookies(setCookies);
    else if (setCookies.length) this.lastSetCookies = setCookies.map(parseSetCookie);
    else this.lastSetCookies = [];
    return new Response(res.status, res.headers, buf);
  }

  get(path, opts) { return this.request('GET', path, opts); }
  post(path, json, opts = {}) { return this.request('POST', path, { json, ...opts }); }
  patch(path, json, opts = {}) { return this.request('PATCH', path, { json, ...opts }); }
  put(path, json, opts = {}) { return this.request('PUT', path, { json, ...opts }); }
  del(path, opts) { return this.request('DELETE', path, opts); }
}

class ContractError extends Error {}
function expectStatus(res, status, what) {
  const ok = Array.isArray(status) ? status.includes(res.status) : res.status === status;
  if (!ok) throw new ContractError(`${what}: expected ${status}, got ${res.describe()}`);
  return res;
}

// Follows every `next_cursor` of a list endpoint; bounded.
async function listAll(browser, path, { limit = 200, maxPages = 50 } = {}) {
  const items = [];
  let after = null;
  for (let i = 0; i < maxPages; i += 1) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await browser.get(`${path}${sep}limit=${limit}${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    expectStatus(res, 200, `GET ${path}`);
    items.push(...res.json.items);
    after = res.json.next_cursor;
    if (!after) return items;
  }
  throw new Error(`listAll ${path}: more than ${maxPages} pages`);
}

// The contract's flows.
class Api {
  constructor(srv) {
    this.srv = srv;
    this.url = srv.url || srv;
  }

  browser(name) { return new Browser(this.url, { name }); }
  tokenClient(token, name = 'token') { return new Browser(this.url, { name, bearer: token }); }

  // POST /api/v1/setup → the first admin, signed in.
  async setupAdmin({ emailAddr = email('admin'), displayName = 'Ada Admin', pass = password() } = {}) {
    const b = this.browser('admin');
    const res = await b.post('/api/v1/setup', { email: emailAddr, display_name: displayName, password: pass });
    expectStatus(res, 201, 'POST /api/v1/setup');
    b.user = res.json.user;
    b.password = pass;
    if (!b.sessionCookie) throw new ContractError(`POST /api/v1/setup set no __Host-cocreate cookie (${JSON.stringify(b.lastSetCookies.map((c) => c.raw))})`);
    this.admin = b;
    return b;
  }

  async signIn(emailAddr, pass, name = 'signed-in') {
    const b = this.browser(name);
    const res = await b.post('/api/v1/auth/sign-in', { email: emailAddr, password: pass });
    expectStatus(res, 200, `POST /api/v1/auth/sign-in as ${emailAddr}`);
    b.user = res.json.user;
    b.password = pass;
    return b;
  }

  // An internal user created by the admin, then signed in in their own browser.
  async createUser(role = 'member', capabilities = [], extra = {}) {
    if (!this.admin) throw new Error('createUser needs setupAdmin() first');
    const pass = extra.password || password();
    const body = { email: extra.email || email(role), display_name: extra.display_name || `${role} ${unique('n')}`, password: pass, role, capabilities, ...extra.fields };
    if (extra.organisation_id !== undefined) body.organisation_id = extra.organisation_id;
    const res = await this.admin.post('/api/v1/users', body);
    expectStatus(res, 201, `POST /api/v1/users (${role})`);
    const user = res.json.user || res.json;
    if (extra.signIn === false) return { user, password: pass, email: body.email };
    const b = await this.signIn(body.email, pass, role);
    return b;
  }

  async createSpace(browser, fields = {}) {
    const res = await browser.post('/api/v1/spaces', { name: unique('Space '), kind: 'community', external_allowed: true, ...fields });
    expectStatus(res, 201, 'POST /api/v1/spaces');
    return res.json.space || res.json;
  }

  async createOrganisation(browser, fields = {}) {
    const res = await browser.post('/api/v1/organisations', { name: unique('Org '), kind: 'customer', ...fields });
    expectStatus(res, 201, 'POST /api/v1/organisations');
    return res.json.organisation || res.json;
  }

  async addMember(browser, spaceId, userId, spaceRole = 'member') {
    const res = await browser.put(`/api/v1/spaces/${spaceId}/members/${userId}`, { space_role: spaceRole });
    expectStatus(res, [200, 201], `PUT /api/v1/spaces/${spaceId}/members/${userId}`);
    return res.json;
  }

  // Returns the invitation (with its one-time `token` and `accept_url`).
  async inviteExternal(inviter, spaceId, emailAddr = email('ext'), fields = {}) {
    const res = await inviter.post(`/api/v1/spaces/${spaceId}/invitations`, { email: emailAddr, ...fields });
    expectStatus(res, 201, `POST /api/v1/spaces/${spaceId}/invitations`);
    const inv = res.json.invitation ? { ...res.json.invitation, token: res.json.token, accept_url: res.json.accept_url } : res.json;
    if (!inv.token) throw new ContractError(`invitation answer has no token: ${res.text.slice(0, 300)}`);
    return inv;
  }

  // POST /api/v1/invitations/accept → a signed-in browser for the new participant.
  async accept(token, { displayName = `Ext ${unique('x')}`, pass = password(), name = 'external' } = {}) {
    const b = this.browser(name);
    const res = await b.post('/api/v1/invitations/accept', { token, display_name: displayName, password: pass });
    expectStatus(res, 201, 'POST /api/v1/invitations/accept');
    b.user = res.json.user;
    b.spaceId = res.json.space_id;
    b.password = pass;
    return b;
  }

  async createToken(browser, scopes = ['read', 'write'], name = unique('tok')) {
    const res = await browser.post('/api/v1/me/tokens', { name, scopes });
    expectStatus(res, 201, 'POST /api/v1/me/tokens');
    const tok = res.json.token && typeof res.json.token === 'object' ? res.json.token : res.json;
    const secret = typeof res.json.token === 'string' ? res.json.token : tok.token;
    return { ...tok, token: secret };
  }
}

// A problem+json check shared by the suites.
function problemOf(res) {
  if (!res.isProblem) return { ok: false, why: `content-type is ${res.contentType || '(none)'}` };
  const j = res.json;
  if (!j || typeof j !== 'object') return { ok: false, why: 'body is not a JSON object' };
  for (const k of ['type', 'title', 'status', 'code']) if (j[k] === undefined) return { ok: false, why: `missing ${k}` };
  if (j.status !== res.status) return { ok: false, why: `body status ${j.status} != HTTP ${res.status}` };
  return { ok: true };
}

module.exports = { Browser, Api, Response, listAll, expectStatus, problemOf, unique, password, email, parseSetCookie, ContractError };
