// Shapes of the projects API, written by hand from docs/design/projects.md while the backend is
// being built. Everything the module needs from the contract is in this one file so that the
// generated schema (components['schemas'][...]) can replace it in one step; where the design
// is silent the assumption is marked ASSUMED.
import type { GatekeeperArea, Level } from '../stakeholders/types';
import type { InteractionType } from '../engagement/types';

export type { GatekeeperArea, Level };

export const PROJECT_STATUSES = ['active', 'on_hold', 'stopped', 'completed'] as const;
export const DECISIONS = ['go', 'kill', 'hold', 'pivot'] as const;
export const KPI_KINDS = ['learning', 'engagement', 'customer', 'delivery', 'outcome', 'financial'] as const;
export const KPI_DIRECTIONS = ['up', 'down'] as const;
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export const HEALTH_LEVELS = ['healthy', 'watch', 'at_risk'] as const;
export const STAKEHOLDER_ROLES = ['customer', 'partner', 'supplier', 'gatekeeper', 'other'] as const;
export const FIT_RECOMMENDATIONS = ['good_fit', 'sharpen_first', 'poor_fit'] as const;
/** The intake questions, in the order of the weights (3, 2, 2, 3, 1). */
export const FIT_QUESTIONS = ['problem_defined', 'near_term', 'customers_can_picture', 'customer_willing', 'capacity_available'] as const;
export const MULTI_STAKEHOLDER = 'multi_stakeholder' as const;

export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type Decision = (typeof DECISIONS)[number];
export type KpiKind = (typeof KPI_KINDS)[number];
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export type Severity = (typeof SEVERITIES)[number];
export type HealthLevel = (typeof HEALTH_LEVELS)[number];
export type ProjectStakeholderRole = (typeof STAKEHOLDER_ROLES)[number];
export type FitRecommendation = (typeof FIT_RECOMMENDATIONS)[number];
export type FitQuestion = (typeof FIT_QUESTIONS)[number];
export type RecommendedFormat = InteractionType | typeof MULTI_STAKEHOLDER;

export interface UserRef {
  id: number;
  display_name: string;
}

// Frameworks

export interface ExitCriterionDefinition {
  key: string;
  text: string;
  evidence_required: boolean;
}

export interface Phase {
  key: string;
  name: string;
  guidelines: string;
  /** Rendered and sanitized by the server. */
  guidelines_html: string;
  recommended_formats: RecommendedFormat[];
  expected_level: Level;
  exit_criteria: ExitCriterionDefinition[];
  max_days: number;
  kpi_keys: string[];
  gatekeepers: GatekeeperArea[];
}

export interface KpiDefinition {
  key: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  kind: KpiKind;
  counts_from_phase: string | null;
  target: number | null;
}

export interface Framework {
  id: number;
  name: string;
  description: string;
  current_version: number;
  versions: { version: number; published_at: string }[];
  created_at: string;
}

export interface FrameworkVersion {
  framework_id: number;
  version: number;
  phases: Phase[];
  kpis: KpiDefinition[];
  published_at: string;
  published_by: UserRef | null;
}

/** POST /frameworks/{id}/versions (guidelines_html is the server's). */
export interface FrameworkVersionWrite {
  phases: (Omit<Phase, 'guidelines_html'> & { guidelines_html?: string })[];
  kpis: KpiDefinition[];
}

export interface FrameworkCreate {
  name: string;
  description?: string;
  template?: 'default' | FrameworkVersionWrite;
}

// Projects

export interface Signal {
  key: string;
  severity: Severity;
  value: number | null;
  text: string;
}

export interface Health {
  score: number;
  level: HealthLevel;
  ask_first: boolean;
  computed_at: string;
  signals: Signal[];
}

export type FitAnswers = Record<FitQuestion, number>;

export interface FitCheck {
  answers: FitAnswers;
  score: number;
  recommendation: FitRecommendation;
  flagged: boolean;
  reasons: string[];
}

export interface TeamMember {
  user_id: number;
  display_name: string;
  role: string;
}

export interface ProjectStakeholder {
  stakeholder_id: number;
  name: string;
  kind: string;
  role: ProjectStakeholderRole;
  commitment: string;
}

export interface KillCriterion {
  key: string;
  text: string;
  met: boolean;
}

