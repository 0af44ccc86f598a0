import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { createAppTheme } from '../theme';

const theme = createAppTheme();

/** Renders `routes` at `path` with the app's providers (a fresh QueryClient, no retries). */
export function renderRoutes(routes: RouteObject[], path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <MantineProvider theme={theme}>
      <Notifications />
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, router, client };
}

export function renderWithProviders(ui: ReactElement) {
  return renderRoutes([{ path: '*', element: ui }], '/');
}

/** A fetch stand-in: `handler` answers each request; calls are recorded. */
export function mockFetch(handler: (req: Request) => Response | Promise<Response>) {
  const calls: Request[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    calls.push(req.clone());
    return handler(req);
  };
  globalThis.fetch = fn as typeof fetch;
  return calls;
}

export const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });

export const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  json(status, { type: `https://cocreate.dev/problems/${code}`, title: code, status, code, ...extra }, 'application/problem+json');
