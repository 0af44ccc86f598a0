// Words for the projects vocabulary, and the small pure rules the pages share (fit score,
// the board's drop rule, health and KPI styling). Tested in labels.test.ts.
import { interactionTypeLabel } from '../engagement/labels';
import { levelLabel } from '../stakeholders/labels';
import {
  FIT_QUESTIONS,
  MULTI_STAKEHOLDER,
  type Decision,
  type FitAnswers,
  type FrameworkVersion,
  type KpiDefinition,
  type FitQuestion,
  type FitRecommendation,
  type HealthLevel,
  type KpiDirection,
  type KpiKind,
  type Level,
  type PortfolioCard,
  type ProjectStakeholderRole,
  type ProjectStatus,
  type RecommendedFormat,
  type Severity,
  type Signal,
} from './types';
import { t, type MessageKey } from '../../messages';

// Keys are spelled out so that a missing message is a compile error.
const statusKeys: Record<ProjectStatus, MessageKey> = {
  active: 'projects.status.active',
  on_hold: 'projects.status.on_hold',
  stopped: 'projects.status.stopped',
  completed: 'projects.status.completed',
};
const decisionKeys: Record<Decision, MessageKey> = {
  go: 'projects.decision.go',
  kill: 'projects.decision.kill',
  hold: 'projects.decision.hold',
  pivot: 'projects.decision.pivot',
};
const healthKeys: Record<HealthLevel, MessageKey> = {
  healthy: 'projects.health.healthy',
  watch: 'projects.health.watch',
  at_risk: 'projects.health.at_risk',
};
const severityKeys: Record<Severity, MessageKey> = {
  info: 'projects.severity.info',
  warning: 'projects.severity.warning',
  critical: 'projects.severity.critical',
};
const kindKeys: Record<KpiKind, MessageKey> = {
  learning: 'projects.kpiKind.learning',
  engagement: 'projects.kpiKind.engagement',
  customer: 'projects.kpiKind.customer',
  delivery: 'projects.kpiKind.delivery',
  outcome: 'projects.kpiKind.outcome',
  financial: 'projects.kpiKind.financial',
};
const directionKeys: Record<KpiDirection, MessageKey> = {
  up: 'projects.kpiDirection.up',
  down: 'projects.kpiDirection.down',
};
const roleKeys: Record<ProjectStakeholderRole, MessageKey> = {
  customer: 'projects.stakeholderRole.customer',
  partner: 'projects.stakeholderRole.partner',
  supplier: 'projects.stakeholderRole.supplier',
  gatekeeper: 'projects.stakeholderRole.gatekeeper',
  other: 'projects.stakeholderRole.other',
};
const fitKeys: Record<FitRecommendation, MessageKey> = {
  good_fit: 'projects.fit.good_fit',
  sharpen_first: 'projects.fit.sharpen_first',
  poor_fit: 'projects.fit.poor_fit',
};
const questionKeys: Record<FitQuestion, MessageKey> = {
  problem_defined: 'projects.fit.q.problem_defined',
  near_term: 'projects.fit.q.near_term',
  customers_can_picture: 'projects.fit.q.customers_can_picture',
  customer_willing: 'projects.fit.q.customer_willing',
  capacity_available: 'projects.fit.q.capacity_available',
};
const questionShortKeys: Record<FitQuestion, MessageKey> = {
  problem_defined: 'projects.fit.short.problem_defined',
  near_term: 'projects.fit.short.near_term',
  customers_can_picture: 'projects.fit.short.customers_can_picture',
  customer_willing: 'projects.fit.short.customer_willing',
  capacity_available: 'projects.fit.short.capacity_available',
};
const answerKeys: MessageKey[] = ['projects.fit.a1', 'projects.fit.a2', 'projects.fit.a3', 'projects.fit.a4', 'projects.fit.a5'];

