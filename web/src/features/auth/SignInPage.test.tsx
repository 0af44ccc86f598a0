import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderRoutes } from '../../test/render';
import SignInPage from './SignInPage';

const user = {
  id: 1,
  email: 'ada@example.com',
  display_name: 'Ada',
  role: 'admin',
  capabilities: [],
  organisation_id: null,
  disabled: false,
  created_at: '2026-11-23T12:00:00.000Z',
  last_sign_in_at: null,
};

function server(opts: { password: string }) {
  let signedIn = false;
  return mockFetch(async (req) => {
    const path = new URL(req.url).pathname;
    if (path === '/api/v1/setup') return json(200, { needed: false });
    if (path === '/api/v1/me') return signedIn ? json(200, { user, spaces: [] }) : problem(401, 'unauthenticated');
    if (path === '/api/v1/auth/sign-in') {
      const body = (await req.json()) as { password: string };
      if (body.password !== opts.password) return problem(401, 'invalid_credentials', { detail: 'Wrong.' });
      signedIn = true;
      return json(200, { user });
    }
    return problem(404, 'not_found');
  });
}

const routes = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/spaces/:id', element: <p>space page</p> },
];

describe('SignInPage', () => {
  it('says "E-mail or password is wrong" and keeps what was typed', async () => {
    server({ password: 'right password 123' });
    renderRoutes(routes, '/sign-in');
    await userEvent.type(await screen.findByLabelText(/E-mail/), 'ada@example.com');
    await userEvent.type(screen.getByLabelText(/^Password/), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('E-mail or password is wrong');
    expect(screen.getByLabelText(/E-mail/)).toHaveValue('ada@example.com');
  });

  it('goes to the page it was sent from after signing in', async () => {
    const calls = server({ password: 'right password 123' });
    const { router } = renderRoutes(routes, '/sign-in?next=%2Fspaces%2F7');
    await userEvent.type(await screen.findByLabelText(/E-mail/), 'ada@example.com');
    await userEvent.type(screen.getByLabelText(/^Password/), 'right password 123{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/spaces/7'));
    const signIn = calls.find((c) => c.url.endsWith('/api/v1/auth/sign-in'));
    expect(signIn?.headers.get('X-Cocreate-Csrf')).toBe('1');
  });
});
