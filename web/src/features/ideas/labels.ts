// Words for the ideas vocabulary, and the small pure rules the pages share: which phase allows
// what, the vote budget, the phase timeline, comment threads and who may manage or moderate.
// Tested in labels.test.ts. The server decides every rule again; these only keep people from
// pressing buttons that cannot work, and say why.
import type { MeAnswer, Role } from '../../api/types';
import { isInternal } from '../auth/session';
import { t, type MessageKey } from '../../messages';
import {
  PHASE_DATES,
  type Audience,
  type BadgeKey,
  type Challenge,
  type ChallengePhase,
  type Comment,
  type Idea,
  type IdeaSort,
  type IdeaStatus,
  type InterestAggregate,
  type InterestLevel,
  type ModerationAction,
  type PhaseDate,
  type PhaseDates,
  type PointsReason,
  type ReportResolution,
} from './types';

// Keys are spelled out so that a missing message is a compile error.
const phaseKeys: Record<ChallengePhase, MessageKey> = {
  upcoming: 'ideas.phase.upcoming',
  submission: 'ideas.phase.submission',
  discussion: 'ideas.phase.discussion',
  voting: 'ideas.phase.voting',
  review: 'ideas.phase.review',
  closed: 'ideas.phase.closed',
};
const phaseHintKeys: Record<ChallengePhase, MessageKey> = {
  upcoming: 'ideas.phaseHint.upcoming',
  submission: 'ideas.phaseHint.submission',
  discussion: 'ideas.phaseHint.discussion',
  voting: 'ideas.phaseHint.voting',
  review: 'ideas.phaseHint.review',
  closed: 'ideas.phaseHint.closed',
};
const statusKeys: Record<IdeaStatus, MessageKey> = {
  new: 'ideas.status.new',
  under_review: 'ideas.status.under_review',
  selected: 'ideas.status.selected',
  in_project: 'ideas.status.in_project',
  parked: 'ideas.status.parked',
  declined: 'ideas.status.declined',
};
const audienceKeys: Record<Audience, MessageKey> = {
  internal: 'ideas.audience.internal',
  external: 'ideas.audience.external',
  both: 'ideas.audience.both',
};
const levelKeys: Record<InterestLevel, MessageKey> = {
  curious: 'ideas.interest.curious',
  interested: 'ideas.interest.interested',
  committed: 'ideas.interest.committed',
};
const aggregateKeys: Record<InterestAggregate, MessageKey> = {
  none: 'ideas.interestLevel.none',
  some: 'ideas.interestLevel.some',
  strong: 'ideas.interestLevel.strong',
};
const sortKeys: Record<IdeaSort, MessageKey> = {
  '-created': 'ideas.sort.newest',
  '-votes': 'ideas.sort.votes',
  '-interest': 'ideas.sort.interest',
};
const reasonKeys: Record<PointsReason, MessageKey> = {
  idea_submitted: 'ideas.points.reason.idea_submitted',
  comment_helpful: 'ideas.points.reason.comment_helpful',
  built_upon: 'ideas.points.reason.built_upon',
  idea_selected: 'ideas.points.reason.idea_selected',
  homework_done: 'ideas.points.reason.homework_done',
};
const badgeKeys: Record<BadgeKey, MessageKey> = {
  first_idea: 'ideas.badge.first_idea',
  helpful_5: 'ideas.badge.helpful_5',
  bridge_builder: 'ideas.badge.bridge_builder',
  selected: 'ideas.badge.selected',
};
const badgeHowKeys: Record<BadgeKey, MessageKey> = {
  first_idea: 'ideas.badgeHow.first_idea',
  helpful_5: 'ideas.badgeHow.helpful_5',
  bridge_builder: 'ideas.badgeHow.bridge_builder',
  selected: 'ideas.badgeHow.selected',
};
const resolutionKeys: Record<ReportResolution, MessageKey> = {
  hidden: 'ideas.resolution.hidden',
  edited: 'ideas.resolution.edited',
  restored: 'ideas.resolution.restored',
  merged: 'ideas.resolution.merged',
};
const actionKeys: Record<ModerationAction, MessageKey> = {
  hide: 'ideas.moderate.hide',
  restore: 'ideas.moderate.restore',
  edit: 'ideas.moderate.edit',
};

export const phaseLabel = (v: ChallengePhase) => t(phaseKeys[v]);
/** What people can do in a phase, in a sentence. */
export const phaseHint = (v: ChallengePhase) => t(phaseHintKeys[v]);
export const statusLabel = (v: IdeaStatus) => t(statusKeys[v]);
export const audienceLabel = (v: Audience) => t(audienceKeys[v]);
export const interestLevelLabel = (v: InterestLevel) => t(levelKeys[v]);
export const interestAggregateLabel = (v: InterestAggregate) => t(aggregateKeys[v]);
export const sortLabel = (v: IdeaSort) => t(sortKeys[v]);
export const pointsReasonLabel = (v: PointsReason) => t(reasonKeys[v]);
export const badgeLabel = (v: BadgeKey) => t(badgeKeys[v]);
export const badgeHow = (v: BadgeKey) => t(badgeHowKeys[v]);
export const resolutionLabel = (v: ReportResolution) => t(resolutionKeys[v]);
export const moderationActionLabel = (v: ModerationAction) => t(actionKeys[v]);

