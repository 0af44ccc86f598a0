// Smoke tests: every page renders from realistic answers (shaped as api/openapi.yaml says),
// with its heading, and axe finds no violations (colour contrast is left to
// the browser tests: jsdom has no layout). Plus the board's drop rule and the 409 answers.
import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, renderRoutes } from '../../test/render';
import { useMe } from '../auth/session';
import { projectsRoutes } from './routes';

const me = {
  user: {
    id: 3,
    email: 'mia@example.com',
    display_name: 'Mia Manager',
    role: 'innovation_manager',
    capabilities: [],
    organisation_id: null,
    disabled: false,
    created_at: '2026-11-01T12:00:00.000Z',
    last_sign_in_at: null,
  },
  spaces: [],
};
const mia = { id: 3, display_name: 'Mia Manager' };
const leo = { id: 4, display_name: 'Leo Lead' };

const phase = (key: string, name: string, extra: Record<string, unknown> = {}) => ({
  key,
  name,
  guidelines: `Talk to **customers** in ${name}`,
  guidelines_html: `<p>Talk to <strong>customers</strong> in ${name}</p>`,
  recommended_formats: ['visit', 'multi_stakeholder'],
  expected_level: 'interested',
  exit_criteria: [],
  max_days: 60,
  kpi_keys: [],
  gatekeepers: [],
  ...extra,
});
const version = {
  framework_id: 1,
  version: 2,
  published_at: '2026-10-01T00:00:00.000Z',
  published_by: mia,
  phases: [
    phase('explore', 'Explore', { kpi_keys: ['interviews'] }),
    phase('validate', 'Validate problem', {
      kpi_keys: ['interviews', 'customers_engaged'],
      exit_criteria: [
        { key: 'pain', text: 'Three customers confirm the pain', evidence_required: true },
        { key: 'size', text: 'Market size estimated', evidence_required: false },
      ],
      gatekeepers: ['legal'],
    }),
    phase('codesign', 'Co-design'),
    phase('pilot', 'Pilot'),
    phase('scale', 'Scale'),
  ],
  kpis: [
    { key: 'interviews', name: 'Interviews held', unit: 'interviews', direction: 'up', kind: 'learning', counts_from_phase: 'explore', target: 10 },
    { key: 'customers_engaged', name: 'Customers engaged', unit: '', direction: 'up', kind: 'engagement', counts_from_phase: 'validate', target: 5 },
  ],
};
const framework = {
  id: 1,
  name: 'Co-innovation',
  description: 'Our default way',
  current_version: 2,
  versions: [
    { version: 1, published_at: '2026-09-01T00:00:00.000Z' },
    { version: 2, published_at: '2026-10-01T00:00:00.000Z' },
  ],
  created_at: '2026-09-01T00:00:00.000Z',
};
const health = {
  score: 50,
  level: 'watch',
  ask_first: true,
  computed_at: '2026-11-20T00:00:00.000Z',
  signals: [
    { key: 'kill_criteria_met', severity: 'critical', value: null, text: 'Kill criterion met: no pilot site by March.' },
    { key: 'no_sponsor', severity: 'warning', value: null, text: 'No executive sponsor.' },
    { key: 'kpis_off_target', severity: 'info', value: 4, text: 'Interviews held: 4, target 10.' },
  ],
};
const project = {
  id: 5,
  title: 'Smart pallets',
  problem_statement: 'Pallets get lost',
  hypothesis: 'Tracking cuts losses by half',
  lead: leo,
  team: [{ user_id: 3, display_name: 'Mia Manager', role: 'Coach' }],
  sponsor: null,
  framework: { id: 1, name: 'Co-innovation', version: 2 },
  phase: { key: 'validate', name: 'Validate problem', entered_at: '2026-10-01T00:00:00.000Z', max_days: 60 },
  status: 'active',
  kill_criteria: [{ key: 'k1', text: 'No pilot site by March', met: true }],
  criteria: [
    { key: 'pain', text: 'Three customers confirm the pain', evidence_required: true, met: true, evidence_url: 'https://wiki.example.com/pain' },
    { key: 'size', text: 'Market size estimated', evidence_required: false, met: false, evidence_url: null },
  ],
  budget: { amount: 50000, currency: 'EUR' },
  effort_days: 40,
  stakeholders: [{ stakeholder_id: 7, name: 'Acme', kind: 'customer', role: 'customer', commitment: 'Test site' }],
  need_ids: [],
  interaction_ids: [],
  idea_ids: [],
  fit: {
    answers: { problem_defined: 4, near_term: 2, customers_can_picture: 3, customer_willing: 4, capacity_available: 3 },
    score: 61,
    recommendation: 'sharpen_first',
    flagged: false,
    reasons: ['The need is not near-term.'],
  },
  health,
  share: null,
  learnings: null,
  version: 3,
  created_at: '2026-09-15T00:00:00.000Z',
  updated_at: '2026-11-20T00:00:00.000Z',
};
const stopped = {
  ...project,
  id: 9,
  title: 'Drone delivery',
  status: 'stopped',
  learnings: { learned: 'Regulation moves slower than we thought', do_differently: 'Talk to the regulator first' },
};
const kpiValues = [
  { id: 1, kpi_key: 'customers_engaged', value: 1, recorded_on: '2026-09-20', note: 'early', phase_key: 'explore', counts: false },
  { id: 2, kpi_key: 'customers_engaged', value: 3, recorded_on: '2026-10-10', note: '', phase_key: 'validate', counts: true },
  { id: 3, kpi_key: 'interviews', value: 4, recorded_on: '2026-10-12', note: '', phase_key: 'validate', counts: true },
];
const openReview = {
  id: 21,
  project_id: 5,
  from_phase: 'validate',
  status: 'requested',
  requested_by: leo,
  requested_at: '2026-11-19T10:00:00.000Z',
  criteria: [{ key: 'pain', text: 'Three customers confirm the pain', met: true, evidence_url: 'https://wiki.example.com/pain' }],
  kpi_values: [{ kpi_key: 'interviews', value: 4 }],
  decision_makers: [mia],
  gatekeepers_required: ['legal'],
  gatekeepers_present: [],
  decision: null,
  rationale: null,
  pivot_to_phase: null,
  new_hypothesis: null,
  learnings: null,
  decided_by: null,
  decided_at: null,
};
const decidedReview = {
  ...openReview,
  id: 20,
  from_phase: 'explore',
  status: 'decided',
  decision: 'go',
  rationale: 'Enough interviews to move on',
  decided_by: mia,
  decided_at: '2026-10-01T00:00:00.000Z',
};
const card = (id: number, title: string, score: number, ask_first: boolean, days: number) => ({
  id,
  title,
  lead: leo,
  health: { score, level: score < 50 ? 'at_risk' : score < 80 ? 'watch' : 'healthy', ask_first, computed_at: '2026-11-20T00:00:00.000Z', signals: [] },
  days_in_phase: days,
  status: 'active',
});
const portfolio = {
  framework: { id: 1, name: 'Co-innovation', version: 2 },
  columns: [
    { key: 'explore', name: 'Explore', max_days: 60, cards: [card(11, 'Green packaging', 100, false, 5)] },
    { key: 'validate', name: 'Validate problem', max_days: 60, cards: [card(12, 'Fine project', 85, false, 10), card(5, 'Smart pallets', 50, true, 70)] },
    { key: 'codesign', name: 'Co-design', max_days: 60, cards: [] },
    { key: 'pilot', name: 'Pilot', max_days: 60, cards: [] },
    { key: 'scale', name: 'Scale', max_days: 90, cards: [] },
  ],
};
const funnelRow = (key: string, name: string, entered: number, advanced: number, killed: number, current: number) => ({
  key,
  name,
  entered,
  advanced,
  killed,
  held: 1,
  pivoted_back: 0,
  completed: 0,
  current,
});
const funnel = {
  framework: { id: 1, name: 'Co-innovation', version: 2 },
  since: null,
  phases: [funnelRow('explore', 'Explore', 40, 25, 10, 5), funnelRow('validate', 'Validate problem', 25, 12, 6, 7), funnelRow('codesign', 'Co-design', 12, 0, 2, 10)],
};
const page = (items: unknown[]) => ({ items, next_cursor: null });