export const statusLabel = (v: ProjectStatus) => t(statusKeys[v]);
export const decisionLabel = (v: Decision) => t(decisionKeys[v]);
export const healthLabel = (v: HealthLevel) => t(healthKeys[v]);
export const severityLabel = (v: Severity) => t(severityKeys[v]);
export const kpiKindLabel = (v: KpiKind) => t(kindKeys[v]);
export const kpiDirectionLabel = (v: KpiDirection) => t(directionKeys[v]);
export const stakeholderRoleLabel = (v: ProjectStakeholderRole) => t(roleKeys[v]);
export const fitLabel = (v: FitRecommendation) => t(fitKeys[v]);
export const fitQuestionLabel = (v: FitQuestion) => t(questionKeys[v]);
export const fitQuestionShort = (v: FitQuestion) => t(questionShortKeys[v]);
/** "Not at all" … "Fully" for the answers 1..5. */
export const fitAnswerLabel = (answer: number) => {
  const key = answerKeys[answer - 1];
  return key ? t(key) : String(answer);
};
export const formatLabel = (v: RecommendedFormat) => (v === MULTI_STAKEHOLDER ? t('projects.format.multi_stakeholder') : interactionTypeLabel(v));
export const expectedLevelLabel = (v: Level) => levelLabel(v);

export const statusColor: Record<ProjectStatus, string> = { active: 'blue', on_hold: 'yellow', stopped: 'gray', completed: 'teal' };
export const healthColor: Record<HealthLevel, string> = { healthy: 'teal', watch: 'yellow', at_risk: 'red' };
export const severityColor: Record<Severity, string> = { info: 'blue', warning: 'yellow', critical: 'red' };
export const fitColor: Record<FitRecommendation, string> = { good_fit: 'teal', sharpen_first: 'yellow', poor_fit: 'red' };

// ---- intake fit check ----------------------------------------------------------------------

/** Weights of the intake questions, in FIT_QUESTIONS order: a defined problem and a willing customer matter most. */
export const FIT_WEIGHTS: Record<FitQuestion, number> = {
  problem_defined: 3,
  near_term: 2,
  customers_can_picture: 2,
  customer_willing: 3,
  capacity_available: 1,
};

export interface FitResult {
  score: number;
  recommendation: FitRecommendation;
  flagged: boolean;
  /** The questions answered below 3 (the server words a reason for each). */
  weak: FitQuestion[];
}

/** ≥ 70 good fit, 45..69 sharpen first, < 45 poor fit. */
export function fitRecommendation(score: number): FitRecommendation {
  if (score >= 70) return 'good_fit';
  if (score >= 45) return 'sharpen_first';
  return 'poor_fit';
}

/**
 * The server's intake score: the weighted mean of the 1..5 answers scaled so that all 1s give 0
 * and all 5s give 100, rounded half up in integers exactly as the backend does
 * ((50 × Σ w(a−1) + Σw) ÷ (2 × Σw)), so the live score matches the stored one.
 */
export function fitScore(answers: FitAnswers): FitResult {
  let weighted = 0;
  let weights = 0;
  const weak: FitQuestion[] = [];
  for (const q of FIT_QUESTIONS) {
    const raw = Math.round(Number(answers[q]));
    const answer = Number.isFinite(raw) ? Math.min(5, Math.max(1, raw)) : 3;
    weighted += FIT_WEIGHTS[q] * (answer - 1);
    weights += FIT_WEIGHTS[q];
    if (answer < 3) weak.push(q);
  }
  const score = Math.floor((50 * weighted + weights) / (2 * weights));
  const recommendation = fitRecommendation(score);
  return { score, recommendation, flagged: recommendation === 'poor_fit', weak };
}

// ---- portfolio board ---------------------------------------------------------------------

export type DropOutcome = 'request' | 'same' | 'refused' | 'closed';

/**
 * What dropping a card from column `from` on column `to` does: only the next column opens a
 * gate review request; the same column is nothing; a stopped or completed project takes no
 * review; everything else is refused (phases change only through a gate review, in order).
 */
export function dropOutcome(from: number, to: number, status: ProjectStatus = 'active'): DropOutcome {
  if (from === to) return 'same';
  if (status === 'stopped' || status === 'completed') return 'closed';
  return to === from + 1 ? 'request' : 'refused';
}

