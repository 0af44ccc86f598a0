import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireSession } from '../../components/RequireSession';
import { json, mockFetch, renderRoutes } from '../../test/render';
import { stakeholdersRoutes } from './routes';

const wait = { timeout: 8000 };
const me = {
  user: { id: 3, email: 'o@x.example', display_name: 'Olivia Owner', role: 'member', capabilities: [], organisation_id: null, disabled: false, created_at: '2026-01-01T00:00:00.000Z', last_sign_in_at: null },
  spaces: [],
};
const acme = {
  id: 7,
  type: 'organisation',
  name: 'Acme',
  kind: 'customer',
  internal: false,
  gatekeeper_area: null,
  industry: 'Chemicals',
  region: 'EMEA',
  size: 'large',
  email: null,
  domain: 'acme.example',
  tags: ['pilot'],
  links: [{ label: 'Website', url: 'https://acme.example' }],
  value_chain: ['rnd'],
  value_drivers: [{ driver: 'cost', weight: 70, note: 'Energy prices' }],
  resources: [{ kind: 'test_sites', note: null }],
  notes: '**Key** account',
  notes_html: '<p><strong>Key</strong> account</p>',
  owner: { id: 4, display_name: 'Sam Sales' },
  team: [{ user_id: 4, display_name: 'Sam Sales', role: 'Account lead' }],
  affiliations: [{ person_id: 9, person_name: 'Pat Person', organisation_id: 7, organisation_name: 'Acme', title: 'CTO', role: null }],
  relations: [{ id: 1, from_id: 7, from_name: 'Acme', to_id: 8, to_name: 'Beta', kind: 'supplies' }],
  level: 'engaged',
  level_changed_at: '2026-11-01T00:00:00.000Z',
  emotion: { valence: 2, intensity: 2, state: 'positive', observed_at: '2026-11-01T00:00:00.000Z' },
  last_contact_at: '2026-11-20T00:00:00.000Z',
  space_ids: [],
  created_at: '2026-10-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
  version: 3,
};
const timeline = [
  { kind: 'interaction', id: 41, at: '2026-11-20T09:00:00.000Z', title: 'Kick-off', type: 'meeting', mode: 'in_person', status: 'held', interest: 'committed', interest_topic: 'pilot' },
  { kind: 'level', id: 5, at: '2026-11-01T00:00:00.000Z', level: 'engaged', previous: 'interested', note: 'Signed the LOI', by: { id: 3, display_name: 'Olivia Owner' } },
];

describe('the stakeholder page', () => {
  it('shows the key facts, sections, timeline and engagement entry points', async () => {
    const calls = mockFetch((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/me') return json(200, me);
      if (url.pathname === '/api/v1/stakeholders/7') return json(200, acme);
      if (url.pathname === '/api/v1/stakeholders/7/timeline') return json(200, { items: timeline, next_cursor: null });
      if (url.pathname === '/api/v1/stakeholders/7/needs')
        return json(200, { items: [{ id: 1, stakeholder_id: 7, kind: 'pain', title: 'Slow approvals', detail: '', status: 'open', created_at: '', updated_at: '' }], next_cursor: null });
      if (url.pathname === '/api/v1/stakeholders/7/level' && req.method === 'POST') return json(200, { ...acme, level: 'co_creating' });
      return json(200, { items: [], next_cursor: null });
    });
    renderRoutes([{ path: '/', element: <RequireSession />, children: stakeholdersRoutes }], '/stakeholders/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Acme' }, wait)).toBeInTheDocument();
    const facts = screen.getByLabelText('Key facts');
    expect(facts).toHaveTextContent('Engaged');
    expect(facts).toHaveTextContent('4/6');
    expect(facts).toHaveTextContent('Very positive, strong');
    expect(facts).toHaveTextContent('Sam Sales');
    expect(screen.getByLabelText('Cost: weight 70 of 100')).toBeInTheDocument();
    expect(screen.getByText('Key').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: 'Pat Person' })).toHaveAttribute('href', '/stakeholders/9');
    expect(screen.getByRole('link', { name: 'Log interaction' })).toHaveAttribute('href', '/engagement/interactions/new?stakeholder_id=7');
    expect(screen.getByRole('link', { name: 'Add follow-up' })).toHaveAttribute('href', '/engagement/follow-ups/new?stakeholder_id=7');
    expect(await screen.findByText('Slow approvals', {}, wait)).toBeInTheDocument();
    const tl = screen.getByRole('region', { name: 'Timeline' });
    expect(await within(tl).findByRole('link', { name: 'Kick-off' }, wait)).toHaveAttribute('href', '/engagement/interactions/41');
    expect(tl).toHaveTextContent('Level changed from Interested to Engaged');
    // Members who do not own the stakeholder cannot delete it.
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Change level' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('5. Co-creating'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change level' }));
    await screen.findByText('Level changed to Co-creating', {}, wait);
    const post = calls.find((c) => c.method === 'POST');
    expect(await post?.json()).toEqual({ level: 'co_creating' });
  });
});
