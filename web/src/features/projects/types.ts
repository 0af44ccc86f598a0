// Shapes of the projects API (api/openapi.yaml, docs/design/projects.md), from the generated
// OpenAPI types. The vocabularies are spelled out as arrays (their order is shown to people) and
// checked against the schema with `satisfies`.
import type { ClientPaths } from '../../api/client';
import type { components } from '../../api/schema';
import type { Answer, Body } from '../../api/types';

type Schemas = components['schemas'];
type Item<L> = L extends { items: (infer I)[] } ? I : never;

export const PROJECT_STATUSES = ['active', 'on_hold', 'stopped', 'completed'] as const satisfies readonly Schemas['ProjectStatus'][];
export const DECISIONS = ['go', 'kill', 'hold', 'pivot'] as const satisfies readonly Schemas['GateDecision'][];
export const KPI_KINDS = ['learning', 'engagement', 'customer', 'delivery', 'outcome', 'financial'] as const satisfies readonly Schemas['KpiKind'][];
export const KPI_DIRECTIONS = ['up', 'down'] as const satisfies readonly Schemas['KpiDirection'][];
export const SEVERITIES = ['info', 'warning', 'critical'] as const satisfies readonly Schemas['SignalSeverity'][];
export const HEALTH_LEVELS = ['healthy', 'watch', 'at_risk'] as const satisfies readonly Schemas['HealthLevel'][];
export const STAKEHOLDER_ROLES = ['customer', 'partner', 'supplier', 'gatekeeper', 'other'] as const satisfies readonly Schemas['ProjectStakeholderRole'][];
export const FIT_RECOMMENDATIONS = ['good_fit', 'sharpen_first', 'poor_fit'] as const satisfies readonly Schemas['FitRecommendation'][];
/** The intake questions, in the order of the weights (3, 2, 2, 3, 1). */
export const FIT_QUESTIONS = [
  'problem_defined',
  'near_term',
  'customers_can_picture',
  'customer_willing',
  'capacity_available',
] as const satisfies readonly (keyof Schemas['FitAnswers'])[];
export const MULTI_STAKEHOLDER = 'multi_stakeholder' as const satisfies Schemas['RecommendedFormat'];

export type ProjectStatus = Schemas['ProjectStatus'];
export type Decision = Schemas['GateDecision'];
export type KpiKind = Schemas['KpiKind'];
export type KpiDirection = Schemas['KpiDirection'];
export type Severity = Schemas['SignalSeverity'];
export type HealthLevel = Schemas['HealthLevel'];
export type ProjectStakeholderRole = Schemas['ProjectStakeholderRole'];
export type FitRecommendation = Schemas['FitRecommendation'];
export type FitQuestion = (typeof FIT_QUESTIONS)[number];
export type RecommendedFormat = Schemas['RecommendedFormat'];
export type GatekeeperArea = Schemas['RequiredGatekeeperArea'];
export type Level = Schemas['StakeholderLevel'];
export type UserRef = Schemas['UserBrief'];

// Frameworks
export type Framework = Schemas['Framework'];
export type FrameworkWithVersion = Answer<'/api/v1/frameworks/{id}', 'get'>;
export type FrameworkVersion = Schemas['FrameworkVersion'];
export type Phase = Schemas['Phase'];
export type KpiDefinition = Schemas['KpiDefinition'];
export type FrameworkCreate = Body<'/api/v1/frameworks', 'post'>;
export type FrameworkVersionWrite = Body<'/api/v1/frameworks/{id}/versions', 'post'>;
export type PhaseWrite = FrameworkVersionWrite['phases'][number];
export type KpiDefinitionWrite = FrameworkVersionWrite['kpis'][number];

// Projects
export type Signal = Schemas['Signal'];
export type Health = Schemas['Health'];
export type FitAnswers = Schemas['FitAnswers'];
export type FitCheck = Schemas['FitCheck'];
export type TeamMember = Schemas['ProjectTeamMember'];
export type ProjectStakeholder = Schemas['ProjectStakeholder'];
export type KillCriterion = Schemas['KillCriterion'];
/** An exit criterion of the project's current phase with how far it is checked. */
export type CriterionState = Schemas['ProjectCriterion'];
export type Learnings = Schemas['Learnings'];
export type Project = Schemas['Project'];
export type ProjectCreate = Body<'/api/v1/projects', 'post'>;
export type ProjectUpdate = Body<'/api/v1/projects/{id}', 'patch'>;
export type CriterionPut = Body<'/api/v1/projects/{id}/criteria/{key}', 'put'>;
export type ProjectSharePut = Body<'/api/v1/projects/{id}/share', 'put'>;
export type ProjectListQuery = NonNullable<ClientPaths['/api/v1/projects']['get']['parameters']['query']>;
/** A list item as internal users get it (external participants get shared summaries instead). */
export type ProjectListItem = Project;
export type ProjectPage = { items: ProjectListItem[]; next_cursor?: string | null };

export type KpiValue = Item<Answer<'/api/v1/projects/{id}/kpi-values', 'get'>>;
export type KpiValueWrite = Body<'/api/v1/projects/{id}/kpi-values', 'post'>;

// Gate reviews
export type GateReview = Schemas['GateReview'];
export type GateReviewRequest = Body<'/api/v1/projects/{id}/gate-reviews', 'post'>;
export type DecisionWrite = Body<'/api/v1/gate-reviews/{id}/decision', 'post'>;
export type DecisionAnswer = Answer<'/api/v1/gate-reviews/{id}/decision', 'post'>;

// Portfolio
export type Portfolio = Answer<'/api/v1/portfolio', 'get'>;
export type PortfolioColumn = Portfolio['columns'][number];
export type PortfolioCard = PortfolioColumn['cards'][number];
export type Funnel = Answer<'/api/v1/portfolio/funnel', 'get'>;
export type FunnelRow = Funnel['phases'][number];
