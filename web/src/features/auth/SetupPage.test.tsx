import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderRoutes } from '../../test/render';
import SetupPage from './SetupPage';

describe('SetupPage', () => {
  it('shows server field errors next to the field they name', async () => {
    mockFetch((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/setup' && req.method === 'GET') return json(200, { needed: true });
      if (path === '/api/v1/setup')
        return problem(422, 'invalid_argument', {
          detail: 'Several fields are invalid.',
          errors: [
            { field: 'email', detail: 'Not a valid email address.' },
            { field: 'password', detail: 'Must have at least 12 characters.' },
          ],
        });
      return problem(404, 'not_found');
    });
    renderRoutes([{ path: '/setup', element: <SetupPage /> }], '/setup');
    await userEvent.type(await screen.findByLabelText(/Your name/), 'Ada Admin');
    await userEvent.type(screen.getByLabelText(/E-mail/), 'ada');
    await userEvent.type(screen.getByLabelText(/^Password/), 'short');
    await userEvent.type(screen.getByLabelText(/Repeat the password/), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create administrator' }));

    const email = screen.getByLabelText(/E-mail/);
    expect(await screen.findByText('Not a valid email address.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Must have at least 12 characters.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Your name/)).toHaveValue('Ada Admin');
  });

  it('checks that the two passwords match before asking the server', async () => {
    const calls = mockFetch(() => json(200, { needed: true }));
    renderRoutes([{ path: '/setup', element: <SetupPage /> }], '/setup');
    await userEvent.type(await screen.findByLabelText(/Your name/), 'Ada');
    await userEvent.type(screen.getByLabelText(/E-mail/), 'ada@example.com');
    await userEvent.type(screen.getByLabelText(/^Password/), 'a long password 1');
    await userEvent.type(screen.getByLabelText(/Repeat the password/), 'a long password 2');
    await userEvent.click(screen.getByRole('button', { name: 'Create administrator' }));
    expect(await screen.findByText('The two passwords are not the same')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