/** Ask-first cards first, then the lowest health score, then the longest in phase, then by title. */
export function compareCards(a: PortfolioCard, b: PortfolioCard): number {
  if (a.health.ask_first !== b.health.ask_first) return a.health.ask_first ? -1 : 1;
  return a.health.score - b.health.score || b.days_in_phase - a.days_in_phase || a.title.localeCompare(b.title);
}

export function sortCards(cards: readonly PortfolioCard[]): PortfolioCard[] {
  return [...cards].sort(compareCards);
}

// ---- health ------------------------------------------------------------------------------

/** Points a signal costs the health score (100 − 15 per warning − 35 per critical). */
export function signalCost(severity: Severity): number {
  return severity === 'critical' ? 35 : severity === 'warning' ? 15 : 0;
}

const severityOrder: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** The signals, critical first, each with what it cost. */
export function healthParts(signals: readonly Signal[]): (Signal & { cost: number })[] {
  return [...signals].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]).map((s) => ({ ...s, cost: signalCost(s.severity) }));
}

// ---- KPI values --------------------------------------------------------------------------

export interface KpiPointStyle {
  /** Which series of the chart the value belongs to. */
  series: 'counts' | 'before';
  /** A palette role; the chart maps it to a colour of the theme. */
  tone: 'primary' | 'muted';
  lineType: 'solid' | 'dashed';
  /** Shown on the table row and in the legend. */
  label: string;
  /** Whether health and the portfolio use the value. */
  counted: boolean;
}

/**
 * How a KPI value is drawn: values that count are the solid line; values recorded before the
 * KPI counts (its counts_from_phase) are greyed and dashed, and say so in words.
 */
export function kpiPointStyle(counts: boolean, countsFromName?: string): KpiPointStyle {
  return counts
    ? { series: 'counts', tone: 'primary', lineType: 'solid', label: t('projects.kpi.counts'), counted: true }
    : {
        series: 'before',
        tone: 'muted',
        lineType: 'dashed',
        label: countsFromName ? t('projects.kpi.beforeNamed', { phase: countsFromName }) : t('projects.kpi.before'),
        counted: false,
      };
}

/** Whether values recorded in `phaseKey` count for `kpi` (from its counts_from_phase on; from the first when none). */
export function countsIn(version: FrameworkVersion, kpi: KpiDefinition, phaseKey: string): boolean {
  if (!kpi.counts_from_phase) return true;
  const keys = version.phases.map((p) => p.key);
  return keys.indexOf(phaseKey) >= keys.indexOf(kpi.counts_from_phase);
}

/** Whether `value` meets `target` in the KPI's direction (null when there is no target). */
export function meetsTarget(value: number, target: number | null, direction: KpiDirection): boolean | null {
  if (target === null || target === undefined) return null;
  return direction === 'up' ? value >= target : value <= target;
}

/** Whole days since an ISO time (not below 0). */
export function daysSince(iso: string, now: Date = new Date()): number {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return 0;
  return Math.max(0, Math.floor((now.getTime() - then) / 86_400_000));
}

/** A 1-based phase position and the share of the framework done, for the header. */
export function phaseProgress(phaseKeys: readonly string[], current: string): { step: number; total: number; percent: number } {
  const total = phaseKeys.length;
  const index = phaseKeys.indexOf(current);
  const step = index < 0 ? 0 : index + 1;
  return { step, total, percent: total === 0 ? 0 : Math.round((step / total) * 100) };
}

/** A positive integer id from a URL parameter, or undefined. */
export function parseId(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** Problem field errors keyed by their full field name ("phases[2].key"), first detail wins, capitalised. */
export function fieldErrorsByPath(errors: readonly { field: string; detail: string }[] | undefined, fallback: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    if (!e.field) continue;
    const detail = e.detail || fallback;
    out[e.field] ??= detail.charAt(0).toUpperCase() + detail.slice(1);
  }
  return out;
}
