// Smoke tests: every page renders from realistic answers, with its heading, and axe finds no
// violations (colour contrast is left to the browser tests: jsdom has no layout).
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderRoutes } from '../../test/render';
import { useMe } from '../auth/session';
import { engagementRoutes } from './routes';

const me = {
  user: {
    id: 3,
    email: 'mia@example.com',
    display_name: 'Mia Member',
    role: 'innovation_manager',
    capabilities: [],
    organisation_id: null,
    disabled: false,
    created_at: '2026-11-01T12:00:00.000Z',
    last_sign_in_at: null,
  },
  spaces: [],
};
const mia = { id: 3, display_name: 'Mia Member' };
const acme = { id: 7, name: 'Acme' };
const followUp = {
  id: 11,
  title: 'Send proposal',
  detail: '',
  owner: mia,
  due_on: '2020-01-02',
  status: 'open',
  overdue: true,
  effort_minutes: 30,
  stakeholder: acme,
  interaction_id: 5,
  created_by: mia,
  created_at: '2020-01-01T00:00:00.000Z',
  completed_at: null,
};
const cadence = {
  id: 2,
  stakeholder: acme,
  owner: mia,
  label: 'Account check-in',
  interval: 'custom',
  every_days: 10,
  format: 'call',
  starts_on: '2020-01-01',
  next_due_on: '2020-02-01',
  overdue: true,
  paused: false,
  created_at: '2020-01-01T00:00:00.000Z',
};
const interaction = {
  id: 5,
  title: 'Pilot kick-off',
  type: 'meeting',
  mode: 'in_person',
  status: 'held',
  occurred_at: '2026-11-20T09:30:00.000Z',
  duration_minutes: 90,
  format: 'one_to_one',
  summary: 'We **agreed**',
  summary_html: '<p>We <strong>agreed</strong></p>',
  outcome: 'Pilot in Q1',
  participants: [mia],
  stakeholders: [{ stakeholder_id: 7, name: 'Acme', kind: 'customer', interest: 'committed', interest_topic: 'Pilot', valence: 2, intensity: 3 }],
  created_by: mia,
  created_at: '2026-11-20T10:00:00.000Z',
  updated_at: '2026-11-20T10:00:00.000Z',
};
const quiet = { id: 8, type: 'person', name: 'Quinn Quiet', kind: 'customer', last_contact_at: '2026-01-01T00:00:00.000Z' };
const capacity = {
  window: { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' },
  people: [
    {
      user_id: 3,
      display_name: 'Mia Member',
      team: 'Sales',
      hours_per_week: 2,
      scheduled_hours: 1.5,
      follow_up_hours: 1,
      load_hours: 2.5,
      utilisation: 1.25,
      over_capacity: true,
    },
  ],
  teams: [{ team: 'Sales', hours_per_week: 2, load_hours: 2.5, utilisation: 1.25, over_capacity: true }],
};
const page = (items: unknown[]) => ({ items, next_cursor: null });

function serve() {
  mockFetch(async (req) => {
    const path = new URL(req.url).pathname;
    const answers: Record<string, unknown> = {
      '/api/v1/me': me,
      '/api/v1/capacity': capacity,
      '/api/v1/follow-ups': page([followUp]),
      '/api/v1/follow-ups/11': followUp,
      '/api/v1/cadences': page([cadence]),
      '/api/v1/interactions': page([interaction]),
      '/api/v1/interactions/5': interaction,
      '/api/v1/expectations': page([
        {
          id: 4,
          stakeholder: acme,
          direction: 'we_promised',
          description: 'A pilot site by March',
          due_on: '2027-03-01',
          status: 'open',
          owner: null,
          created_at: '2026-11-01T00:00:00.000Z',
          updated_at: '2026-11-01T00:00:00.000Z',
        },
      ]),
      '/api/v1/engagement/attention': {
        overdue_follow_ups: [followUp],
        missed_cadences: [cadence],
        indifferent: [],
        quiet: [quiet],
        count_limit: 1000,
        counts: { overdue_follow_ups: 1, missed_cadences: 1, indifferent: 0, quiet: 1 },
      },
      '/api/v1/stakeholders': page([{ ...acme, type: 'organisation', kind: 'customer' }]),
      '/api/v1/stakeholders/7': { ...acme, type: 'organisation', kind: 'customer' },
    };
    return path in answers ? json(200, answers[path]) : json(404, { status: 404, code: 'not_found' });
  });
}

function SignedIn({ children }: { children: ReactNode }) {
  return useMe().data ? <>{children}</> : null;
}

async function expectAccessible(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

const routes = [{ path: '/', element: <SignedIn>{null}</SignedIn> }, ...engagementRoutes.map((r) => ({ ...r, path: `/${r.path}`, element: <SignedIn>{r.element}</SignedIn> }))];

const cases: [string, string | RegExp, string][] = [
  ['/engagement', 'Needs attention', 'Quinn Quiet'],
  ['/engagement/interactions', 'Interactions', 'Pilot kick-off'],
  ['/engagement/interactions/5', 'Pilot kick-off', 'Very positive, intense'],
  ['/engagement/interactions/new?stakeholder_id=7', 'Log an interaction', 'Acme'],
  ['/engagement/follow-ups', 'My follow-ups', 'Send proposal'],
  ['/engagement/follow-ups/new?stakeholder_id=7&interaction_id=5', 'New follow-up', 'From an interaction'],
  ['/engagement/follow-ups/11/edit', 'Edit follow-up', 'Delete'],
  ['/engagement/cadences', 'Cadences', 'Every 10 days'],
  ['/engagement/capacity', 'Capacity', 'Over capacity this week'],
  ['/engagement/expectations', 'Expectations', 'A pilot site by March'],
];

describe('engagement pages', () => {
  it.each(cases)('%s renders and passes axe', async (path, heading, text) => {
    serve();
    const { container } = renderRoutes(routes, path);
    expect(await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 8000 })).toBeInTheDocument();
    expect((await screen.findAllByText(text, {}, { timeout: 8000 }))[0]).toBeInTheDocument();
    await expectAccessible(container);
  }, 30_000);
});
