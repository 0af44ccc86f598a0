import { describe, expect, it } from 'vitest';
import { dayRange, kpiLineOption, kpiSeries } from './charts';
import { draftBody, draftFrom, validateDraft } from './frameworkDraft';
import { countsIn, dropOutcome, fitRecommendation, fitScore, healthParts, kpiPointStyle, meetsTarget, phaseProgress, sortCards } from './labels';
import type { FitAnswers, FrameworkVersion, KpiValue, PortfolioCard } from './types';

const answers = (a: Partial<FitAnswers> = {}): FitAnswers => ({
  problem_defined: 3,
  near_term: 3,
  customers_can_picture: 3,
  customer_willing: 3,
  capacity_available: 3,
  ...a,
});

describe('fitScore (same formula and rounding as the server)', () => {
  it('scales all 1s to 0, all 3s to 50 and all 5s to 100', () => {
    const all = (n: number) => answers({ problem_defined: n, near_term: n, customers_can_picture: n, customer_willing: n, capacity_available: n });
    expect(fitScore(all(1))).toMatchObject({ score: 0, recommendation: 'poor_fit', flagged: true });
    expect(fitScore(all(3))).toMatchObject({ score: 50, recommendation: 'sharpen_first', flagged: false });
    expect(fitScore(all(5))).toMatchObject({ score: 100, recommendation: 'good_fit', flagged: false });
  });

  it('weights a defined problem and a willing customer 3, capacity 1', () => {
    // Σw(a−1) = 3·4 → 12·100/44 = 27.3 → 27
    expect(fitScore(answers({ problem_defined: 5, near_term: 1, customers_can_picture: 1, customer_willing: 1, capacity_available: 1 })).score).toBe(27);
    // Σw(a−1) = 1·4 → 9.1 → 9
    expect(fitScore(answers({ problem_defined: 1, near_term: 1, customers_can_picture: 1, customer_willing: 1, capacity_available: 5 })).score).toBe(9);
  });

  it('puts the 70 boundary between Σ = 30 (68, sharpen first) and Σ = 31 (70, good fit)', () => {
    const good = fitScore({ problem_defined: 4, near_term: 4, customers_can_picture: 4, customer_willing: 4, capacity_available: 2 });
    expect(good).toMatchObject({ score: 70, recommendation: 'good_fit', weak: ['capacity_available'] });
    const sharpen = fitScore({ problem_defined: 4, near_term: 3, customers_can_picture: 4, customer_willing: 4, capacity_available: 3 });
    expect(sharpen).toMatchObject({ score: 68, recommendation: 'sharpen_first', weak: [] });
  });

  it('puts the 45 boundary between Σ = 20 (45, sharpen first) and Σ = 19 (43, poor fit, flagged)', () => {
    expect(fitScore(answers({ near_term: 2 }))).toMatchObject({ score: 45, recommendation: 'sharpen_first', flagged: false, weak: ['near_term'] });
    expect(fitScore(answers({ near_term: 2, capacity_available: 2 }))).toMatchObject({
      score: 43,
      recommendation: 'poor_fit',
      flagged: true,
      weak: ['near_term', 'capacity_available'],
    });
  });

  it('maps scores to recommendations at the exact thresholds', () => {
    expect(fitRecommendation(100)).toBe('good_fit');
    expect(fitRecommendation(70)).toBe('good_fit');
    expect(fitRecommendation(69)).toBe('sharpen_first');
    expect(fitRecommendation(45)).toBe('sharpen_first');
    expect(fitRecommendation(44)).toBe('poor_fit');
    expect(fitRecommendation(0)).toBe('poor_fit');
  });

  it('clamps answers outside 1..5 like the server', () => {
    expect(fitScore(answers({ problem_defined: 9, near_term: 9, customers_can_picture: 9, customer_willing: 9, capacity_available: 9 })).score).toBe(100);
    expect(fitScore(answers({ problem_defined: 0 })).weak).toEqual(['problem_defined']);
  });
});

