'use strict';
// Shape checks for the contract's objects (docs/api-foundation.md "Shapes").

const assert = require('node:assert/strict');

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

function assertTime(v, what) {
  assert.ok(typeof v === 'string' && RFC3339_UTC.test(v) && !Number.isNaN(Date.parse(v)), `${what} is not an RFC 3339 UTC time: ${JSON.stringify(v)}`);
}
function assertTimeOrNull(v, what) {
  if (v !== null) assertTime(v, what);
}
function hasKeys(obj, keys, what) {
  assert.ok(obj && typeof obj === 'object', `${what} is not an object: ${JSON.stringify(obj)}`);
  for (const k of keys) assert.ok(k in obj, `${what} lacks "${k}": ${JSON.stringify(obj)}`);
}
function onlyKeys(obj, keys, what) {
  const extra = Object.keys(obj).filter((k) => !keys.includes(k));
  assert.deepEqual(extra, [], `${what} has fields beyond ${keys.join(', ')}: ${JSON.stringify(obj)}`);
}

function assertUser(u, what = 'user') {
  hasKeys(u, ['id', 'email', 'display_name', 'role', 'capabilities', 'organisation_id', 'disabled', 'created_at', 'last_sign_in_at'], what);
  assert.ok(Number.isInteger(u.id), `${what}.id`);
  assert.ok(['admin', 'innovation_manager', 'member', 'external'].includes(u.role), `${what}.role ${u.role}`);
  assert.ok(Array.isArray(u.capabilities), `${what}.capabilities`);
  assert.equal(typeof u.disabled, 'boolean', `${what}.disabled`);
  assertTime(u.created_at, `${what}.created_at`);
  assertTimeOrNull(u.last_sign_in_at, `${what}.last_sign_in_at`);
  for (const secret of ['password', 'password_hash', 'hash']) assert.ok(!(secret in u), `${what} exposes ${secret}`);
}
function assertOrganisation(o, what = 'organisation') {
  hasKeys(o, ['id', 'name', 'kind', 'domain', 'created_at'], what);
  assertTime(o.created_at, `${what}.created_at`);
}
function assertSpace(s, what = 'space') {
  hasKeys(s, ['id', 'name', 'description', 'kind', 'external_allowed', 'experimental', 'archived', 'created_at', 'my_role', 'member_count'], what);
  assert.ok(['community', 'project_room', 'challenge_area'].includes(s.kind), `${what}.kind`);
  assert.ok(s.my_role === null || ['owner', 'moderator', 'member', 'guest'].includes(s.my_role), `${what}.my_role ${s.my_role}`);
  assert.ok(Number.isInteger(s.member_count) && s.member_count >= 0, `${what}.member_count`);
  assertTime(s.created_at, `${what}.created_at`);
}
function assertMember(m, { internal }, what = 'member') {
  hasKeys(m, ['user', 'space_role', 'added_at'], what);
  // The prose contract says externals see other users only as {id, display_name}; the
  // OpenAPI file adds role. Either is accepted; email never.
  hasKeys(m.user, internal ? ['id', 'display_name', 'role', 'email'] : ['id', 'display_name'], `${what}.user`);
  if (!internal) onlyKeys(m.user, ['id', 'display_name', 'role'], `${what}.user seen by an external participant`);
  assertTime(m.added_at, `${what}.added_at`);
}
function assertInvitation(i, what = 'invitation') {
  hasKeys(i, ['id', 'space_id', 'space_name', 'email', 'display_name', 'space_role', 'organisation_id', 'invited_by', 'created_at', 'expires_at', 'status'], what);
  onlyKeys(i.invited_by, ['id', 'display_name'], `${what}.invited_by`);
  assert.ok(['pending', 'accepted', 'revoked', 'expired'].includes(i.status), `${what}.status ${i.status}`);
  assertTime(i.created_at, `${what}.created_at`);
  assertTime(i.expires_at, `${what}.expires_at`);
}
function assertToken(t, what = 'token') {
  hasKeys(t, ['id', 'name', 'scopes', 'created_at', 'expires_at', 'last_used_at', 'prefix'], what);
  assertTime(t.created_at, `${what}.created_at`);
  assertTimeOrNull(t.expires_at, `${what}.expires_at`);
  assertTimeOrNull(t.last_used_at, `${what}.last_used_at`);
}
function assertEvent(e, what = 'event') {
  hasKeys(e, ['id', 'at', 'actor', 'verb', 'object_type', 'object_id', 'space_id', 'visibility', 'payload'], what);
  assertTime(e.at, `${what}.at`);
  if (e.actor !== null) onlyKeys(e.actor, ['id', 'display_name'], `${what}.actor`);
  assert.ok(['internal', 'space'].includes(e.visibility), `${what}.visibility ${e.visibility}`);
  assert.equal(typeof e.payload, 'object', `${what}.payload`);
}
function assertPage(body, what = 'page') {
  hasKeys(body, ['items', 'next_cursor'], what);
  assert.ok(Array.isArray(body.items), `${what}.items`);
  assert.ok(body.next_cursor === null || (typeof body.next_cursor === 'string' && body.next_cursor.length > 0), `${what}.next_cursor ${JSON.stringify(body.next_cursor)}`);
}

module.exports = { assertTime, assertTimeOrNull, assertUser, assertOrganisation, assertSpace, assertMember, assertInvitation, assertToken, assertEvent, assertPage, hasKeys, onlyKeys };