function serve(overrides: Record<string, (req: Request) => Response> = {}) {
  return mockFetch(async (req) => {
    const url = new URL(req.url);
    const key = `${req.method} ${url.pathname}`;
    const override = overrides[key];
    if (override) return override(req);
    const answers: Record<string, unknown> = {
      'GET /api/v1/me': me,
      'GET /api/v1/frameworks': page([framework]),
      'GET /api/v1/frameworks/1': { ...framework, current: version },
      'GET /api/v1/frameworks/1/versions/2': version,
      'GET /api/v1/portfolio': portfolio,
      'GET /api/v1/portfolio/funnel': funnel,
      'GET /api/v1/projects': page(url.searchParams.get('status') === 'stopped' ? [stopped] : [project]),
      'GET /api/v1/projects/5': project,
      'GET /api/v1/projects/5/kpi-values': page(kpiValues),
      'GET /api/v1/projects/5/gate-reviews': page([openReview, decidedReview]),
      'GET /api/v1/capacity': { window: { from: '', to: '' }, people: [{ user_id: 3, display_name: 'Mia Manager' }, { user_id: 4, display_name: 'Leo Lead' }], teams: [] },
      'GET /api/v1/stakeholders': page([{ id: 7, name: 'Acme', type: 'organisation', kind: 'customer' }]),
      'GET /api/v1/spaces': page([{ id: 2, name: 'Customer council' }]),
    };
    return key in answers ? json(200, answers[key]) : problem(404, 'not_found');
  });
}

