// The projects panels of the home page, from answers shaped as api/openapi.yaml says: what they
// ask the server for, the order and words they show, where they link, their empty states, and
// that axe finds no violations (colour contrast is left to the browser tests: jsdom has no layout).
import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderRoutes } from '../../test/render';
import HomePage from '../home/HomePage';
import { useMe } from '../auth/session';
import { GateReviewsPanel, MyProjectsPanel } from './HomePanels';

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
const me = { user: user('innovation_manager'), spaces: [] };
const mia = { id: 3, display_name: 'Mia Manager' };
const leo = { id: 4, display_name: 'Leo Lead' };

const health = (score: number, ask_first: boolean, signals: { key: string; severity: string; value: number | null; text: string }[]) => ({
  score,
  level: score < 50 ? 'at_risk' : score < 80 ? 'watch' : 'healthy',
  ask_first,
  computed_at: '2026-11-20T00:00:00.000Z',
  signals,
});
const project = (id: number, title: string, extra: Record<string, unknown> = {}) => ({
  id,
  title,
  problem_statement: 'Pallets get lost',
  hypothesis: 'Tracking cuts losses by half',
  lead: mia,
  team: [],
  sponsor: null,
  framework: { id: 1, name: 'Co-innovation', version: 2 },
  phase: { key: 'validate', name: 'Validate problem', entered_at: '2026-10-01T00:00:00.000Z', max_days: 60 },
  status: 'active',
  kill_criteria: [],
  criteria: [],
  budget: null,
  effort_days: null,
  stakeholders: [],
  need_ids: [],
  interaction_ids: [],
  idea_ids: [],
  fit: { answers: { problem_defined: 3, near_term: 3, customers_can_picture: 3, customer_willing: 3, capacity_available: 3 }, score: 50, recommendation: 'sharpen_first', flagged: false, reasons: [] },
  health: health(100, false, []),
  share: null,
  learnings: null,
  version: 1,
  created_at: '2026-09-15T00:00:00.000Z',
  updated_at: '2026-11-20T00:00:00.000Z',
  ...extra,
});

// Sorted by title, as the server sorts: the ask-first one would come last without the panel's order.
const alpha = project(11, 'Alpha packaging', {
  phase: { key: 'explore', name: 'Explore', entered_at: '2026-10-01T00:00:00.000Z', max_days: 60 },
});
const onHold = project(12, 'Beta sensors', {
  status: 'on_hold',
  health: health(85, false, [{ key: 'kpis_off_target', severity: 'info', value: 4, text: 'Interviews held: 4, target 10.' }]),
});
const stopped = project(13, 'Drone delivery', { status: 'stopped' });
const zeta = project(5, 'Zeta pallets', {
  health: health(50, true, [
    { key: 'kill_criteria_met', severity: 'critical', value: null, text: 'Kill criterion met: no pilot site by March.' },
    { key: 'no_sponsor', severity: 'warning', value: null, text: 'No executive sponsor.' },
  ]),
});

const review = (id: number, project_id: number, from_phase: string, requested_at: string) => ({
  id,
  project_id,
  from_phase,
  status: 'requested',
  requested_by: leo,
  requested_at,
  criteria: [],
  kpi_values: [],
  decision_makers: [mia],
  gatekeepers_required: [],
  gatekeepers_present: [],
  decision: null,
  rationale: null,
  pivot_to_phase: null,
  new_hypothesis: null,
  learnings: null,
  decided_by: null,
  decided_at: null,
});

const page = (items: unknown[]) => ({ items, next_cursor: null });

function serve(answers: Record<string, (url: URL) => unknown>, signedIn: unknown = me) {
  return mockFetch(async (req) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/me') return json(200, signedIn);
    const answer = answers[`${req.method} ${url.pathname}`];
    return answer ? json(200, answer(url)) : problem(404, 'not_found');
  });
}

const ledProjects = (askFirst: unknown[], others: unknown[]) => ({
  'GET /api/v1/projects': (url: URL) => page(url.searchParams.get('ask_first') === 'true' ? askFirst : others),
});

function SignedIn({ children }: { children: ReactNode }) {
  return useMe().data ? <>{children}</> : null;
}

const at = (element: ReactNode, path = '/') => renderRoutes([{ path: '/', element: <SignedIn>{element}</SignedIn> }], path);

