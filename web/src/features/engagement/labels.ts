// Words for the engagement vocabulary, and the small pure rules the pages share.
import { t, tp, type MessageKey } from '../../messages';
import type {
  CadenceInterval,
  ExpectationDirection,
  ExpectationStatus,
  FollowUpStatus,
  InteractionMode,
  InteractionStatus,
  InteractionType,
  Interest,
} from './types';

// Keys are spelled out so that a missing message is a compile error.
const typeKeys: Record<InteractionType, MessageKey> = {
  call: 'engagement.type.call',
  video_call: 'engagement.type.video_call',
  meeting: 'engagement.type.meeting',
  visit: 'engagement.type.visit',
  workshop: 'engagement.type.workshop',
  email: 'engagement.type.email',
  event: 'engagement.type.event',
  other: 'engagement.type.other',
};
const modeKeys: Record<InteractionMode, MessageKey> = {
  remote: 'engagement.mode.remote',
  in_person: 'engagement.mode.in_person',
};
const statusKeys: Record<InteractionStatus, MessageKey> = {
  planned: 'engagement.status.planned',
  held: 'engagement.status.held',
  cancelled: 'engagement.status.cancelled',
};
const interestKeys: Record<Interest, MessageKey> = {
  none: 'engagement.interest.none',
  curious: 'engagement.interest.curious',
  interested: 'engagement.interest.interested',
  committed: 'engagement.interest.committed',
};
const followUpStatusKeys: Record<FollowUpStatus, MessageKey> = {
  open: 'engagement.followUpStatus.open',
  done: 'engagement.followUpStatus.done',
  cancelled: 'engagement.followUpStatus.cancelled',
};
const intervalKeys: Record<Exclude<CadenceInterval, 'custom'>, MessageKey> = {
  weekly: 'engagement.interval.weekly',
  biweekly: 'engagement.interval.biweekly',
  monthly: 'engagement.interval.monthly',
  quarterly: 'engagement.interval.quarterly',
};
const directionKeys: Record<ExpectationDirection, MessageKey> = {
  we_promised: 'engagement.direction.we_promised',
  they_expect: 'engagement.direction.they_expect',
};
const expectationStatusKeys: Record<ExpectationStatus, MessageKey> = {
  open: 'engagement.expectationStatus.open',
  met: 'engagement.expectationStatus.met',
  missed: 'engagement.expectationStatus.missed',
  dropped: 'engagement.expectationStatus.dropped',
};
const valenceKeys: Record<string, MessageKey> = {
  '-2': 'engagement.valence.-2',
  '-1': 'engagement.valence.-1',
  '0': 'engagement.valence.0',
  '1': 'engagement.valence.1',
  '2': 'engagement.valence.2',
};
const intensityKeys: Record<string, MessageKey> = {
  '0': 'engagement.intensity.0',
  '1': 'engagement.intensity.1',
  '2': 'engagement.intensity.2',
  '3': 'engagement.intensity.3',
};

export const interactionTypeLabel = (v: InteractionType) => t(typeKeys[v]);
export const interactionModeLabel = (v: InteractionMode) => t(modeKeys[v]);
export const interactionStatusLabel = (v: InteractionStatus) => t(statusKeys[v]);
export const interestLabel = (v: Interest) => t(interestKeys[v]);
export const followUpStatusLabel = (v: FollowUpStatus) => t(followUpStatusKeys[v]);
export const directionLabel = (v: ExpectationDirection) => t(directionKeys[v]);
export const expectationStatusLabel = (v: ExpectationStatus) => t(expectationStatusKeys[v]);

/** "Very negative" … "Very positive" for valence −2..+2. */
export function valenceLabel(valence: number): string {
  const key = valenceKeys[String(valence)];
  return key ? t(key) : String(valence);
}

/** "Indifferent", "Mild", "Strong", "Intense" for intensity 0..3. */
export function intensityLabel(intensity: number): string {
  const key = intensityKeys[String(intensity)];
  return key ? t(key) : String(intensity);
}