/**
 * ASSUMED: the state of the current phase's exit criteria, which PUT /projects/{id}/criteria/{key}
 * changes and the project page checks off. The design names the route but not the field.
 */
export interface CriterionState {
  key: string;
  text: string;
  evidence_required: boolean;
  met: boolean;
  evidence_url: string | null;
}

export interface Learnings {
  learned: string;
  do_differently: string;
}

export interface Project {
  id: number;
  title: string;
  problem_statement: string;
  hypothesis: string;
  lead: UserRef;
  team: TeamMember[];
  sponsor: UserRef | null;
  framework: { id: number; name: string; version: number };
  phase: { key: string; name: string; entered_at: string; max_days: number };
  status: ProjectStatus;
  kill_criteria: KillCriterion[];
  /** ASSUMED, see CriterionState. Absent: the page falls back to the framework's criteria, all open. */
  exit_criteria?: CriterionState[];
  budget: { amount: number; currency: string } | null;
  effort_days: number | null;
  stakeholders: ProjectStakeholder[];
  need_ids: number[];
  interaction_ids: number[];
  idea_ids: number[];
  fit: FitCheck;
  health: Health;
  share: { space_id: number; summary: string; shared_at: string } | null;
  learnings: Learnings | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** POST /projects. */
export interface ProjectCreate {
  title: string;
  problem_statement: string;
  hypothesis: string;
  framework_id: number;
  sponsor_id: number | null;
  team: { user_id: number; role: string }[];
  stakeholders: { stakeholder_id: number; role: ProjectStakeholderRole; commitment: string }[];
  kill_criteria: { text: string }[];
  budget: { amount: number; currency: string } | null;
  effort_days: number | null;
  fit: FitAnswers;
}

export interface KpiValue {
  id: number;
  kpi_key: string;
  value: number;
  recorded_on: string;
  note: string;
  phase_key: string;
  counts: boolean;
}

export interface KpiValueWrite {
  kpi_key: string;
  value: number;
  recorded_on?: string;
  note?: string;
}

// Gate reviews

export interface ReviewCriterion {
  key: string;
  text: string;
  met: boolean;
  evidence_url: string | null;
}

export interface GateReview {
  id: number;
  project_id: number;
  from_phase: string;
  status: 'requested' | 'decided';
  requested_by: UserRef;
  requested_at: string;
  criteria: ReviewCriterion[];
  kpi_values: { kpi_key: string; value: number }[];
  decision_makers: UserRef[];
  gatekeepers_required: GatekeeperArea[];
  gatekeepers_present: number[];
  decision: Decision | null;
  rationale: string;
  pivot_to_phase: string | null;
  new_hypothesis: string | null;
  learnings: Learnings | null;
  decided_by: UserRef | null;
  decided_at: string | null;
}

/** POST /projects/{id}/gate-reviews. ASSUMED: decision makers are sent as user ids. */
export interface GateReviewRequest {
  criteria: { key: string; met: boolean; evidence_url?: string }[];
  kpi_values: { kpi_key: string; value: number }[];
  decision_maker_ids: number[];
  gatekeepers_present: number[];
}

/** POST /gate-reviews/{id}/decision. */
export interface DecisionWrite {
  decision: Decision;
  rationale: string;
  pivot_to_phase?: string;
  new_hypothesis?: string;
  learnings?: Learnings;
}

export interface DecisionAnswer {
  review: GateReview;
  project: Project;
}

// Portfolio

export interface PortfolioCard {
  id: number;
  title: string;
  lead: UserRef;
  health: Pick<Health, 'score' | 'level' | 'ask_first'> & Partial<Pick<Health, 'signals'>>;
  days_in_phase: number;
  status: ProjectStatus;
}

/** GET /portfolio. ASSUMED shape: the framework shown and one column per phase of its current version. */
export interface Portfolio {
  framework: { id: number; name: string; version: number };
  columns: { key: string; name: string; max_days?: number; projects: PortfolioCard[] }[];
}

export interface FunnelRow {
  key: string;
  name: string;
  entered: number;
  advanced: number;
  killed: number;
  held: number;
  pivoted_back: number;
  completed: number;
  current: number;
}

/** GET /portfolio/funnel. ASSUMED: `{phases: FunnelRow[]}` (a bare array is accepted too). */
export interface Funnel {
  phases: FunnelRow[];
}

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}
