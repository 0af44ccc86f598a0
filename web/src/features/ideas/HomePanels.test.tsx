// The ideas panels of the home page: which challenges count as open and in what order, the
// moderators' report queue (and that nobody else asks for it), empty states, and axe.
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderRoutes } from '../../test/render';
import { useMe } from '../auth/session';
import { OpenChallengesPanel, ReportsPanel } from './HomePanels';

const user = (role: string) => ({
  id: 3,
  email: 'mia@example.com',
  display_name: 'Mia Manager',
  role,
  capabilities: [],
  organisation_id: null,
  disabled: false,
  created_at: '2026-11-01T12:00:00.000Z',
  last_sign_in_at: null,
});
const manager = { user: user('innovation_manager'), spaces: [] };
const external = { user: user('external'), spaces: [] };

const challenge = (id: number, title: string, phase: string, next: string, idea_count = 2) => ({
  id,
  space_id: 1,
  title,
  problem: 'p',
  problem_html: '<p>p</p>',
  goals: [],
  audience: 'both',
  sponsor: null,
  phases: { submission_opens: '2026-11-01', discussion_opens: next, voting_opens: next, review_opens: next, closes: '2027-03-01' },
  phase,
  votes_per_person: 3,
  my_votes_used: 0,
  leaderboard: true,
  criteria: [],
  protocol: { version: 1, text: '', text_html: '', changed_at: '2026-11-01T00:00:00.000Z', changed_by: null, note: '' },
  idea_count,
  version: 1,
  created_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
});
const report = (id: number, object_type: string, excerpt: string) => ({
  id,
  object_type,
  object_id: 40 + id,
  idea_id: 40,
  space_id: 1,
  excerpt,
  reason: 'Off-topic and rude',
  status: 'open',
  reported_by: { id: 9, display_name: 'Rita Reporter' },
  created_at: '2026-11-20T10:00:00.000Z',
  resolution: null,
  resolved_by: null,
  resolved_at: null,
});
const page = (items: unknown[]) => ({ items, next_cursor: null });

function serve(answers: Record<string, () => unknown>, signedIn: unknown = manager) {
  return mockFetch(async (req) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/me') return json(200, signedIn);
    const answer = answers[`${req.method} ${url.pathname}`];
    return answer ? json(200, answer()) : problem(404, 'not_found');
  });
}

function SignedIn({ children }: { children: ReactNode }) {
  return useMe().data ? <>{children}</> : null;
}
const at = (element: ReactNode) => renderRoutes([{ path: '/', element: <SignedIn>{element}</SignedIn> }], '/');

async function expectAccessible(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('Challenges open to you', () => {
  it('lists challenges taking ideas, comments or votes, the soonest to move on first', async () => {
    serve({
      'GET /api/v1/challenges': () =>
        page([
          challenge(1, 'Later one', 'submission', '2026-12-20'),
          challenge(2, 'Closed one', 'closed', '2026-10-01'),
          challenge(3, 'Sooner one', 'discussion', '2026-12-01', 1),
          challenge(4, 'Not yet', 'upcoming', '2026-12-05'),
        ]),
    }, external);
    const { container } = at(<OpenChallengesPanel />);
    const section = await screen.findByRole('region', { name: 'Challenges open to you' });
    await within(section).findByRole('link', { name: 'Sooner one' }, { timeout: 8000 });
    const rows = within(section).getAllByRole('listitem');
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['Sooner one', 'Later one']);
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', '/ideas/challenges/3');
    expect(rows[0]).toHaveTextContent('1 idea');
    expect(rows[1]).toHaveTextContent('2 ideas');
    await expectAccessible(container);
  }, 30_000);

  it('says what will appear when nothing is open', async () => {
    serve({ 'GET /api/v1/challenges': () => page([challenge(2, 'Closed one', 'closed', '2026-10-01')]) });
    at(<OpenChallengesPanel />);
    expect(await screen.findByRole('heading', { name: 'No challenge is open right now' }, { timeout: 8000 })).toBeInTheDocument();
  }, 30_000);
});

describe('Reports to moderate', () => {
  it('shows the open reports, oldest first as the server sends them, linking to the idea', async () => {
    const calls = serve({ 'GET /api/v1/reports': () => page([report(1, 'comment', 'You people never listen'), report(2, 'idea', 'Spam idea')]) });
    const { container } = at(<ReportsPanel />);
    const section = await screen.findByRole('region', { name: 'Reports to moderate' });
    const link = await within(section).findByRole('link', { name: 'You people never listen' }, { timeout: 8000 });
    expect(link).toHaveAttribute('href', '/ideas/40');
    expect(within(section).getAllByRole('listitem')[0]).toHaveTextContent('Comment reported by Rita Reporter');
    const asked = new URL(calls.find((c) => new URL(c.url).pathname === '/api/v1/reports')!.url).searchParams;
    expect(asked.get('status')).toBe('open');
    await expectAccessible(container);
  }, 30_000);

  it('is not shown, and the queue is not asked for, for someone who moderates nothing', async () => {
    const calls = serve({ 'GET /api/v1/reports': () => page([]) }, external);
    at(<ReportsPanel />);
    // Once the session is known, the panel has decided; give a request time to leave.
    await waitFor(() => expect(calls.some((c) => new URL(c.url).pathname === '/api/v1/me')).toBe(true), { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByRole('region', { name: 'Reports to moderate' })).not.toBeInTheDocument();
    expect(calls.some((c) => new URL(c.url).pathname === '/api/v1/reports')).toBe(false);
  }, 30_000);
});
