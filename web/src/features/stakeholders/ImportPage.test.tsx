import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireSession } from '../../components/RequireSession';
import { json, mockFetch, problem, renderRoutes } from '../../test/render';
import { stakeholdersRoutes } from './routes';

const wait = { timeout: 8000 };
const me = {
  user: { id: 1, email: 'a@x.example', display_name: 'Ada Admin', role: 'admin', capabilities: [], organisation_id: null, disabled: false, created_at: '2026-01-01T00:00:00.000Z', last_sign_in_at: null },
  spaces: [],
};
const preview = {
  columns: ['Company', 'Mail'],
  mapping: { name: 'Company', email: 'Mail' },
  total_rows: 2,
  valid_rows: 2,
  errors: [],
  duplicates: [{ line: 3, match: 'name', existing_id: 7, existing_name: 'Acme' }],
  sample: [
    { line: 2, values: ['Beta', ''] },
    { line: 3, values: ['Acme', ''] },
  ],
};

describe('the CSV import', () => {
  it('previews, lets the user choose duplicates handling, and lists every row error of a refused import', async () => {
    const calls = mockFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/me') return json(200, me);
      if (path === '/api/v1/stakeholders/import/preview') return json(200, preview);
      if (path === '/api/v1/stakeholders/import')
        return problem(422, 'invalid_argument', { errors: [{ field: 'rows[2].email', detail: 'must be an e-mail address' }] });
      return json(404, {});
    });
    renderRoutes([{ path: '/', element: <RequireSession />, children: stakeholdersRoutes }], '/stakeholders/import');
    const paste = await screen.findByLabelText('Or paste the CSV text', {}, wait);
    await userEvent.click(paste);
    await userEvent.paste('Company,Mail\nBeta,\nAcme,');
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('2 rows', {}, wait)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/stakeholders/7');
    // Skipping the duplicate leaves one row to import.
    expect(screen.getByRole('button', { name: 'Import 1 stakeholder' })).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Create them anyway (as new stakeholders)'));
    await userEvent.click(screen.getByRole('button', { name: 'Import 2 stakeholders' }));
    const refused = await screen.findByText('Nothing was imported', {}, wait);
    expect(refused).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /Problems to fix/ });
    expect(within(table).getByText('must be an e-mail address')).toBeInTheDocument();
    expect(within(table).getByText('email')).toBeInTheDocument();
    const commit = calls.find((c) => new URL(c.url).pathname === '/api/v1/stakeholders/import');
    expect(await commit?.json()).toEqual({ csv: 'Company,Mail\nBeta,\nAcme,', mapping: { name: 'Company', email: 'Mail' }, on_duplicate: 'create' });
  });

  it('is not there for members', async () => {
    mockFetch((req) => (new URL(req.url).pathname === '/api/v1/me' ? json(200, { ...me, user: { ...me.user, role: 'member' } }) : json(404, {})));
    renderRoutes([{ path: '/', element: <RequireSession />, children: stakeholdersRoutes }], '/stakeholders/import');
    expect(await screen.findByText('This page does not exist', {}, wait)).toBeInTheDocument();
  });
});
