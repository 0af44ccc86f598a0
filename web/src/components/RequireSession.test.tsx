import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderRoutes } from '../test/render';
import { RequireRole, RequireSession } from './RequireSession';

const me = (role: string) => ({
  user: {
    id: 5,
    email: 'ext@customer.example',
    display_name: 'Erin External',
    role,
    capabilities: [],
    organisation_id: null,
    disabled: false,
    created_at: '2026-11-23T12:00:00.000Z',
    last_sign_in_at: null,
  },
  spaces: [],
});

const routes = [
  {
    path: '/',
    element: <RequireSession />,
    children: [
      { index: true, element: <p>home</p> },
      { path: 'admin', element: <RequireRole allow="administer">admin area</RequireRole> },
    ],
  },
  { path: '/sign-in', element: <p>sign-in page</p> },
  { path: '/setup', element: <p>setup page</p> },
];

describe('RequireSession', () => {
  it('sends a signed-out reader to sign-in, remembering where they were going', async () => {
    mockFetch((req) => (new URL(req.url).pathname === '/api/v1/setup' ? json(200, { needed: false }) : problem(401, 'unauthenticated')));
    const { router } = renderRoutes(routes, '/admin');
    expect(await screen.findByText('sign-in page')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Fadmin');
  });

  it('sends everyone to setup on first run', async () => {
    mockFetch((req) => (new URL(req.url).pathname === '/api/v1/setup' ? json(200, { needed: true }) : problem(401, 'unauthenticated')));
    renderRoutes(routes, '/');
    expect(await screen.findByText('setup page')).toBeInTheDocument();
  });

  it('shows external participants no admin link, and not-found for admin pages', async () => {
    mockFetch(() => json(200, me('external')));
    renderRoutes(routes, '/admin');
    expect(await screen.findByText('This page does not exist')).toBeInTheDocument();
    expect(screen.queryByText('admin area')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'My spaces' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Search' })).not.toBeInTheDocument();
  });

  it('shows administrators the admin link and area', async () => {
    mockFetch(() => json(200, me('admin')));
    renderRoutes(routes, '/admin');
    expect(await screen.findByText('admin area')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Administration' })).toBeInTheDocument();
  });
});
