import { describe, expect, it } from 'vitest';
import { emptyValues, localErrors, toCreateBody, toUpdateBody, valuesFromStakeholder } from './form';
import type { Stakeholder } from './types';

const acme: Stakeholder = {
  id: 7,
  type: 'organisation',
  name: 'Acme',
  kind: 'customer',
  internal: false,
  gatekeeper_area: null,
  industry: 'Chemicals',
  region: null,
  size: 'large',
  email: null,
  domain: 'acme.example',
  tags: ['pilot'],
  links: [],
  value_chain: ['rnd'],
  value_drivers: [{ driver: 'cost', weight: 70, note: null }],
  resources: [],
  notes: '',
  notes_html: '',
  owner: { id: 3, display_name: 'Olivia Owner' },
  team: [],
  affiliations: [{ person_id: 9, person_name: 'Pat Person', organisation_id: 7, organisation_name: 'Acme', title: 'CTO', role: null }],
  relations: [
    { id: 1, from_id: 7, from_name: 'Acme', to_id: 8, to_name: 'Beta', kind: 'supplies' },
    { id: 2, from_id: 5, from_name: 'Gamma', to_id: 7, to_name: 'Acme', kind: 'regulates' },
  ],
  level: 'engaged',
  level_changed_at: '2026-11-01T00:00:00.000Z',
  emotion: null,
  last_contact_at: null,
  space_ids: [2],
  created_at: '2026-10-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
  version: 4,
};

describe('the stakeholder form', () => {
  it('creates with type, level and owner, and normalises tags', () => {
    const values = { ...emptyValues(3, 'person'), name: '  Pat  ', email: 'pat@x.example', domain: 'ignored.example', tags: ['Pilot', 'pilot', ' VIP '] };
    const body = toCreateBody(values);
    expect(body).toMatchObject({ type: 'person', name: 'Pat', level: 'unaware', owner_id: 3, email: 'pat@x.example', domain: null, tags: ['pilot', 'vip'] });
  });

  it('sends the gatekeeper area only for internal gatekeepers', () => {
    const values = { ...emptyValues(null), name: 'Legal', gatekeeper_area: 'legal' as const };
    expect(toCreateBody(values).gatekeeper_area).toBeNull();
    expect(toCreateBody({ ...values, kind: 'internal_gatekeeper' }).gatekeeper_area).toBe('legal');
  });

  it('edits with the version read, keeping only outgoing relations, and leaves an unchanged owner out', () => {
    const values = valuesFromStakeholder(acme);
    expect(values.relations).toEqual([{ to_id: 8, to_name: 'Beta', kind: 'supplies' }]);
    expect(values.affiliations).toEqual([{ id: 9, name: 'Pat Person', title: 'CTO', role: '' }]);
    const body = toUpdateBody(values, acme);
    expect(body.version).toBe(4);
    expect('owner_id' in body).toBe(false);
    expect('type' in body).toBe(false);
    expect('level' in body).toBe(false);
    expect(body.affiliations).toEqual([{ person_id: 9, title: 'CTO', role: null }]);
    expect(toUpdateBody({ ...values, owner_id: '' }, acme).owner_id).toBeNull();
  });

  it('checks the cheap things before asking the server', () => {
    expect(localErrors(emptyValues(null))).toEqual({ name: 'required' });
    const values = { ...emptyValues(null), name: 'x', links: [{ label: 'Site', url: 'ftp://x' }] };
    expect(localErrors(values)).toEqual({ links: 'url' });
  });
});
