import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderRoutes } from '../../test/render';
import { useMe } from '../auth/session';
import FollowUpsPage from './FollowUpsPage';
import InteractionFormPage from './InteractionFormPage';
import { QuickCapture } from './QuickCapture';

const me = {
  user: {
    id: 3,
    email: 'mia@example.com',
    display_name: 'Mia Member',
    role: 'member',
    capabilities: [],
    organisation_id: null,
    disabled: false,
    created_at: '2026-11-01T12:00:00.000Z',
    last_sign_in_at: null,
  },
  spaces: [],
};
const capacity = { window: { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' }, people: [], teams: [] };

/** Renders `children` once the session is known (what RequireSession does in the app). */
function SignedIn({ children }: { children: ReactNode }) {
  const session = useMe();
  return session.data ? <>{children}</> : null;
}

describe('log interaction form', () => {
  it('starts with the stakeholder from the URL, submits on Ctrl+Enter and shows server errors at the row field', async () => {
    const calls = mockFetch(async (req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/me') return json(200, me);
      if (path === '/api/v1/capacity') return json(200, capacity);
      if (path === '/api/v1/stakeholders/7') return json(200, { id: 7, type: 'organisation', name: 'Acme', kind: 'customer' });
      if (path === '/api/v1/interactions' && req.method === 'POST')
        return problem(422, 'invalid_argument', {
          detail: 'Invalid fields.',
          errors: [
            { field: 'stakeholders[0].valence', detail: 'must be between -2 and 2' },
            { field: 'title', detail: 'is already used today' },
          ],
        });
      return json(200, { items: [], next_cursor: null });
    });
    renderRoutes(
      [
        {
          path: '/engagement/interactions/new',
          element: (
            <SignedIn>
              <InteractionFormPage />
            </SignedIn>
          ),
        },
      ],
      '/engagement/interactions/new?stakeholder_id=7',
    );
    const user = userEvent.setup();
    const row = await screen.findByRole('group', { name: 'Acme' }, { timeout: 5000 });
    const title = screen.getByRole('textbox', { name: /Title/ });
    await user.click(title);
    await user.paste('Pilot kick-off');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    const body = (await post.json()) as { title: string; stakeholders: { stakeholder_id: number }[]; participant_ids: number[] };
    expect(body.title).toBe('Pilot kick-off');
    expect(body.stakeholders[0]!.stakeholder_id).toBe(7);
    expect(body.participant_ids).toEqual([3]);

    expect(await within(row).findByText('Must be between -2 and 2', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('Is already used today')).toBeInTheDocument();
    // Nothing typed is lost.
    expect(title).toHaveValue('Pilot kick-off');
  }, 20_000);
});

describe('follow-ups list', () => {
  it('shows my open follow-ups, marks overdue ones in words, and marks one done in one click', async () => {
    const calls = mockFetch(async (req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/me') return json(200, me);
      if (url.pathname === '/api/v1/capacity') return json(200, capacity);
      if (url.pathname === '/api/v1/follow-ups')
        return json(200, {
          items: [
            {
              id: 11,
              title: 'Send proposal',
              detail: '',
              owner: { id: 3, display_name: 'Mia Member' },
              due_on: '2020-01-02',
              status: 'open',
              overdue: true,
              effort_minutes: 30,
              stakeholder: { id: 7, name: 'Acme' },
              interaction_id: null,
              created_by: null,
              created_at: '2020-01-01T00:00:00.000Z',
              completed_at: null,
            },
          ],
          next_cursor: null,
        });
      if (url.pathname === '/api/v1/follow-ups/11') return json(200, {});
      return json(200, { items: [], next_cursor: null });
    });
    renderRoutes(
      [
        {
          path: '/engagement/follow-ups',
          element: (
            <SignedIn>
              <FollowUpsPage />
            </SignedIn>
          ),
        },
      ],
      '/engagement/follow-ups',
    );
    expect(await screen.findByText('Send proposal', {}, { timeout: 5000 })).toBeInTheDocument();
    const list = calls.find((c) => new URL(c.url).pathname === '/api/v1/follow-ups')!;
    const query = new URL(list.url).searchParams;
    expect(query.get('owner_id')).toBe('me');
    expect(query.get('status')).toBe('open');
    expect(screen.getByText(/^Overdue by/)).toBeInTheDocument();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Mark “Send proposal” done' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(new URL(patch.url).pathname).toBe('/api/v1/follow-ups/11');
    expect(await patch.json()).toEqual({ status: 'done' });
  }, 20_000);
});

describe('quick capture', () => {
  it('opens the log form from anywhere with Ctrl+Shift+L', async () => {
    mockFetch(async (req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/me') return json(200, me);
      if (path === '/api/v1/capacity') return json(200, capacity);
      return json(200, { items: [], next_cursor: null });
    });
    renderRoutes(
      [
        {
          path: '*',
          element: (
            <SignedIn>
              <QuickCapture />
              <p>some page</p>
            </SignedIn>
          ),
        },
      ],
      '/somewhere',
    );
    await screen.findByText('some page');
    await userEvent.setup().keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Log interaction' });
    expect(await within(dialog).findByRole('textbox', { name: /Title/ }, { timeout: 5000 })).toBeInTheDocument();
  }, 20_000);
});
