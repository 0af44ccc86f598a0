'use strict';
// Runs every row of permissions.yaml against a real server, and checks that every route of
// the contract has rows for all five roles.

const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { startServer, ROOT } = require('../support/server');
const { Api, unique, email, password, expectStatus } = require('../support/client');
const {
  day, at, createStakeholder, createInteraction, createFollowUp, createCadence, createExpectation, createNeed,
} = require('../support/stakeholders');
const { phaseDates } = require('../support/ideas');

const ROLES = ['anonymous', 'admin', 'innovation_manager', 'member', 'external'];
const NONEXISTENT = 999999;
const matrix = YAML.parse(fs.readFileSync(path.join(__dirname, 'permissions.yaml'), 'utf8'));
const rows = matrix.rows;

// ---- the contract's routes -----------------------------------------------------------------
// The route tables of every docs/api-*.md (api-foundation.md, api-stakeholders.md, ...).
function contractDocs() {
  const dir = path.join(ROOT, 'docs');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /^api-.*\.md$/.test(f)).sort().map((f) => path.join(dir, f));
}
function contractRoutesFromMarkdown() {
  const out = [];
  for (const file of contractDocs()) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const m = /^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*(\/\S*)\s*\|/.exec(line);
      if (m) out.push(`${m[1]} ${m[2]}`);
    }
  }
  return out;
}
function contractRoutesFromOpenApi() {
  const file = path.join(ROOT, 'api', 'openapi.yaml');
  if (!fs.existsSync(file)) return [];
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  const out = [];
  for (const [p, item] of Object.entries(doc.paths || {})) {
    for (const m of ['get', 'post', 'put', 'patch', 'delete']) if (item[m]) out.push(`${m.toUpperCase()} ${p}`);
  }
  return out;
}

test('the route tables of every docs/api-*.md are read', () => {
  const docs = contractDocs().map((f) => path.basename(f));
  for (const d of ['api-foundation.md', 'api-stakeholders.md', 'api-projects.md', 'api-ideas.md']) assert.ok(docs.includes(d), `${d} is not read: ${docs.join(', ')}`);
  const md = contractRoutesFromMarkdown();
  for (const r of ['GET /api/v1/me', 'DELETE /api/v1/stakeholders/{id}', 'PUT /api/v1/capacity/{user_id}', 'POST /api/v1/gate-reviews/{id}/decision', 'POST /api/v1/portfolio/health',
    'PUT /api/v1/ideas/{id}/vote', 'DELETE /api/v1/ideas/{id}/vote', 'DELETE /api/v1/comments/{id}/helpful', 'GET /api/v1/me/points']) {
    assert.ok(md.includes(r), `${r} is not among the routes read from the docs`);
  }
});