async function expectAccessible(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('My projects', () => {
  it('asks for the projects I lead, ask-first ones before the others, with phase, health and the first signal', async () => {
    const calls = serve(ledProjects([zeta, stopped], [alpha, onHold, stopped]));
    const { container } = at(<MyProjectsPanel />);
    const section = await screen.findByRole('region', { name: 'My projects' });
    const link = await within(section).findByRole('link', { name: 'Zeta pallets' }, { timeout: 8000 });

    const asked = calls.filter((c) => new URL(c.url).pathname === '/api/v1/projects').map((c) => new URL(c.url).searchParams);
    expect(asked.map((q) => q.get('lead_id'))).toEqual(['3', '3']);
    expect(asked.map((q) => q.get('ask_first')).sort()).toEqual(['false', 'true']);

    const rows = within(section).getAllByRole('listitem');
    expect(rows.map((r) => within(r).getAllByRole('link')[0]!.textContent)).toEqual(['Zeta pallets', 'Alpha packaging', 'Beta sensors']);
    // Stopped and completed projects ask nothing of their lead any more.
    expect(within(section).queryByText('Drone delivery')).not.toBeInTheDocument();

    expect(link).toHaveAttribute('href', '/projects/5');
    expect(rows[0]).toHaveTextContent('Ask first');
    expect(rows[0]).toHaveTextContent('Watch · 50');
    expect(rows[0]).toHaveTextContent('Validate problem');
    expect(rows[0]).toHaveTextContent('Kill criterion met: no pilot site by March.');
    expect(rows[0]).not.toHaveTextContent('No executive sponsor.');
    expect(rows[1]).toHaveTextContent('Healthy · 100');
    expect(rows[1]).toHaveTextContent('Explore');
    expect(rows[1]).toHaveTextContent('No signals: nothing suggests a problem right now.');
    expect(rows[1]).not.toHaveTextContent('Ask first');
    expect(rows[2]).toHaveTextContent('On hold');
    expect(rows[2]).toHaveTextContent('Interviews held: 4, target 10.');
    await expectAccessible(container);
  }, 30_000);

  it('says how to propose a project when I lead none', async () => {
    serve(ledProjects([], [stopped]));
    const { container } = at(<MyProjectsPanel />);
    expect(await screen.findByRole('heading', { name: 'You do not lead a project yet' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText(/To start one, propose it/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Propose project' })).toHaveAttribute('href', '/projects/new');
    await expectAccessible(container);
  }, 30_000);

  it('says what went wrong and offers a retry when the list fails', async () => {
    mockFetch(async (req) => (new URL(req.url).pathname === '/api/v1/me' ? json(200, me) : problem(500, 'internal')));
    at(<MyProjectsPanel />);
    expect(await screen.findByRole('alert', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  }, 30_000);
});

describe('Gate reviews waiting for me', () => {
  it('lists the requested reviews naming me, with project title and phase, linking to the project', async () => {
    const calls = serve({
      'GET /api/v1/gate-reviews': () => page([review(21, 5, 'validate', '2026-11-19T10:00:00.000Z'), review(22, 11, 'explore', '2026-11-18T10:00:00.000Z')]),
      'GET /api/v1/projects/5': () => zeta,
      'GET /api/v1/projects/11': () => alpha,
    });
    const { container } = at(<GateReviewsPanel />);
    const section = await screen.findByRole('region', { name: 'Gate reviews waiting for me' });
    expect(await within(section).findByRole('link', { name: 'Zeta pallets' }, { timeout: 8000 })).toHaveAttribute('href', '/projects/5');
    expect(await within(section).findByRole('link', { name: 'Alpha packaging' })).toHaveAttribute('href', '/projects/11');

    const asked = new URL(calls.find((c) => new URL(c.url).pathname === '/api/v1/gate-reviews')!.url).searchParams;
    expect(asked.get('status')).toBe('requested');
    expect(asked.get('decision_maker_id')).toBe('me');

    const rows = within(section).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Validate problem · requested by Leo Lead');
    expect(rows[1]).toHaveTextContent('Explore · requested by Leo Lead');
    // The decision dialog is on the project page.
    expect(within(rows[0]!).getByRole('link', { name: 'Decide the gate review of Zeta pallets' })).toHaveAttribute('href', '/projects/5');
    await expectAccessible(container);
  }, 30_000);

  it('still links to the project when the project cannot be loaded', async () => {
    serve({ 'GET /api/v1/gate-reviews': () => page([review(21, 5, 'validate', '2026-11-19T10:00:00.000Z')]) });
    at(<GateReviewsPanel />);
    expect(await screen.findByRole('link', { name: 'Project 5' }, { timeout: 8000 })).toHaveAttribute('href', '/projects/5');
    expect(screen.getByRole('listitem')).toHaveTextContent('validate · requested by Leo Lead');
  }, 30_000);

  it('says when nothing waits for my decision', async () => {
    serve({ 'GET /api/v1/gate-reviews': () => page([]) });
    const { container } = at(<GateReviewsPanel />);
    expect(await screen.findByRole('heading', { name: 'No gate review is waiting for you' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByText(/names you as a decision maker/)).toBeInTheDocument();
    await expectAccessible(container);
  }, 30_000);
});

describe('the home page', () => {
  it('shows both panels to internal users and no longer lists them as coming', async () => {
    serve({ ...ledProjects([zeta], []), 'GET /api/v1/gate-reviews': () => page([]) });
    at(<HomePage />);
    expect(await screen.findByRole('region', { name: 'My projects' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Gate reviews waiting for me' })).toBeInTheDocument();
    const coming = screen.getByRole('region', { name: 'What will appear here' });
    expect(coming).toHaveTextContent('workshops coming up');
    expect(coming).not.toHaveTextContent('projects');
    expect(coming).not.toHaveTextContent('gate reviews');
  }, 30_000);

  it('shows neither panel to external participants', async () => {
    const calls = serve({}, { user: user('external'), spaces: [] });
    at(<HomePage />);
    expect(await screen.findByRole('heading', { level: 1, name: 'My spaces' }, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'My projects' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Gate reviews waiting for me' })).not.toBeInTheDocument();
    expect(calls.some((c) => /\/api\/v1\/(projects|gate-reviews)/.test(new URL(c.url).pathname))).toBe(false);
  }, 30_000);
});
