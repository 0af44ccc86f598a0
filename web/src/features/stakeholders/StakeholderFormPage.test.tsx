import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RequireSession } from '../../components/RequireSession';
import { json, mockFetch, problem, renderRoutes } from '../../test/render';
import { stakeholdersRoutes } from './routes';

const wait = { timeout: 8000 };
const me = {
  user: { id: 3, email: 'o@x.example', display_name: 'Olivia Owner', role: 'member', capabilities: [], organisation_id: null, disabled: false, created_at: '2026-01-01T00:00:00.000Z', last_sign_in_at: null },
  spaces: [],
};

describe('the stakeholder form', () => {
  it('submits with Ctrl+Enter and shows the server error at the field it names, keeping what was typed', async () => {
    const calls = mockFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/me') return json(200, me);
      if (path === '/api/v1/stakeholders' && req.method === 'POST')
        return problem(400, 'invalid_argument', { errors: [{ field: 'email', detail: 'must be an e-mail address' }] });
      return json(200, { items: [], next_cursor: null });
    });
    renderRoutes([{ path: '/', element: <RequireSession />, children: stakeholdersRoutes }], '/stakeholders/new');
    await userEvent.click(await screen.findByRole('radio', { name: 'Person' }, wait));
    await userEvent.click(screen.getByRole('textbox', { name: /^Name/ }));
    await userEvent.paste('Pat Person');
    const email = screen.getByRole('textbox', { name: 'E-mail' });
    await userEvent.click(email);
    await userEvent.paste('pat-at-example');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Must be an e-mail address', {}, wait)).toBeInTheDocument();
    expect(email).toHaveValue('pat-at-example');
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Pat Person');
    const post = calls.find((c) => c.method === 'POST');
    expect(await post?.json()).toMatchObject({ type: 'person', name: 'Pat Person', email: 'pat-at-example', owner_id: 3, level: 'unaware' });
  });
});