function SignedIn({ children }: { children: ReactNode }) {
  return useMe().data ? <>{children}</> : null;
}

async function expectAccessible(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

const routes = [
  { path: '/', element: <SignedIn>{null}</SignedIn> },
  ...projectsRoutes.map((r) => ({ ...r, path: `/${r.path}`, element: <SignedIn>{r.element}</SignedIn> })),
];

const cases: [string, string | RegExp, string][] = [
  ['/projects', 'Projects', 'Smart pallets'],
  ['/projects/new', 'Propose a project', 'Sharpen first · 50'],
  ['/projects/5', 'Smart pallets', 'Kill criterion met: no pilot site by March.'],
  ['/projects/funnel', 'Funnel', 'Validate problem'],
  ['/projects/stopped', 'Stopped with learnings', 'Regulation moves slower than we thought'],
  ['/projects/frameworks', 'Frameworks', 'Co-innovation'],
  ['/projects/frameworks/1', 'Co-innovation', 'Publish version 3'],
];

describe('projects pages', () => {
  it.each(cases)('%s renders and passes axe', async (path, heading, text) => {
    serve();
    const { container } = renderRoutes(routes, path);
    expect(await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 8000 })).toBeInTheDocument();
    expect((await screen.findAllByText(text, {}, { timeout: 8000 }))[0]).toBeInTheDocument();
    await expectAccessible(container);
  }, 30_000);

  it('sorts the board by health (ask first first) and shows health in words', async () => {
    serve();
    renderRoutes(routes, '/projects');
    const column = await screen.findByRole('region', { name: 'Validate problem' }, { timeout: 8000 });
    const titles = [...column.querySelectorAll('a')].map((a) => a.textContent);
    expect(titles).toEqual(['Smart pallets', 'Fine project']);
    expect(column).toHaveTextContent('Ask first');
    expect(column).toHaveTextContent('Watch · 50');
    expect(column).toHaveTextContent('70 days in phase, more than 60');
  });

  it('refuses a drop on any column but the next, and opens the review request on the next', async () => {
    serve();
    renderRoutes(routes, '/projects');
    const link = await screen.findByRole('link', { name: 'Green packaging' }, { timeout: 8000 });
    const cardEl = link.closest('li')!;
    const dataTransfer = { setData: () => undefined, getData: () => '', effectAllowed: 'move', dropEffect: 'move' };
    const drag = (target: HTMLElement, type: 'dragStart' | 'dragOver' | 'drop') => {
      const event = createEvent[type](target);
      Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
      fireEvent(target, event);
    };
    drag(cardEl, 'dragStart');
    const pilot = screen.getByRole('region', { name: 'Pilot' });
    drag(pilot, 'dragOver');
    drag(pilot, 'drop');
    expect(await screen.findByText(/Phases change only through a gate review/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    drag(cardEl, 'dragStart');
    const next = screen.getByRole('region', { name: 'Validate problem' });
    drag(next, 'dragOver');
    drag(next, 'drop');
    expect(await screen.findByRole('dialog', { name: /Request a gate review/ })).toBeInTheDocument();
  }, 30_000);

  it('offers the gate review request as a button on every card (keyboard path)', async () => {
    serve({ 'GET /api/v1/projects/11': () => json(200, { ...project, id: 11, title: 'Green packaging' }) });
    renderRoutes(routes, '/projects');
    const buttons = await screen.findAllByRole('button', { name: 'Request gate review' }, { timeout: 8000 });
    await userEvent.click(buttons[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'Request a gate review: Green packaging' });
    // The criteria are checked on the project page; the request shows what the review will record.
    expect(await within(dialog).findByText(/Three customers confirm the pain/)).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Met: Three customers confirm the pain');
    expect(dialog).toHaveTextContent('Open: Market size estimated');
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
  }, 30_000);

  it('asks the board for the first framework when none is chosen', async () => {
    const calls = serve();
    renderRoutes(routes, '/projects');
    await screen.findByRole('link', { name: 'Green packaging' }, { timeout: 8000 });
    const board = calls.find((c) => new URL(c.url).pathname === '/api/v1/portfolio');
    expect(new URL(board!.url).searchParams.get('framework_id')).toBe('1');
  }, 30_000);

  it('says clearly when the review was already decided (409)', async () => {
    serve({ 'POST /api/v1/gate-reviews/21/decision': () => problem(409, 'conflict', { detail: 'already decided' }) });
    renderRoutes(routes, '/projects/5');
    const decide = await screen.findAllByRole('button', { name: 'Decide gate review' }, { timeout: 8000 });
    await userEvent.click(decide[0]!);
    const dialog = await screen.findByRole('dialog', { name: /Decide the gate review/ });
    await userEvent.click(screen.getByRole('radio', { name: /^Stop/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    // Stopping needs a rationale and what we learned.
    expect(await screen.findAllByText('This field is required')).toHaveLength(2);
    await userEvent.type(screen.getByRole('textbox', { name: /Rationale/ }), 'No site');
    await userEvent.type(screen.getByRole('textbox', { name: /What we learned/ }), 'Sites matter');
    await userEvent.type(screen.getByRole('textbox', { name: /What we would do differently/ }), 'Ask earlier');
    await userEvent.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText('This review was already decided')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Your text is still here');
    expect(screen.getByRole('textbox', { name: /Rationale/ })).toHaveValue('No site');
  }, 30_000);

  it('links back to the ideas the project came from', async () => {
    serve({
      'GET /api/v1/projects/5': () => json(200, { ...project, idea_ids: [31, 32] }),
      'GET /api/v1/ideas/31': () => json(200, { id: 31, title: 'Text the gate when the truck leaves' }),
    });
    renderRoutes(routes, '/projects/5');
    const section = await screen.findByRole('region', { name: 'Ideas it came from' }, { timeout: 8000 });
    expect(await within(section).findByRole('link', { name: 'Text the gate when the truck leaves' })).toHaveAttribute('href', '/ideas/31');
    // An idea the reader cannot load still links, by its number.
    expect(within(section).getByRole('link', { name: 'Idea 32' })).toHaveAttribute('href', '/ideas/32');
  }, 30_000);

  it('shows the KPI values before they count as such in the table', async () => {
    serve();
    renderRoutes(routes, '/projects/5');
    const show = await screen.findAllByRole('button', { name: 'Show as table' }, { timeout: 8000 });
    await userEvent.click(show[1]!);
    const table = await screen.findByRole('table', { name: 'Values of Customers engaged' });
    expect(table).toHaveTextContent('Before Validate problem (does not count)');
    expect(table).toHaveTextContent('Counts');
  }, 30_000);

  it('puts framework problems at the field the server names', async () => {
    serve({
      'POST /api/v1/frameworks/1/versions': () =>
        problem(422, 'invalid_argument', { errors: [{ field: 'phases[2].max_days', detail: 'must be at least 1' }] }),
    });
    renderRoutes(routes, '/projects/frameworks/1');
    await userEvent.click(await screen.findByRole('button', { name: 'Publish version 3' }, { timeout: 8000 }));
    const phase3 = screen.getByRole('group', { name: 'Phase 3: Co-design' });
    await waitFor(() => expect(phase3).toHaveTextContent('Must be at least 1'));
    expect(screen.getByRole('textbox', { name: /At most \(days\)/, description: 'Must be at least 1' })).toBeInTheDocument();
    expect(screen.getByRole('alert', { name: 'Fix these before publishing (1)' })).toHaveTextContent('phases[2].max_days: Must be at least 1');
  }, 30_000);

  it('says clearly when another review is already open (409), keeping what was entered', async () => {
    const calls = serve({ 'POST /api/v1/projects/5/gate-reviews': () => problem(409, 'conflict', { detail: 'another review is open' }) });
    renderRoutes(routes, '/projects');
    const link = await screen.findByRole('link', { name: 'Smart pallets' }, { timeout: 8000 });
    await userEvent.click(within(link.closest('li')!).getByRole('button', { name: 'Request gate review' }));
    const dialog = await screen.findByRole('dialog', { name: /Request a gate review: Smart pallets/ });
    await userEvent.click(await within(dialog).findByRole('textbox', { name: 'Decision makers' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Me (Mia Manager)', hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Request review' }));
    expect(await within(dialog).findByText('Another gate review is already open')).toBeInTheDocument();
    expect(within(dialog).getByText('Me (Mia Manager)')).toBeInTheDocument();
    // The request names only who decides and which gatekeepers take part (GateReviewCreate).
    const sent = calls.find((c) => c.method === 'POST' && new URL(c.url).pathname === '/api/v1/projects/5/gate-reviews');
    expect(await sent!.json()).toEqual({ decision_maker_ids: [3], gatekeepers_present: [] });
  }, 30_000);

  it('proposes a project with the body the contract asks for (kill criteria with keys)', async () => {
    const calls = serve({ 'POST /api/v1/projects': () => json(201, { ...project, id: 77, title: 'Heat pumps' }) });
    renderRoutes(routes, '/projects/new');
    await userEvent.type(await screen.findByRole('textbox', { name: /^Title/ }, { timeout: 8000 }), 'Heat pumps');
    await userEvent.type(screen.getByRole('textbox', { name: /^Problem statement/ }), 'Heat is lost');
    await userEvent.type(screen.getByRole('textbox', { name: /^Hypothesis/ }), 'Pumps keep it');
    await userEvent.type(screen.getByRole('textbox', { name: 'Kill criterion 1' }), 'No site by March');
    await userEvent.click(screen.getByRole('button', { name: 'Propose project' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = await calls.find((c) => c.method === 'POST')!.json();
    expect(sent).toMatchObject({
      title: 'Heat pumps',
      framework_id: 1,
      kill_criteria: [{ key: 'k1', text: 'No site by March' }],
      fit: { problem_defined: 3, near_term: 3, customers_can_picture: 3, customer_willing: 3, capacity_available: 3 },
    });
  }, 30_000);

  it('takes only whole numbers for budget and effort, as the contract does', async () => {
    const calls = serve({ 'POST /api/v1/projects': () => json(201, { ...project, id: 77, title: 'Heat pumps' }) });
    renderRoutes(routes, '/projects/new');
    const budget = await screen.findByRole('textbox', { name: 'Budget', description: 'Whole currency units, no cents.' }, { timeout: 8000 });
    const effort = screen.getByRole('textbox', { name: 'Effort', description: 'Whole person-days.' });
    await userEvent.type(budget, '15.7');
    await userEvent.type(effort, '1.5');
    // The decimal separator is refused as typed.
    expect((budget as HTMLInputElement).value).not.toContain('.');
    expect((effort as HTMLInputElement).value).not.toContain('.');
    await userEvent.type(screen.getByRole('textbox', { name: /^Title/ }), 'H');
    await userEvent.type(screen.getByRole('textbox', { name: /^Problem statement/ }), 'P');
    await userEvent.type(screen.getByRole('textbox', { name: /^Hypothesis/ }), 'Q');
    await userEvent.click(screen.getByRole('button', { name: 'Propose project' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const sent = await calls.find((c) => c.method === 'POST')!.json();
    expect(sent).toMatchObject({ budget: { amount: 157, currency: 'EUR' }, effort_days: 15 });
  }, 30_000);

  it('links a stakeholder by sending the whole list with the version last read', async () => {
    const calls = serve({
      'GET /api/v1/stakeholders': () => json(200, page([{ id: 8, name: 'Borealis Grid', type: 'organisation', kind: 'customer' }])),
      'PATCH /api/v1/projects/5': () => json(200, { ...project, version: 4 }),
    });
    renderRoutes(routes, '/projects/5');
    const section = await screen.findByRole('region', { name: 'Stakeholders' }, { timeout: 8000 });
    expect(within(section).getByRole('link', { name: 'Log interaction with Acme' })).toHaveAttribute('href', '/engagement/interactions/new?stakeholder_id=7');
    await userEvent.click(within(section).getByRole('button', { name: 'Link stakeholder' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link a stakeholder to “Smart pallets”' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Stakeholder' }), 'Bor');
    fireEvent.click(await screen.findByRole('option', { name: 'Borealis Grid', hidden: true }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Link' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(await calls.find((c) => c.method === 'PATCH')!.json()).toEqual({
      version: 3,
      stakeholders: [
        { stakeholder_id: 7, role: 'customer', commitment: 'Test site' },
        { stakeholder_id: 8, role: 'customer', commitment: '' },
      ],
    });
  }, 30_000);

  it('scores the intake fit check live as it is answered', async () => {
    serve();
    renderRoutes(routes, '/projects/new');
    expect(await screen.findByText('Sharpen first · 50', {}, { timeout: 8000 })).toBeInTheDocument();
    const group = screen.getByRole('radiogroup', { name: 'Is a customer willing to take part?' });
    await userEvent.click(within(group).getByRole('radio', { name: '1 · Not at all' }));
    // Σw(a−1) = 22 − 3·2 = 16 → 36: a poor fit, allowed and flagged.
    expect(await screen.findByText('Poor fit · 36')).toBeInTheDocument();
    expect(screen.getByText('No customer has yet shown they are willing to take part.')).toBeInTheDocument();
    expect(screen.getByText(/it will be flagged/)).toBeInTheDocument();
  }, 30_000);
});