/** An emotion in words: intensity 0 is "Indifferent" whatever the valence; else "Strong · Positive". */
export function emotionLabel(valence: number | null | undefined, intensity: number | null | undefined): string | null {
  if (valence == null || intensity == null) return null;
  if (intensity === 0) return intensityLabel(0);
  return t('engagement.emotion.words', { intensity: intensityLabel(intensity).toLowerCase(), valence: valenceLabel(valence) });
}

/** "Weekly", "Every 2 weeks", "Monthly", "Quarterly", "Every 10 days". */
export function intervalLabel(interval: CadenceInterval, everyDays?: number | null): string {
  if (interval === 'custom') return tp('engagement.interval.everyDays', everyDays ?? 0);
  return t(intervalKeys[interval]);
}

export const interestColor: Record<Interest, string> = { none: 'gray', curious: 'blue', interested: 'teal', committed: 'green' };
export const interactionStatusColor: Record<InteractionStatus, string> = { planned: 'blue', held: 'teal', cancelled: 'gray' };
export const expectationStatusColor: Record<ExpectationStatus, string> = { open: 'blue', met: 'teal', missed: 'red', dropped: 'gray' };

/** Today as YYYY-MM-DD in UTC: the server decides "overdue" by the UTC calendar day. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}

export type DueTone = 'overdue' | 'today' | 'soon' | 'later' | 'closed';

export interface DueState {
  tone: DueTone;
  /** "Overdue by 3 days", "Due today", "Due tomorrow", "Due in 5 days". */
  label: string;
}

/**
 * How a due date reads for something that may still be open: overdue when it is open and its
 * day is before today (the server's rule, which also sends `overdue`), due soon within 2 days.
 */
export function dueState(dueOn: string, open: boolean, today: string = utcToday(), overdue?: boolean): DueState {
  const days = daysBetween(today, dueOn);
  if (!open) return { tone: 'closed', label: '' };
  if (overdue || days < 0) return { tone: 'overdue', label: tp('engagement.due.overdueBy', Math.max(1, -days)) };
  if (days === 0) return { tone: 'today', label: t('engagement.due.today') };
  if (days === 1) return { tone: 'soon', label: t('engagement.due.tomorrow') };
  return { tone: days <= 2 ? 'soon' : 'later', label: tp('engagement.due.inDays', days) };
}

export const dueColor: Record<DueTone, string> = { overdue: 'red', today: 'orange', soon: 'yellow', later: 'gray', closed: 'gray' };

/** An ISO time as the value of <input type="datetime-local"> in the reader's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of <input type="datetime-local"> (local time) as RFC 3339 UTC; undefined if empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** A positive integer id from a URL parameter, or undefined. */
export function parseId(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** A user filter from the URL as the API takes it: "me" or an id; undefined for anything else. */
export function userIdOrMe(value: string | null | undefined): string | undefined {
  if (value === 'me') return 'me';
  const id = parseId(value);
  return id === undefined ? undefined : String(id);
}

/** "1 h 30 min", "45 min" for a duration in minutes. */
export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('engagement.duration.minutes', { m });
  if (m === 0) return t('engagement.duration.hours', { h });
  return t('engagement.duration.hoursMinutes', { h, m });
}

/** Hours with at most one decimal, in the reader's locale. */
export function hoursLabel(hours: number): string {
  return t('engagement.hours', { h: new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(hours) });
}

/**
 * Problem field names under `prefix` ("stakeholders[0].valence") with their details, so that a
 * form with rows can put each message at the row's own control.
 */
export function nestedFieldErrors(errors: readonly { field: string; detail: string }[], prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    if (!e.field.startsWith(`${prefix}[`)) continue;
    const detail = e.detail || t('problem.field_invalid');
    out[e.field] ??= detail.charAt(0).toUpperCase() + detail.slice(1);
  }
  return out;
}