describe('dropOutcome (the board’s drop rule)', () => {
  it('opens a gate review request only for the next column', () => {
    expect(dropOutcome(0, 1)).toBe('request');
    expect(dropOutcome(3, 4)).toBe('request');
    expect(dropOutcome(1, 1, 'on_hold')).toBe('same');
    expect(dropOutcome(1, 2, 'on_hold')).toBe('request');
  });

  it('refuses skipping ahead and going back', () => {
    expect(dropOutcome(0, 2)).toBe('refused');
    expect(dropOutcome(0, 4)).toBe('refused');
    expect(dropOutcome(2, 1)).toBe('refused');
    expect(dropOutcome(4, 0)).toBe('refused');
  });

  it('does nothing on the same column, and refuses stopped or completed projects', () => {
    expect(dropOutcome(2, 2)).toBe('same');
    expect(dropOutcome(2, 3, 'stopped')).toBe('closed');
    expect(dropOutcome(4, 5, 'completed')).toBe('closed');
  });
});

describe('sortCards', () => {
  const card = (id: number, ask_first: boolean, score: number, days = 10): PortfolioCard => ({
    id,
    title: `P${id}`,
    lead: { id: 1, display_name: 'Lea' },
    health: { score, level: score < 50 ? 'at_risk' : score < 80 ? 'watch' : 'healthy', ask_first, computed_at: '2026-01-01T00:00:00Z', signals: [] },
    days_in_phase: days,
    status: 'active',
  });
  it('puts ask-first cards first, then the lowest score, then the longest in phase', () => {
    const sorted = sortCards([card(1, false, 100), card(2, false, 70), card(3, true, 65), card(4, true, 30), card(5, false, 70, 40)]);
    expect(sorted.map((c) => c.id)).toEqual([4, 3, 5, 2, 1]);
  });
});

describe('kpiPointStyle (values before the KPI counts)', () => {
  it('draws counting values solid in the primary colour', () => {
    expect(kpiPointStyle(true)).toMatchObject({ series: 'counts', tone: 'primary', lineType: 'solid', counted: true, label: 'Counts' });
  });

  it('greys and dashes values recorded before the KPI counts, and says why', () => {
    expect(kpiPointStyle(false)).toMatchObject({ series: 'before', tone: 'muted', lineType: 'dashed', counted: false, label: 'Before it counts' });
    expect(kpiPointStyle(false, 'Pilot').label).toBe('Before Pilot (does not count)');
  });

  it('splits values into the two series, oldest first, joining the grey line to the first counting value', () => {
    const v = (id: number, day: string, value: number, counts: boolean): KpiValue => ({
      id,
      kpi_key: 'k',
      value,
      recorded_on: day,
      note: '',
      phase_key: 'p',
      counts,
    });
    const { counts, before } = kpiSeries([v(3, '2026-03-01', 7, true), v(1, '2026-01-01', 2, false), v(2, '2026-02-01', 5, true)]);
    expect(before).toEqual([
      ['2026-01-01', 2],
      ['2026-02-01', 5],
    ]);
    expect(counts).toEqual([
      ['2026-02-01', 5],
      ['2026-03-01', 7],
    ]);
  });

  it('pads the time axis around one day to a week, in whole days', () => {
    const day = Date.parse('2026-03-10T00:00:00Z');
    expect(dayRange(['2026-03-10'])).toEqual({ min: day - 3 * 86_400_000, max: day + 3 * 86_400_000 });
    expect(dayRange([])).toEqual({});
  });

  it('keeps the target line in view and counts in whole steps', () => {
    const kpi = { key: 'k', name: 'Interviews', unit: '', direction: 'up' as const, kind: 'learning' as const, counts_from_phase: null, target: 10 };
    const colors = { text: '#000', grid: '#eee', primary: '#00f', muted: '#999', target: '#f80', series: [] };
    const option = kpiLineOption(kpi, [{ id: 1, kpi_key: 'k', value: 6, recorded_on: '2026-03-10', note: '', phase_key: 'p', counts: true }], { counts: 'Counts', before: 'Before', target: 'Target 10' }, colors);
    const yAxis = option.yAxis as { max: (v: { max: number }) => number; minInterval?: number };
    expect(yAxis.max({ max: 6 })).toBe(10);
    expect(yAxis.minInterval).toBe(1);
  });

  it('reads a target in the KPI’s direction', () => {
    expect(meetsTarget(10, 10, 'up')).toBe(true);
    expect(meetsTarget(9, 10, 'up')).toBe(false);
    expect(meetsTarget(3, 5, 'down')).toBe(true);
    expect(meetsTarget(3, null, 'down')).toBeNull();
  });
});

