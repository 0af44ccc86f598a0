// Shapes of the ideas API (api/openapi.yaml, tag `ideas`; docs/api-ideas.md), from the generated
// OpenAPI types. The vocabularies are spelled out as arrays (their order is shown to people) and
// checked against the schema with `satisfies`.
import type { ClientPaths } from '../../api/client';
import type { components } from '../../api/schema';
import type { Answer, Body } from '../../api/types';

type Schemas = components['schemas'];

/** The phases in the order they follow each other (`upcoming` before the first date). */
export const CHALLENGE_PHASES = ['upcoming', 'submission', 'discussion', 'voting', 'review', 'closed'] as const satisfies readonly Schemas['ChallengePhase'][];
/** The dates of ChallengePhaseDates in order; each opens the phase of the same index in PHASE_OF_DATE. */
export const PHASE_DATES = ['submission_opens', 'discussion_opens', 'voting_opens', 'review_opens', 'closes'] as const satisfies readonly (keyof Schemas['ChallengePhaseDates'])[];
export const AUDIENCES = ['both', 'external', 'internal'] as const satisfies readonly Schemas['ChallengeAudience'][];
export const IDEA_STATUSES = ['new', 'under_review', 'selected', 'in_project', 'parked', 'declined'] as const satisfies readonly Schemas['IdeaStatus'][];
export const SETTABLE_STATUSES = ['new', 'under_review', 'selected', 'parked', 'declined'] as const satisfies readonly Schemas['IdeaSettableStatus'][];
export const IDEA_SORTS = ['-created', '-votes', '-interest'] as const satisfies readonly Schemas['IdeaSort'][];
export const INTEREST_LEVELS = ['curious', 'interested', 'committed'] as const satisfies readonly Schemas['IdeaInterestLevel'][];
export const INTEREST_AGGREGATES = ['none', 'some', 'strong'] as const satisfies readonly Schemas['InterestAggregate'][];
export const MODERATION_ACTIONS = ['hide', 'restore', 'edit'] as const satisfies readonly Schemas['ModerationAction'][];
export const REPORT_STATUSES = ['open', 'resolved'] as const satisfies readonly Schemas['ReportStatus'][];
export const REPORT_RESOLUTIONS = ['hidden', 'edited', 'restored', 'merged'] as const satisfies readonly Schemas['ReportResolution'][];
export const POINTS_REASONS = ['idea_submitted', 'comment_helpful', 'built_upon', 'idea_selected', 'homework_done'] as const satisfies readonly Schemas['PointsReason'][];
export const BADGES = ['first_idea', 'helpful_5', 'bridge_builder', 'selected'] as const satisfies readonly Schemas['BadgeKey'][];

export type ChallengePhase = Schemas['ChallengePhase'];
export type PhaseDates = Schemas['ChallengePhaseDates'];
export type PhaseDate = keyof PhaseDates;
export type Audience = Schemas['ChallengeAudience'];
export type IdeaStatus = Schemas['IdeaStatus'];
export type SettableStatus = Schemas['IdeaSettableStatus'];
export type IdeaSort = Schemas['IdeaSort'];
export type InterestLevel = Schemas['IdeaInterestLevel'];
export type InterestAggregate = Schemas['InterestAggregate'];
export type ModerationAction = Schemas['ModerationAction'];
export type ReportStatus = Schemas['ReportStatus'];
export type ReportResolution = Schemas['ReportResolution'];
export type ReportObjectType = Schemas['ReportObjectType'];
export type PointsReason = Schemas['PointsReason'];
export type BadgeKey = Schemas['BadgeKey'];
export type UserRef = Schemas['UserBrief'];
export type FitAnswers = Schemas['FitAnswers'];

// Challenges: internal users get `Challenge` (with `fit`), external participants the shared view.
export type Challenge = Schemas['Challenge'] | Schemas['ChallengeSharedView'];
export type ChallengeCriterion = Schemas['ChallengeCriterion'];
export type ProtocolVersion = Schemas['ProtocolVersion'];
export type ChallengeCreate = Body<'/api/v1/challenges', 'post'>;
export type ChallengeUpdate = Body<'/api/v1/challenges/{id}', 'patch'>;
export type ChallengeListQuery = NonNullable<ClientPaths['/api/v1/challenges']['get']['parameters']['query']>;
export type Leaderboard = Schemas['Leaderboard'];
export type LeaderboardEntry = Schemas['LeaderboardEntry'];

// Ideas: the same split between the internal view and the shared one.
export type Idea = Schemas['Idea'] | Schemas['IdeaSharedView'];
/** The internal view, with the internal-only members (interest, reviews, who moderated). */
export type InternalIdea = Schemas['Idea'];
export type IdeaSummary = Schemas['IdeaSummary'] | Schemas['IdeaSummarySharedView'];
export type IdeaRef = Schemas['IdeaRef'];
export type IdeaAuthor = Schemas['IdeaAuthor'];
export type Attachment = Schemas['Attachment'];
export type InterestRecord = Schemas['IdeaInterestRecord'];
export type IdeaReview = Schemas['IdeaReview'];
export type SimilarIdea = Schemas['SimilarIdea'];
export type IdeaCreate = Schemas['IdeaCreate'] & { title: string; description: string };
export type IdeaUpdate = Body<'/api/v1/ideas/{id}', 'patch'>;
export type IdeaListQuery = NonNullable<ClientPaths['/api/v1/ideas']['get']['parameters']['query']>;
export type IdeaStatusChange = Body<'/api/v1/ideas/{id}/status', 'post'>;
export type InterestCreate = Body<'/api/v1/ideas/{id}/interest', 'post'>;
export type ReviewCreate = Body<'/api/v1/ideas/{id}/reviews', 'post'>;
export type IdeaModeration = Body<'/api/v1/ideas/{id}/moderation', 'post'>;
export type IdeaPromote = Body<'/api/v1/ideas/{id}/promote', 'post'>;
export type ProjectRef = Answer<'/api/v1/ideas/{id}/promote', 'post'>;

// Comments
export type Comment = Schemas['Comment'] | Schemas['CommentSharedView'];
export type CommentCreate = Body<'/api/v1/ideas/{id}/comments', 'post'>;
export type CommentModeration = Body<'/api/v1/comments/{id}/moderation', 'post'>;

// Moderation and points
export type Report = Schemas['Report'];
export type ReportCreate = Body<'/api/v1/reports', 'post'>;
export type Points = Schemas['Points'];
export type PointsByReason = Schemas['PointsByReason'];
