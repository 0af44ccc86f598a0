import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireSession } from '../../components/RequireSession';
import { json, mockFetch, renderRoutes } from '../../test/render';
import { stakeholdersRoutes } from './routes';

const me = (role: string) => ({
  user: {
    id: 3,
    email: 'olivia@cocreate.example',
    display_name: 'Olivia Owner',
    role,
    capabilities: [],
    organisation_id: null,
    disabled: false,
    created_at: '2026-11-23T12:00:00.000Z',
    last_sign_in_at: null,
  },
  spaces: [],
});

const acme = {
  id: 7,
  type: 'organisation',
  name: 'Acme',
  kind: 'customer',
  internal: false,
  gatekeeper_area: null,
  industry: null,
  region: null,
  size: null,
  email: null,
  domain: 'acme.example',
  tags: ['pilot'],
  value_chain: [],
  owner: { id: 3, display_name: 'Olivia Owner' },
  level: 'interested',
  level_changed_at: '2026-11-01T00:00:00.000Z',
  emotion: { valence: 0, intensity: 0, state: 'indifferent', observed_at: '2026-11-01T00:00:00.000Z' },
  last_contact_at: null,
  created_at: '2026-10-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
  version: 1,
};

// The first render loads the lazy page chunk, which takes a moment under vitest.
const wait = { timeout: 8000 };

const routes = [{ path: '/', element: <RequireSession />, children: stakeholdersRoutes }];

function serve(role: string, items: unknown[]) {
  return mockFetch((req) => {
    const path = new URL(req.url).pathname;
    if (path === '/api/v1/me') return json(200, me(role));
    if (path === '/api/v1/stakeholders') return json(200, { items, next_cursor: null });
    if (path === '/api/v1/users') return json(200, { items: [], next_cursor: null });
    return json(404, { status: 404, code: 'not_found' });
  });
}

describe('the stakeholder list', () => {
  it('shows each stakeholder with its level step and emotion in words, and sends the URL filters', async () => {
    const calls = serve('member', [acme]);
    renderRoutes(routes, '/stakeholders?kind=customer&owner=me&sort=-level');
    const table = await screen.findByRole('table', { name: 'Stakeholders' }, wait);
    const row = within(table).getByRole('link', { name: 'Acme' }).closest('tr')!;
    expect(row).toHaveTextContent('3/6');
    expect(row).toHaveTextContent('Interested');
    expect(row).toHaveTextContent('Indifferent');
    expect(row).toHaveTextContent('Never');
    const list = calls.find((c) => new URL(c.url).pathname === '/api/v1/stakeholders')!;
    const query = new URL(list.url).searchParams;
    expect(query.get('kind')).toBe('customer');
    expect(query.get('owner_id')).toBe('me');
    expect(query.get('sort')).toBe('-level');
    // Members may not import.
    expect(screen.queryByRole('link', { name: 'Import CSV' })).not.toBeInTheDocument();
  });

  it('explains what stakeholders are when there are none, and offers the first actions', async () => {
    serve('innovation_manager', []);
    renderRoutes(routes, '/stakeholders');
    const empty = await screen.findByTestId('empty-state', {}, wait);
    expect(within(empty).getByText('No stakeholders yet')).toBeInTheDocument();
    expect(within(empty).getByRole('link', { name: 'Add stakeholder' })).toHaveAttribute('href', '/stakeholders/new');
    expect(within(empty).getByRole('link', { name: 'Import CSV' })).toHaveAttribute('href', '/stakeholders/import');
  });

  it('offers exports that honour the filters', async () => {
    serve('member', [acme]);
    renderRoutes(routes, '/stakeholders?tag=pilot');
    await screen.findByRole('table', { name: 'Stakeholders' }, wait);
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    const csv = await screen.findByRole('menuitem', { name: 'CSV (spreadsheet)' }, wait);
    expect(csv).toHaveAttribute('href', '/api/v1/stakeholders/export?format=csv&tag=pilot');
  });

  it('shows external participants not-found', async () => {
    serve('external', []);
    renderRoutes(routes, '/stakeholders');
    expect(await screen.findByText('This page does not exist', {}, wait)).toBeInTheDocument();
  });
});