test('permissions.yaml: every contract route has a row for every role', () => {
  const md = contractRoutesFromMarkdown();
  const oa = contractRoutesFromOpenApi();
  assert.ok(md.length + oa.length > 0, 'found no contract routes');
  const have = new Map();
  for (const r of rows) {
    const k = `${r.method} ${r.path}`;
    if (!have.has(k)) have.set(k, new Set());
    have.get(k).add(r.role);
  }
  const problems = [];
  for (const k of new Set([...md, ...oa])) {
    const roles = have.get(k);
    if (!roles) { problems.push(`${k}: no rows`); continue; }
    const missing = ROLES.filter((r) => !roles.has(r));
    if (missing.length) problems.push(`${k}: no row for ${missing.join(', ')}`);
  }
  for (const r of rows) {
    if (!ROLES.includes(r.role)) problems.push(`row with unknown role ${r.role}`);
    if (!(r.expect === 'allowed' || Number.isInteger(r.expect))) problems.push(`row with bad expect ${r.expect}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

// ---- fixtures ------------------------------------------------------------------------------
let srv;
let api;
const fx = { b: {}, user: {}, pw: {}, email: {}, space: {} };

async function freshSession(role) {
  // A second, independent session of the role's user.
  const b = await api.signIn(fx.email[role], fx.pw[role], `${role}-2`);
  const s = await b.get('/api/v1/me/sessions?limit=200');
  expectStatus(s, 200, 'GET /api/v1/me/sessions');
  const cur = s.json.items.find((x) => x.current);
  assert.ok(cur, 'no session marked current');
  return { browser: b, id: cur.id };
}

before(async () => {
  srv = await startServer();
  api = new Api(srv);
  const admin = await api.setupAdmin();
  fx.b.admin = admin;
  fx.user.admin = admin.user;
  fx.pw.admin = admin.password;
  fx.email.admin = admin.user.email;
  for (const role of ['innovation_manager', 'member']) {
    const pw = password();
    const em = email(role);
    const b = await api.createUser(role, [], { email: em, password: pw });
    fx.b[role] = b; fx.user[role] = b.user; fx.pw[role] = pw; fx.email[role] = em;
  }
  {
    const pw = password();
    const em = email('other');
    const b = await api.createUser('member', [], { email: em, password: pw });
    fx.b.other = b; fx.user.other = b.user; fx.pw.other = pw; fx.email.other = em;
  }
  // Spaces.
  fx.space.A = await api.createSpace(fx.b.innovation_manager, { name: unique('Space A ') });
  fx.space.B = await api.createSpace(admin, { name: unique('Space B ') });
  fx.space.C = await api.createSpace(admin, { name: unique('Space C ') });
  fx.space.D = await api.createSpace(admin, { name: unique('Space D ') });
  await api.addMember(fx.b.innovation_manager, fx.space.A.id, fx.user.member.id, 'member');
  await api.addMember(admin, fx.space.C.id, fx.user.member.id, 'owner');
  await api.addMember(admin, fx.space.C.id, fx.user.innovation_manager.id, 'member');
  expectStatus(await admin.patch(`/api/v1/spaces/${fx.space.D.id}`, { archived: true }), 200, 'archive D');
  // The external participant joins A by invitation.
  const extEmail = email('ext');
  const inv = await api.inviteExternal(fx.b.innovation_manager, fx.space.A.id, extEmail, { space_role: 'guest' });
  const extPw = password();
  const ext = await api.accept(inv.token, { pass: extPw });
  fx.b.external = ext; fx.user.external = ext.user; fx.pw.external = extPw; fx.email.external = extEmail;
  // Objects of "other".
  fx.otherSession = (await freshSession('other')).id;
  fx.otherToken = (await api.createToken(fx.b.other, ['read'])).id;
  fx.org = await api.createOrganisation(admin);
  fx.b.anonymous = api.browser('anonymous');
});

// ---- per-route preparation: (row) → { path, body, browser? } ----------------------------------
const spaceByRelation = {
  admin: { owner: 'B', not_member: 'A', archived: 'D' },
  innovation_manager: { owner: 'A', not_member: 'B', member_of_space: 'C' },
  member: { owner: 'C', member_of_space: 'A', not_member: 'B', archived_not_member: 'D' },
  external: { member_of_space: 'A', not_member: 'B', archived_not_member: 'D' },
  anonymous: { member_of_space: 'A' },
};
function spaceId(row) {
  if (row.relation === 'nonexistent') return NONEXISTENT;
  const key = (spaceByRelation[row.role] || {})[row.relation];
  if (!key) throw new Error(`no space for ${row.role}/${row.relation}`);
  return fx.space[key].id;
}

async function invitationFor(row) {
  const by = (b, s) => api.inviteExternal(b, fx.space[s].id, email('inv'));
  switch (row.relation) {
    case 'nonexistent': return { id: NONEXISTENT };
    case 'own':
      if (row.role === 'member') return by(fx.b.member, 'C');
      return by(fx.b[row.role], row.role === 'admin' ? 'B' : 'A');
    case 'owner_not_inviter': return by(fx.b.admin, 'C');
    case 'own_space': return by(fx.b.innovation_manager, 'A');
    case 'other_user':
      if (row.role === 'innovation_manager') return by(fx.b.admin, 'B');
      if (row.role === 'external') return by(fx.b.innovation_manager, 'B');
      return by(fx.b.innovation_manager, 'A');
    default: throw new Error(`no invitation for ${row.relation}`);
  }
}

async function tokenFor(row) {
  // lookup/accept: a token in the state the relation names
  switch (row.relation) {
    case 'pending': return (await api.inviteExternal(fx.b.innovation_manager, fx.space.A.id, email('tok'))).token;
    case 'unknown_token': return `unknown-${unique('t')}`;
    case 'accepted': {
      const inv = await api.inviteExternal(fx.b.innovation_manager, fx.space.A.id, email('acc'));
      await api.accept(inv.token);
      return inv.token;
    }
    case 'revoked': {
      const inv = await api.inviteExternal(fx.b.innovation_manager, fx.space.A.id, email('rev'));
      expectStatus(await fx.b.innovation_manager.post(`/api/v1/invitations/${inv.id}/revoke`), 200, 'revoke');
      return inv.token;
    }
    default: throw new Error(`no token for ${row.relation}`);
  }
}

const prepare = {
  'POST /api/v1/setup': () => ({ body: { email: email('setup'), display_name: 'Second Admin', password: password() } }),
  'POST /api/v1/auth/sign-in': (row) => {
    const who = row.role === 'anonymous' ? 'other' : row.role;
    const pw = row.relation === 'wrong_password' ? `Wrong-${password()}` : fx.pw[who];
    return { body: { email: fx.email[who], password: pw } };
  },
  'POST /api/v1/auth/sign-out': async (row) => {
    if (row.role === 'anonymous') return {};
    return { browser: (await freshSession(row.role)).browser };
  },
  'PATCH /api/v1/me': () => ({ body: { display_name: unique('Name ') } }),
  'POST /api/v1/me/password': (row) => {
    const next = password();
    return {
      body: { current_password: fx.pw[row.role] || 'Not-The-Password-1', new_password: next },
      useFixture: true,
      after: (res) => { if (res.ok) fx.pw[row.role] = next; },
    };
  },
  'DELETE /api/v1/me/sessions/{id}': async (row) => {
    if (row.relation === 'own') return { params: { id: (await freshSession(row.role)).id } };
    if (row.relation === 'nonexistent') return { params: { id: NONEXISTENT } };
    return { params: { id: fx.otherSession } };
  },
  'POST /api/v1/me/tokens': () => ({ body: { name: unique('token '), scopes: ['read'] } }),
  'DELETE /api/v1/me/tokens/{id}': async (row) => {
    if (row.relation === 'own') return { params: { id: (await api.createToken(fx.b[row.role], ['read'])).id } };
    return { params: { id: fx.otherToken } };
  },
  'POST /api/v1/users': () => ({ body: { email: email('new'), display_name: 'New User', password: password(), role: 'member' } }),
  'GET /api/v1/users/{id}': (row) => ({ params: { id: userId(row) } }),
  'PATCH /api/v1/users/{id}': (row) => ({ params: { id: userId(row) }, body: { display_name: unique('Renamed ') } }),
  'POST /api/v1/organisations': () => ({ body: { name: unique('Org '), kind: 'partner' } }),
  'GET /api/v1/organisations/{id}': (row) => ({ params: { id: row.relation === 'nonexistent' ? NONEXISTENT : fx.org.id } }),
  'PATCH /api/v1/organisations/{id}': (row) => ({ params: { id: row.relation === 'nonexistent' ? NONEXISTENT : fx.org.id }, body: { name: unique('Org ') } }),
  'POST /api/v1/spaces': () => ({ body: { name: unique('Space '), kind: 'project_room' } }),
  'GET /api/v1/spaces/{id}': (row) => ({ params: { id: spaceId(row) } }),
  'PATCH /api/v1/spaces/{id}': (row) => ({ params: { id: spaceId(row) }, body: { description: unique('described ') } }),
  'GET /api/v1/spaces/{id}/members': (row) => ({ params: { id: spaceId(row) } }),
  'PUT /api/v1/spaces/{id}/members/{user_id}': (row) => ({ params: { id: spaceId(row), user_id: fx.user.other.id }, body: { space_role: 'member' } }),
  'DELETE /api/v1/spaces/{id}/members/{user_id}': async (row) => {
    const id = spaceId(row);
    if (id !== NONEXISTENT) await api.addMember(fx.b.admin, id, fx.user.other.id, 'member');
    return { params: { id, user_id: fx.user.other.id } };
  },
  'GET /api/v1/spaces/{id}/invitations': (row) => ({ params: { id: spaceId(row) } }),
  'POST /api/v1/spaces/{id}/invitations': (row) => ({ params: { id: spaceId(row) }, body: { email: email('inv') } }),
  'POST /api/v1/invitations/{id}/revoke': async (row) => ({ params: { id: (await invitationFor(row)).id } }),
  'POST /api/v1/invitations/{id}/resend': async (row) => ({ params: { id: (await invitationFor(row)).id } }),
  'POST /api/v1/invitations/lookup': async (row) => ({ body: { token: await tokenFor(row) } }),
  'POST /api/v1/invitations/accept': async (row) => ({ body: { token: await tokenFor(row), display_name: 'Accepting Person', password: password() } }),
};
// ---- stakeholders and engagement: the object a row's relation names ---------------------------
// Made on first use (not in before()), so that the foundation rows still run when these routes
// are missing: one stakeholder shared with A (external's space), one shared with no space; both
// owned by "other".
async function sharedStakeholders() {
  if (!fx.stakeholder) {
    fx.stakeholder = {
      shared_with_my_space: await createStakeholder(fx.b.admin, { name: unique('Perm shared '), owner_id: fx.user.other.id, space_ids: [fx.space.A.id] }),
      not_shared: await createStakeholder(fx.b.admin, { name: unique('Perm not shared '), owner_id: fx.user.other.id }),
    };
  }
  return fx.stakeholder;
}
async function stakeholderFor(row, { fresh = false } = {}) {
  const rel = row.relation;
  if (rel === 'nonexistent') return { id: NONEXISTENT };
  if (rel === 'own') return createStakeholder(fx.b.admin, { name: unique('Perm own '), owner_id: fx.user[row.role].id });
  const shared = await sharedStakeholders();
  if (!shared[rel]) throw new Error(`no stakeholder for ${rel}`);
  if (!fresh) return shared[rel];
  const spaces = rel === 'shared_with_my_space' ? [fx.space.A.id] : [];
  return createStakeholder(fx.b.admin, { name: unique(`Perm ${rel} `), owner_id: fx.user.other.id, space_ids: spaces });
}
async function needFor(row) {
  if (row.relation === 'nonexistent') return { id: NONEXISTENT };
  const shared = await sharedStakeholders();
  const on = row.relation === 'on_shared' ? shared.shared_with_my_space : shared.not_shared;
  return createNeed(fx.b.admin, on.id);
}
// Interactions, follow-ups, cadences, expectations: made by "other" (other_user) or the caller (own).
function engagementMaker(row) {
  if (row.relation === 'own') return fx.b[row.role];
  if (row.relation === 'other_user') return fx.b.other;
  throw new Error(`no maker for ${row.relation}`);
}
const about = async () => (await sharedStakeholders()).not_shared.id;
const engagementFor = {
  interaction: async (row) => (row.relation === 'nonexistent' ? { id: NONEXISTENT } : createInteraction(engagementMaker(row), [await about()])),
  followUp: async (row) => (row.relation === 'nonexistent' ? { id: NONEXISTENT } : createFollowUp(engagementMaker(row), { stakeholder_id: await about() })),
  cadence: async (row) => (row.relation === 'nonexistent' ? { id: NONEXISTENT } : createCadence(engagementMaker(row), await about())),
  expectation: async (row) => (row.relation === 'nonexistent' ? { id: NONEXISTENT } : createExpectation(engagementMaker(row), await about())),
};
const idOf = (make) => async (row) => ({ params: { id: (await make(row)).id } });
const idAndBody = (make, body) => async (row) => ({ params: { id: (await make(row)).id }, body: body() });
Object.assign(prepare, {
  'POST /api/v1/stakeholders': () => ({ body: { type: 'organisation', name: unique('Perm new '), kind: 'partner' } }),
  'GET /api/v1/stakeholders/{id}': idOf(stakeholderFor),
  'PATCH /api/v1/stakeholders/{id}': idAndBody(stakeholderFor, () => ({ region: unique('Region ') })),
  'DELETE /api/v1/stakeholders/{id}': idOf((row) => stakeholderFor(row, { fresh: true })),
  'POST /api/v1/stakeholders/{id}/level': idAndBody(stakeholderFor, () => ({ level: 'aware', note: 'permission row' })),
  'POST /api/v1/stakeholders/{id}/emotions': idAndBody(stakeholderFor, () => ({ valence: 0, intensity: 1 })),
  'GET /api/v1/stakeholders/{id}/timeline': idOf(stakeholderFor),
  'GET /api/v1/stakeholders/{id}/needs': idOf(stakeholderFor),
  'POST /api/v1/stakeholders/{id}/needs': idAndBody(stakeholderFor, () => ({ kind: 'need', title: unique('Need ') })),
  'PATCH /api/v1/needs/{id}': idAndBody(needFor, () => ({ status: 'addressed' })),
  'DELETE /api/v1/needs/{id}': idOf(needFor),
  'GET /api/v1/stakeholders/export': () => ({ query: '?format=json' }),
  'POST /api/v1/stakeholders/import/preview': () => ({ body: { csv: `name,kind\n${unique('Perm preview ')},customer\n` } }),
  'POST /api/v1/stakeholders/import': () => ({ body: { csv: `name,kind\n${unique('Perm import ')},customer\n` } }),
  'POST /api/v1/interactions': async () => ({ body: { title: unique('Perm call '), type: 'call', occurred_at: at(-1, 10), stakeholders: [{ stakeholder_id: await about() }] } }),
  'GET /api/v1/interactions/{id}': idOf(engagementFor.interaction),
  'PATCH /api/v1/interactions/{id}': idAndBody(engagementFor.interaction, () => ({ title: unique('Perm renamed ') })),
  'DELETE /api/v1/interactions/{id}': idOf(engagementFor.interaction),
  'POST /api/v1/follow-ups': () => ({ body: { title: unique('Perm follow-up '), due_on: day(3) } }),
  'GET /api/v1/follow-ups/{id}': idOf(engagementFor.followUp),
  'PATCH /api/v1/follow-ups/{id}': idAndBody(engagementFor.followUp, () => ({ title: unique('Perm renamed ') })),
  'DELETE /api/v1/follow-ups/{id}': idOf(engagementFor.followUp),
  'POST /api/v1/cadences': async () => ({ body: { stakeholder_id: await about(), label: unique('Perm cadence '), interval: 'weekly' } }),
  'PATCH /api/v1/cadences/{id}': idAndBody(engagementFor.cadence, () => ({ label: unique('Perm renamed ') })),
  'DELETE /api/v1/cadences/{id}': idOf(engagementFor.cadence),
  'POST /api/v1/expectations': async () => ({ body: { stakeholder_id: await about(), direction: 'we_promised', description: unique('Perm promise ') } }),
  'PATCH /api/v1/expectations/{id}': idAndBody(engagementFor.expectation, () => ({ status: 'met' })),
  'DELETE /api/v1/expectations/{id}': idOf(engagementFor.expectation),
  'PUT /api/v1/capacity/{user_id}': (row) => ({ params: { user_id: userId(row) }, body: { hours_per_week: 20 } }),
});

// ---- projects: the framework, project or review a row's relation names -------------------------
// Made on first use, like the stakeholders, so that the other rows still run when these routes
// are missing. Every project row gets a fresh project (most rows change it).
const PROJECT_FIT = { problem_defined: 3, near_term: 3, customers_can_picture: 3, customer_willing: 3, capacity_available: 3 };
async function projectsFixture() {
  if (!fx.pj) {
    const made = async (name) => {
      const res = await fx.b.admin.post('/api/v1/frameworks', { name: unique(name), template: 'default' });
      expectStatus(res, 201, 'POST /api/v1/frameworks');
      return res.json;
    };
    const fw = await made('Perm framework ');
    const got = await fx.b.admin.get(`/api/v1/frameworks/${fw.id}`);
    expectStatus(got, 200, 'GET /api/v1/frameworks/{id}');
    const v1 = got.json.current;
    // Version 2 (the same phases), so that projects start on 2 and can migrate to 1.
    const body = {
      phases: v1.phases.map((ph) => ({
        key: ph.key, name: ph.name, guidelines: ph.guidelines, recommended_formats: ph.recommended_formats, expected_level: ph.expected_level,
        exit_criteria: ph.exit_criteria.map((c) => ({ key: c.key, text: c.text, evidence_required: c.evidence_required })),
        max_days: ph.max_days + 1, kpi_keys: ph.kpi_keys, gatekeepers: ph.gatekeepers,
      })),
      kpis: v1.kpis.map((k) => ({ key: k.key, name: k.name, unit: k.unit, direction: k.direction, kind: k.kind, counts_from_phase: k.counts_from_phase, target: k.target })),
    };
    expectStatus(await fx.b.admin.post(`/api/v1/frameworks/${fw.id}/versions`, body), 201, 'POST /api/v1/frameworks/{id}/versions');
    fx.pj = {
      fw, versionBody: body, scratch: await made('Perm scratch framework '),
      criterion: v1.phases[0].exit_criteria[0].key, kpi: v1.kpis[0].key,
    };
  }
  return fx.pj;
}
async function frameworkFor(row) {
  if (row.relation === 'nonexistent') return { id: NONEXISTENT };
  return (await projectsFixture()).fw;
}
async function projectFor(row) {
  const rel = row.relation;
  if (rel === 'nonexistent') return { id: NONEXISTENT };
  const { fw } = await projectsFixture();
  const me = fx.user[row.role];
  const extra = {};
  let maker = fx.b.other;
  if (rel === 'lead') maker = fx.b[row.role];
  else if (rel === 'team') extra.team = [{ user_id: me.id, role: 'Permission row' }];
  else if (rel === 'sponsor') extra.sponsor_id = me.id;
  else if (!['other_user', 'shared_with_my_space', 'not_shared'].includes(rel)) throw new Error(`no project for ${rel}`);
  const res = await maker.post('/api/v1/projects', {
    title: unique(`Perm ${rel} `), problem_statement: 'Permission row.', hypothesis: 'Permission row.', framework_id: fw.id, fit: PROJECT_FIT,
    kill_criteria: [{ key: 'perm_kill', text: 'Stop when the row is done.' }], ...extra,
  });
  expectStatus(res, 201, `POST /api/v1/projects (${rel})`);
  if (rel === 'shared_with_my_space') {
    expectStatus(await fx.b.admin.put(`/api/v1/projects/${res.json.id}/share`, { space_id: fx.space.A.id, summary: 'Shared for a permission row.' }), 200, 'PUT /api/v1/projects/{id}/share');
  }
  return res.json;
}
async function reviewFor(row) {
  const rel = row.relation;
  if (rel === 'nonexistent') return { id: NONEXISTENT };
  const projectRel = { decision_maker: 'other_user', not_named: 'other_user', lead_not_named: 'lead', shared_with_my_space: 'shared_with_my_space' }[rel];
  if (!projectRel) throw new Error(`no gate review for ${rel}`);
  const project = await projectFor({ ...row, relation: projectRel });
  const requester = projectRel === 'lead' ? fx.b[row.role] : fx.b.other;
  const res = await requester.post(`/api/v1/projects/${project.id}/gate-reviews`, { decision_maker_ids: rel === 'decision_maker' ? [fx.user[row.role].id] : [] });
  expectStatus(res, 201, `POST /api/v1/projects/${project.id}/gate-reviews`);
  return res.json;
}
const projectAnd = (extra) => async (row) => {
  const p = await projectFor(row);
  const more = await extra(row, p);
  return { ...more, params: { id: p.id, ...(more.params || {}) } };
};
Object.assign(prepare, {
  'POST /api/v1/frameworks': () => ({ body: { name: unique('Perm new framework '), template: 'default' } }),
  'GET /api/v1/frameworks/{id}': idOf(frameworkFor),
  'POST /api/v1/frameworks/{id}/versions': async (row) => {
    const pj = await projectsFixture();
    return { params: { id: row.relation === 'nonexistent' ? NONEXISTENT : pj.scratch.id }, body: pj.versionBody };
  },
  'GET /api/v1/frameworks/{id}/versions/{version}': async (row) => ({ params: { id: (await frameworkFor(row)).id, version: 1 } }),
  'POST /api/v1/projects': async () => ({
    body: { title: unique('Perm created '), problem_statement: 'Permission row.', hypothesis: 'Permission row.', framework_id: (await projectsFixture()).fw.id, fit: PROJECT_FIT },
  }),
  'GET /api/v1/projects/{id}': idOf(projectFor),
  'PATCH /api/v1/projects/{id}': projectAnd((row, p) => ({ body: { title: unique('Perm renamed '), version: p.version || 1 } })),
  'PUT /api/v1/projects/{id}/criteria/{key}': projectAnd(async () => ({ params: { key: (await projectsFixture()).criterion }, body: { met: true, evidence_url: 'https://evidence.example/perm' } })),
  'PUT /api/v1/projects/{id}/kill-criteria/{key}': projectAnd(() => ({ params: { key: 'perm_kill' }, body: { met: true } })),
  'GET /api/v1/projects/{id}/kpi-values': idOf(projectFor),
  'POST /api/v1/projects/{id}/kpi-values': projectAnd(async () => ({ body: { kpi_key: (await projectsFixture()).kpi, value: 1 } })),
  'GET /api/v1/projects/{id}/gate-reviews': idOf(projectFor),
  'POST /api/v1/projects/{id}/gate-reviews': projectAnd(() => ({ body: {} })),
  'POST /api/v1/gate-reviews/{id}/decision': idAndBody(reviewFor, () => ({ decision: 'hold', rationale: 'Permission row.' })),
  'POST /api/v1/projects/{id}/migrate': projectAnd(() => ({ body: { version: 1 } })),
  'PUT /api/v1/projects/{id}/share': projectAnd(() => ({ body: { space_id: fx.space.A.id, summary: 'Shared by a permission row.' } })),
  'DELETE /api/v1/projects/{id}/share': idOf(projectFor),
  'GET /api/v1/portfolio': async () => ({ query: `?framework_id=${(await projectsFixture()).fw.id}` }),
  'GET /api/v1/portfolio/funnel': async () => ({ query: `?framework_id=${(await projectsFixture()).fw.id}` }),
});

// ---- ideas: the challenge, idea, comment or attachment a row's relation names -----------------
// Made on first use, like the projects, so that the other rows still run when these routes are
// missing. Space E and its external member exist for these rows only (see the yaml's header).
// A 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201e221bc330000000049454e44ae426082', 'hex');
async function ideasFixture() {
  if (!fx.id) {
    const im = fx.b.innovation_manager;
    const E = await api.createSpace(im, { name: unique('Space E ') });
    await api.addMember(im, E.id, fx.user.member.id, 'member');
    const inv = await api.inviteExternal(im, E.id, email('ext-e'), { space_role: 'member' });
    const extMember = await api.accept(inv.token, { name: 'external-member-of-E' });
    const res = await fx.b.admin.post('/api/v1/challenges', {
      space_id: E.id, title: unique('Perm staff challenge '), problem: 'Permission rows.', phases: phaseDates('submission'), audience: 'internal',
    });
    expectStatus(res, 201, 'POST /api/v1/challenges (audience internal, in E)');
    fx.id = { E, extMember, staff: res.json };
  }
  return fx.id;
}
// External rows about objects of E are made by E's external member.
const E_RELATIONS = ['own', 'space_e', 'internal_audience', 'hidden'];
async function ideasBrowser(row) {
  if (row.role !== 'external' || !E_RELATIONS.includes(row.relation)) return undefined;
  return (await ideasFixture()).extMember.clone('external-member-of-E-row');
}
async function challengeFor(row) {
  const rel = row.relation;
  if (rel === 'nonexistent') return { id: NONEXISTENT };
  const space = { space_a: 'A', space_b: 'B', space_c: 'C', internal_audience: 'A', leaderboard_off: 'A', leaderboard_off_c: 'C' }[rel];
  if (!space) throw new Error(`no challenge for ${rel}`);
  const res = await fx.b.admin.post('/api/v1/challenges', {
    space_id: fx.space[space].id, title: unique(`Perm ${rel} `), problem: 'Permission row.', phases: phaseDates('submission'),
    audience: rel === 'internal_audience' ? 'internal' : 'both', leaderboard: !rel.startsWith('leaderboard_off'),
  });
  expectStatus(res, 201, `POST /api/v1/challenges (${rel})`);
  return res.json;
}
async function postIdea(maker, where, what) {
  const res = await maker.post('/api/v1/ideas', { ...where, title: unique('Perm idea '), description: 'Permission row.' });
  expectStatus(res, 201, `POST /api/v1/ideas (${what})`);
  return res.json;
}
async function ideaFor(row) {
  const rel = row.relation;
  if (rel === 'nonexistent') return { id: NONEXISTENT, space_id: fx.space.A.id };
  const { E, extMember, staff } = await ideasFixture();
  const external = row.role === 'external';
  const me = external ? extMember : fx.b[row.role];
  const where = {
    other_user: { space_id: fx.space.A.id }, co_author: { space_id: fx.space.A.id }, own: { space_id: (external ? E : fx.space.A).id },
    space_b: { space_id: fx.space.B.id }, space_c: { space_id: fx.space.C.id }, space_e: { space_id: E.id },
    internal_audience: { challenge_id: staff.id }, hidden: { space_id: (external ? E : fx.space.A).id },
  }[rel];
  if (!where) throw new Error(`no idea for ${rel}`);
  const idea = await postIdea(rel === 'own' ? me : fx.b.other, where, rel);
  if (rel === 'co_author') expectStatus(await fx.b.other.post(`/api/v1/ideas/${idea.id}/co-authors`, { user_id: me.user.id }), 200, 'add co-author');
  if (rel === 'hidden') expectStatus(await fx.b.admin.post(`/api/v1/ideas/${idea.id}/moderation`, { action: 'hide', note: 'Permission row.' }), 200, 'hide');
  const got = await fx.b.admin.get(`/api/v1/ideas/${idea.id}`);
  expectStatus(got, 200, 'GET /api/v1/ideas/{id} as admin');
  return got.json;
}
// Another idea of "other" in the same space (build-on targets, merge targets).
async function siblingOf(idea) {
  return postIdea(fx.b.other, { space_id: idea.space_id }, 'sibling');
}
async function commentFor(row) {
  const rel = row.relation;
  if (rel === 'nonexistent') return { id: NONEXISTENT };
  const external = row.role === 'external';
  const ideaRel = { own: external ? 'space_e' : 'other_user', hidden: external ? 'space_e' : 'other_user' }[rel] || rel;
  const idea = await ideaFor({ ...row, relation: ideaRel });
  const writer = rel === 'own' ? (external ? (await ideasFixture()).extMember : fx.b[row.role]) : fx.b.other;
  const res = await writer.post(`/api/v1/ideas/${idea.id}/comments`, { body: unique('Perm comment ') });
  expectStatus(res, 201, `POST /api/v1/ideas/${idea.id}/comments (${rel})`);
  if (rel === 'hidden') expectStatus(await fx.b.admin.post(`/api/v1/comments/${res.json.id}/moderation`, { action: 'hide', note: 'Permission row.' }), 200, 'hide comment');
  return res.json;
}
async function attachmentFor(row) {
  if (row.relation === 'nonexistent') return { id: NONEXISTENT };
  const idea = await ideaFor(row);
  const res = await fx.b.admin.request('POST', `/api/v1/ideas/${idea.id}/attachments?filename=perm.png`, { body: PNG, contentType: 'image/png' });
  expectStatus(res, 201, `POST /api/v1/ideas/${idea.id}/attachments`);
  return res.json;
}
const withIdeasBrowser = (make) => async (row) => ({ ...(await make(row)), browser: await ideasBrowser(row) });
const ideaRow = (extra = () => ({})) => withIdeasBrowser(async (row) => {
  const idea = await ideaFor(row);
  const more = await extra(row, idea);
  return { ...more, params: { id: idea.id, ...(more.params || {}) } };
});
const challengeRow = (extra = () => ({})) => async (row) => {
  const c = await challengeFor(row);
  return { ...(await extra(row, c)), params: { id: c.id } };
};
const commentRow = (body) => withIdeasBrowser(async (row) => ({ params: { id: (await commentFor(row)).id }, body }));
const attachmentRow = withIdeasBrowser(async (row) => ({ params: { id: (await attachmentFor(row)).id } }));
const ideaSpaceFor = async (row) => {
  const { E, staff } = await ideasFixture();
  return { space_a: { space_id: fx.space.A.id }, space_b: { space_id: fx.space.B.id }, space_e: { space_id: E.id }, internal_audience: { challenge_id: staff.id } }[row.relation];
};
Object.assign(prepare, {
  'POST /api/v1/challenges': (row) => ({ body: { space_id: spaceId(row), title: unique('Perm new challenge '), problem: 'Permission row.', phases: phaseDates('submission') } }),
  'GET /api/v1/challenges/{id}': challengeRow(),
  'PATCH /api/v1/challenges/{id}': challengeRow((row, c) => ({ body: { title: unique('Perm renamed '), version: c.version || 1 } })),
  'GET /api/v1/challenges/{id}/protocol': challengeRow(),
  'POST /api/v1/challenges/{id}/protocol': challengeRow(() => ({ body: { text: 'Amended by a permission row.', note: 'Permission row.' } })),
  'GET /api/v1/challenges/{id}/leaderboard': challengeRow(),
  'GET /api/v1/ideas': (row) => ({ query: row.relation === 'sort_interest' ? '?sort=-interest' : '' }),
  'POST /api/v1/ideas': withIdeasBrowser(async (row) => ({ body: { ...(await ideaSpaceFor(row)), title: unique('Perm new idea '), description: 'Permission row.' } })),
  'GET /api/v1/ideas/similar': (row) => ({ query: `?space_id=${fx.space[row.relation === 'space_b' ? 'B' : 'A'].id}&text=Perm` }),
  'GET /api/v1/ideas/{id}': ideaRow(),
  'PATCH /api/v1/ideas/{id}': ideaRow((row, idea) => ({ body: { title: unique('Perm renamed idea '), version: idea.version || 1 } })),
  'POST /api/v1/ideas/{id}/status': ideaRow(() => ({ body: { status: 'under_review' } })),
  'PUT /api/v1/ideas/{id}/vote': ideaRow(),
  'DELETE /api/v1/ideas/{id}/vote': ideaRow(),
  'POST /api/v1/ideas/{id}/builds-on/{other}': ideaRow(async (row, idea) => ({ params: { other: (await siblingOf(idea)).id } })),
  'DELETE /api/v1/ideas/{id}/builds-on/{other}': ideaRow(async (row, idea) => ({ params: { other: (await siblingOf(idea)).id } })),
  'POST /api/v1/ideas/{id}/co-authors': ideaRow((row, idea) => {
    const authors = (idea.authors || []).map((a) => a.id);
    return { body: { user_id: authors.includes(fx.user.other.id) ? fx.user.admin.id : fx.user.other.id } };
  }),
  'GET /api/v1/ideas/{id}/interest': ideaRow(),
  'POST /api/v1/ideas/{id}/interest': ideaRow(async () => ({ body: { stakeholder_id: (await sharedStakeholders()).not_shared.id, level: 'curious' } })),
  'GET /api/v1/ideas/{id}/reviews': ideaRow(),
  'POST /api/v1/ideas/{id}/reviews': ideaRow(() => ({ body: { scores: { overall: 3 }, note: 'Permission row.' } })),
  'GET /api/v1/ideas/{id}/comments': ideaRow(),
  'POST /api/v1/ideas/{id}/comments': ideaRow(() => ({ body: { body: unique('Perm comment ') } })),
  'POST /api/v1/comments/{id}/helpful': commentRow(),
  'DELETE /api/v1/comments/{id}/helpful': commentRow(),
  'POST /api/v1/ideas/{id}/attachments': ideaRow(() => ({ raw: PNG, contentType: 'image/png', query: '?filename=perm.png' })),
  'GET /api/v1/attachments/{id}': attachmentRow,
  'DELETE /api/v1/attachments/{id}': attachmentRow,
  'POST /api/v1/ideas/{id}/merge': ideaRow(async (row, idea) => ({ body: { into: (await siblingOf(idea)).id } })),
  'POST /api/v1/ideas/{id}/promote': ideaRow(async () => ({ body: { framework_id: (await projectsFixture()).fw.id, fit: PROJECT_FIT, hypothesis: 'Permission row.' } })),
  'POST /api/v1/reports': withIdeasBrowser(async (row) => ({ body: { object_type: 'idea', object_id: (await ideaFor(row)).id, reason: 'Permission row.' } })),
  'POST /api/v1/ideas/{id}/moderation': ideaRow(() => ({ body: { action: 'edit', note: 'Permission row.', title: unique('Perm moderated ') } })),
  'POST /api/v1/comments/{id}/moderation': commentRow({ action: 'hide', note: 'Permission row.' }),
});

function userId(row) {
  if (row.relation === 'nonexistent') return NONEXISTENT;
  if (row.relation === 'own') return fx.user[row.role].id;
  return fx.user.other.id;
}

const codeFor = { 401: 'unauthenticated', 403: 'permission_denied', 404: 'not_found', 409: 'already_exists' };

test('permissions.yaml: every row against the server', { timeout: 300000 }, async (t) => {
  const failures = [];
  for (const row of rows) {
    const name = `${row.role} ${row.method} ${row.path} [${row.relation}] → ${row.expect}`;
    await t.test(name, async () => {
      const key = `${row.method} ${row.path}`;
      const prep = prepare[key] ? await prepare[key](row) : {};
      let p = row.path;
      for (const [k, v] of Object.entries(prep.params || {})) p = p.replace(`{${k}}`, String(v));
      assert.ok(!/[{}]/.test(p), `unresolved path ${p}`);
      if (prep.query) p += prep.query;
      const fixture = fx.b[row.role];
      const browser = prep.browser || (prep.useFixture ? fixture : fixture.clone(`${row.role}-row`));
      const opts = {};
      if (prep.body !== undefined) opts.json = prep.body;
      if (prep.raw !== undefined) { opts.body = prep.raw; opts.contentType = prep.contentType; }
      const res = await browser.request(row.method, p, opts);
      if (prep.after) prep.after(res);
      let problem = null;
      if (row.expect === 'allowed') {
        if (!res.ok) problem = `expected 2xx, got ${res.describe()}`;
      } else if (res.status !== row.expect) {
        problem = `expected ${row.expect}, got ${res.describe()}`;
      } else if ((row.code || codeFor[row.expect]) && !(res.isProblem && res.code === (row.code || codeFor[row.expect]))) {
        problem = `status ${res.status} as expected, but not problem+json with code ${row.code || codeFor[row.expect]}: ${res.describe()}`;
      }
      if (problem) {
        failures.push(`${row.role} ${row.method} ${p} (${row.path} [${row.relation}]): ${problem}`);
        assert.fail(problem);
      }
    });
  }
  if (failures.length) console.log(`permissions: ${failures.length} of ${rows.length} rows differ:\n  ${failures.join('\n  ')}`);
  else console.log(`permissions: ${rows.length} rows, all as expected`);
});