export const phaseColor: Record<ChallengePhase, string> = {
  upcoming: 'gray',
  submission: 'blue',
  discussion: 'grape',
  voting: 'orange',
  review: 'cyan',
  closed: 'dark',
};
export const statusColor: Record<IdeaStatus, string> = {
  new: 'blue',
  under_review: 'yellow',
  selected: 'teal',
  in_project: 'green',
  parked: 'gray',
  declined: 'red',
};

// ---- dates -----------------------------------------------------------------------------------

// Phase dates are calendar days in UTC; shown as days, never shifted by the reader's time zone.
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "12 Mar 2027" for "2027-03-12"; the input itself when it is not a day. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** Today as YYYY-MM-DD in UTC (the API's days). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The phase each date opens, in order. */
export const PHASE_OF_DATE: Record<PhaseDate, ChallengePhase> = {
  submission_opens: 'submission',
  discussion_opens: 'discussion',
  voting_opens: 'voting',
  review_opens: 'review',
  closes: 'closed',
};

export interface TimelineStep {
  phase: ChallengePhase;
  /** The first day of the phase. */
  from: string;
  /** The day the next phase opens (the phase ends the day before), null for `closed`. */
  until: string | null;
  state: 'done' | 'current' | 'next';
}

const ORDER: readonly ChallengePhase[] = ['upcoming', 'submission', 'discussion', 'voting', 'review', 'closed'];

/** The five dated phases with their days and where the challenge is now. */
export function phaseTimeline(phases: PhaseDates, current: ChallengePhase): TimelineStep[] {
  const now = ORDER.indexOf(current);
  return PHASE_DATES.map((date, i) => {
    const phase = PHASE_OF_DATE[date];
    const next = PHASE_DATES[i + 1];
    const index = ORDER.indexOf(phase);
    return {
      phase,
      from: phases[date],
      until: next ? phases[next] : null,
      state: index < now ? 'done' : index === now ? 'current' : 'next',
    };
  });
}

/** One line about where a challenge stands: "Voting from 12 Mar 2027" (the next step and its day). */
export function phaseDateLine(phases: PhaseDates, current: ChallengePhase): string {
  if (current === 'upcoming') return t('ideas.phaseLine.opens', { date: formatDay(phases.submission_opens) });
  if (current === 'closed') return t('ideas.phaseLine.closed', { date: formatDay(phases.closes) });
  const step = phaseTimeline(phases, current).find((s) => s.state === 'current');
  const next = step && ORDER[ORDER.indexOf(step.phase) + 1];
  if (!step?.until || !next) return '';
  return next === 'closed'
    ? t('ideas.phaseLine.closes', { date: formatDay(step.until) })
    : t('ideas.phaseLine.next', { phase: phaseLabel(next), date: formatDay(step.until) });
}

// ---- phase rules -----------------------------------------------------------------------------

export type PhaseAction = 'submit' | 'comment' | 'vote' | 'review';

/** Which phases allow what (ChallengePhase in the contract). */
export const PHASE_RULES: Record<PhaseAction, readonly ChallengePhase[]> = {
  submit: ['submission', 'discussion'],
  comment: ['submission', 'discussion', 'voting'],
  vote: ['voting'],
  review: ['review'],
};

/** Whether `action` is possible now; a stand-alone idea (no challenge: `phase` null) allows all. */
export function phaseAllows(phase: ChallengePhase | null, action: PhaseAction): boolean {
  return phase === null || PHASE_RULES[action].includes(phase);
}

/** The first day on which `action` becomes possible, or null when it is possible now or never again. */
export function opensOn(phases: PhaseDates, current: ChallengePhase, action: PhaseAction): string | null {
  const later = phaseTimeline(phases, current).find((s) => s.state === 'next' && PHASE_RULES[action].includes(s.phase));
  return later?.from ?? null;
}

/** Votes the reader has left in a challenge. */
export function votesLeft(challenge: Pick<Challenge, 'votes_per_person' | 'my_votes_used'>): number {
  return Math.max(0, challenge.votes_per_person - challenge.my_votes_used);
}

export type VoteState =
  | { can: true; left: number | null }
  | { can: false; why: 'phase'; opens: string | null }
  | { can: false; why: 'budget'; left: 0 };

/**
 * Whether the reader may vote for (or withdraw from) `idea` now. A stand-alone idea takes votes
 * any time without a budget (`left` null); in a challenge only while voting, and a new vote only
 * while votes are left (withdrawing is always possible then).
 */
export function voteState(idea: Pick<Idea, 'my_vote'>, challenge: Pick<Challenge, 'phase' | 'phases' | 'votes_per_person' | 'my_votes_used'> | null): VoteState {
  if (!challenge) return { can: true, left: null };
  if (!phaseAllows(challenge.phase, 'vote')) return { can: false, why: 'phase', opens: opensOn(challenge.phases, challenge.phase, 'vote') };
  const left = votesLeft(challenge);
  if (!idea.my_vote && left === 0) return { can: false, why: 'budget', left: 0 };
  return { can: true, left };
}

// ---- comments --------------------------------------------------------------------------------

export interface Thread {
  comment: Comment;
  replies: Thread[];
}

/**
 * Comments (oldest first) as threads. A reply whose parent is not in the list (hidden from the
 * reader) starts a thread of its own, so nobody loses an answer.
 */
export function buildThreads(comments: readonly Comment[]): Thread[] {
  const nodes = new Map<number, Thread>(comments.map((c) => [c.id, { comment: c, replies: [] }]));
  const roots: Thread[] = [];
  for (const c of comments) {
    const node = nodes.get(c.id)!;
    const parent = c.parent_id === null ? undefined : nodes.get(c.parent_id);
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

// ---- who may do what -------------------------------------------------------------------------

/** Innovation managers and administrators manage and moderate in every space. */
export const isManager = (role: Role): boolean => role === 'admin' || role === 'innovation_manager';

export function spaceRoleOf(me: MeAnswer, spaceId: number): MeAnswer['spaces'][number]['my_role'] {
  return me.spaces.find((s) => s.id === spaceId)?.my_role ?? null;
}

/** Creating and editing challenges: managers, and internal owners of the space. */
export function canManageChallenges(me: MeAnswer, spaceId: number): boolean {
  const { role } = me.user;
  return isInternal(role) && (isManager(role) || spaceRoleOf(me, spaceId) === 'owner');
}

/** Whether the reader may create a challenge in at least one space. */
export function canCreateChallenges(me: MeAnswer): boolean {
  const { role } = me.user;
  return isInternal(role) && (isManager(role) || me.spaces.some((s) => s.my_role === 'owner'));
}

/** Moderating (hide, edit, restore, merge, status, reports): managers, internal owners and moderators of the space. */
export function canModerate(me: MeAnswer, spaceId: number): boolean {
  const { role } = me.user;
  if (!isInternal(role)) return false;
  const spaceRole = spaceRoleOf(me, spaceId);
  return isManager(role) || spaceRole === 'owner' || spaceRole === 'moderator';
}

/** Whether the reader moderates any space (and so has a report queue). */
export function moderatesAnywhere(me: MeAnswer): boolean {
  const { role } = me.user;
  return isInternal(role) && (isManager(role) || me.spaces.some((s) => s.my_role === 'owner' || s.my_role === 'moderator'));
}

/** Guests of a space only read. */
export function canParticipate(me: MeAnswer, spaceId: number): boolean {
  return isInternal(me.user.role) || (spaceRoleOf(me, spaceId) ?? 'guest') !== 'guest';
}

export function isAuthorOf(idea: Pick<Idea, 'authors'>, userId: number): boolean {
  return idea.authors.some((a) => a.id === userId);
}

// ---- small helpers ---------------------------------------------------------------------------

/** What the similar-ideas search compares: title and description, within the API's 500 characters. */
export function similarText(title: string, description: string): string {
  return [title.trim(), description.trim()].filter(Boolean).join('\n').slice(0, 500).trim();
}

const byteUnits = ['B', 'KB', 'MB'] as const;
/** "2.4 MB" for a file size. */
export function formatBytes(size: number): string {
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value)} ${byteUnits[unit]}`;
}

/** The API's upload limit: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10_485_760;
export const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];

/** A positive integer id from a URL parameter, or undefined. */
export function parseId(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** Tags as the API stores them: trimmed, lower-case, without duplicates. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

/** Problem field errors keyed by their full field name ("criteria[1].key"), first detail wins, capitalised. */
export function fieldErrorsByPath(errors: readonly { field: string; detail: string }[] | undefined, fallback: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    if (!e.field) continue;
    const detail = e.detail || fallback;
    out[e.field] ??= detail.charAt(0).toUpperCase() + detail.slice(1);
  }
  return out;
}

/**
 * The phase dates that are missing or do not come strictly after the one before (the API's rule),
 * as "phases.<date>" → which problem. Empty when all five follow each other.
 */
export function phaseDateProblems(phases: Record<PhaseDate, string>): Partial<Record<PhaseDate, 'missing' | 'order'>> {
  const out: Partial<Record<PhaseDate, 'missing' | 'order'>> = {};
  let previous = '';
  for (const date of PHASE_DATES) {
    const value = phases[date];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) out[date] = 'missing';
    else if (previous && value <= previous) out[date] = 'order';
    if (value) previous = value > previous ? value : previous;
  }
  return out;
}

/** A criterion key not yet in `taken`: c1, c2, … */
export function nextCriterionKey(taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`c${n}`)) return `c${n}`;
}