const version: FrameworkVersion = {
  framework_id: 1,
  version: 1,
  published_at: '2026-01-01T00:00:00Z',
  published_by: null,
  phases: ['explore', 'validate', 'pilot'].map((key) => ({
    key,
    name: key,
    guidelines: '',
    guidelines_html: '',
    recommended_formats: [],
    expected_level: 'aware',
    exit_criteria: [],
    max_days: 30,
    kpi_keys: [],
    gatekeepers: [],
  })),
  kpis: [{ key: 'revenue', name: 'Revenue', unit: 'EUR', direction: 'up', kind: 'financial', counts_from_phase: 'pilot', target: null }],
};

describe('countsIn and phaseProgress', () => {
  it('counts from the KPI’s phase on', () => {
    const kpi = version.kpis[0]!;
    expect(countsIn(version, kpi, 'validate')).toBe(false);
    expect(countsIn(version, kpi, 'pilot')).toBe(true);
    expect(countsIn(version, { ...kpi, counts_from_phase: null }, 'explore')).toBe(true);
  });
  it('says where a project is in the framework', () => {
    expect(phaseProgress(['a', 'b', 'c', 'd'], 'b')).toEqual({ step: 2, total: 4, percent: 50 });
  });
});

describe('healthParts', () => {
  it('lists signals critical first with what each cost', () => {
    const parts = healthParts([
      { key: 'no_sponsor', severity: 'warning', value: null, text: 'No executive sponsor.' },
      { key: 'kpis_off_target', severity: 'info', value: 4, text: 'Interviews held: 4, target 10.' },
      { key: 'kill_criteria_met', severity: 'critical', value: null, text: 'Kill criterion met.' },
    ]);
    expect(parts.map((p) => [p.key, p.cost])).toEqual([
      ['kill_criteria_met', 35],
      ['no_sponsor', 15],
      ['kpis_off_target', 0],
    ]);
  });
});

describe('framework draft', () => {
  it('names problems with the server’s field names', () => {
    const draft = draftFrom(version);
    draft.phases[2]!.key = 'explore';
    draft.phases[1]!.name = ' ';
    draft.kpis[0]!.counts_from_phase = null;
    draft.phases[0]!.kpi_keys = ['nope'];
    expect(validateDraft(draft)).toEqual({
      'phases[2].key': 'The key “explore” is used twice',
      'phases[1].name': 'Required',
      'kpis[0].counts_from_phase': 'Financial KPIs must say from which phase they count',
      'phases[0].kpi_keys': 'No KPI has the key nope',
    });
  });

  it('needs 2 to 12 phases and writes the API body without editor fields', () => {
    const draft = draftFrom(version);
    expect(validateDraft(draft)).toEqual({});
    expect(validateDraft({ ...draft, phases: draft.phases.slice(0, 1) }).phases).toBe('A framework has 2 to 12 phases');
    const body = draftBody(draft);
    expect(body.phases[0]).not.toHaveProperty('uid');
    expect(body.phases[0]).not.toHaveProperty('guidelines_html');
    expect(body.kpis[0]).toMatchObject({ key: 'revenue', target: null, counts_from_phase: 'pilot' });
  });
});

describe('preloadProjects', () => {
  it('loads the layout and the page of a path', async () => {
    const { preloadProjects } = await import('./routes');
    expect(preloadProjects('/projects')).toHaveLength(2);
    expect(preloadProjects('/projects/5')).toHaveLength(2);
    expect(preloadProjects('/projects/frameworks/1')).toHaveLength(2);
    expect(preloadProjects('/projects/unknown')).toHaveLength(1);
  });
});
