// Words, colours and icons for the stakeholders vocabulary (docs/api-stakeholders.md).
// Keys are spelled out so that a missing message is a compile error.
import { t, type MessageKey } from '../../messages';
import {
  LEVELS,
  type Driver,
  type EmotionSource,
  type EmotionState,
  type GatekeeperArea,
  type Kind,
  type Level,
  type NeedKind,
  type NeedStatus,
  type RelationKind,
  type ResourceKind,
  type Size,
  type Sort,
  type StakeholderType,
  type ValueChainStep,
} from './types';

const typeKeys: Record<StakeholderType, MessageKey> = {
  organisation: 'stakeholders.type.organisation',
  person: 'stakeholders.type.person',
};
const kindKeys: Record<Kind, MessageKey> = {
  customer: 'stakeholders.kind.customer',
  prospect: 'stakeholders.kind.prospect',
  partner: 'stakeholders.kind.partner',
  supplier: 'stakeholders.kind.supplier',
  regulator: 'stakeholders.kind.regulator',
  ngo: 'stakeholders.kind.ngo',
  academia: 'stakeholders.kind.academia',
  internal_gatekeeper: 'stakeholders.kind.internal_gatekeeper',
  internal_team: 'stakeholders.kind.internal_team',
  other: 'stakeholders.kind.other',
};
const gatekeeperKeys: Record<GatekeeperArea, MessageKey> = {
  legal: 'stakeholders.gatekeeper.legal',
  tax: 'stakeholders.gatekeeper.tax',
  hr: 'stakeholders.gatekeeper.hr',
  procurement: 'stakeholders.gatekeeper.procurement',
  finance: 'stakeholders.gatekeeper.finance',
  security: 'stakeholders.gatekeeper.security',
  compliance: 'stakeholders.gatekeeper.compliance',
  other: 'stakeholders.gatekeeper.other',
};
const sizeKeys: Record<Size, MessageKey> = {
  micro: 'stakeholders.size.micro',
  small: 'stakeholders.size.small',
  medium: 'stakeholders.size.medium',
  large: 'stakeholders.size.large',
  enterprise: 'stakeholders.size.enterprise',
};
const levelKeys: Record<Level, MessageKey> = {
  unaware: 'stakeholders.level.unaware',
  aware: 'stakeholders.level.aware',
  interested: 'stakeholders.level.interested',
  engaged: 'stakeholders.level.engaged',
  co_creating: 'stakeholders.level.co_creating',
  advocate: 'stakeholders.level.advocate',
};
const driverKeys: Record<Driver, MessageKey> = {
  revenue: 'stakeholders.driver.revenue',
  cost: 'stakeholders.driver.cost',
  recognition: 'stakeholders.driver.recognition',
  compliance: 'stakeholders.driver.compliance',
  sustainability: 'stakeholders.driver.sustainability',
  learning: 'stakeholders.driver.learning',
  other: 'stakeholders.driver.other',
};
const resourceKeys: Record<ResourceKind, MessageKey> = {
  data: 'stakeholders.resource.data',
  expertise: 'stakeholders.resource.expertise',
  test_sites: 'stakeholders.resource.test_sites',
  distribution: 'stakeholders.resource.distribution',
  funding: 'stakeholders.resource.funding',
  users: 'stakeholders.resource.users',
  technology: 'stakeholders.resource.technology',
  network: 'stakeholders.resource.network',
  other: 'stakeholders.resource.other',
};
const valueChainKeys: Record<ValueChainStep, MessageKey> = {
  sourcing: 'stakeholders.valueChain.sourcing',
  rnd: 'stakeholders.valueChain.rnd',
  production: 'stakeholders.valueChain.production',
  logistics: 'stakeholders.valueChain.logistics',
  sales: 'stakeholders.valueChain.sales',
  service: 'stakeholders.valueChain.service',
  end_use: 'stakeholders.valueChain.end_use',
};
const relationKeys: Record<RelationKind, MessageKey> = {
  supplies: 'stakeholders.relation.supplies',
  partners_with: 'stakeholders.relation.partners_with',
  regulates: 'stakeholders.relation.regulates',
  invests_in: 'stakeholders.relation.invests_in',
  influences: 'stakeholders.relation.influences',
  competes_with: 'stakeholders.relation.competes_with',
  other: 'stakeholders.relation.other',
};
const needKindKeys: Record<NeedKind, MessageKey> = { need: 'stakeholders.needKind.need', pain: 'stakeholders.needKind.pain' };
const needStatusKeys: Record<NeedStatus, MessageKey> = {
  open: 'stakeholders.needStatus.open',
  addressed: 'stakeholders.needStatus.addressed',
  dropped: 'stakeholders.needStatus.dropped',
};
const sourceKeys: Record<EmotionSource, MessageKey> = {
  interaction: 'stakeholders.emotionSource.interaction',
  observation: 'stakeholders.emotionSource.observation',
  survey: 'stakeholders.emotionSource.survey',
  other: 'stakeholders.emotionSource.other',
};
const stateKeys: Record<EmotionState, MessageKey> = {
  indifferent: 'stakeholders.emotionState.indifferent',
  negative: 'stakeholders.emotionState.negative',
  neutral: 'stakeholders.emotionState.neutral',
  positive: 'stakeholders.emotionState.positive',
};
const sortKeys: Record<Sort, MessageKey> = {
  name: 'stakeholders.sort.name',
  '-updated': 'stakeholders.sort.updated',
  '-last_contact': 'stakeholders.sort.lastContact',
  '-level': 'stakeholders.sort.level',
};
/** Valence −2..+2, indexed by valence + 2. */
const valenceKeys: MessageKey[] = [
  'stakeholders.valence.veryNegative',
  'stakeholders.valence.negative',
  'stakeholders.valence.neutral',
  'stakeholders.valence.positive',
  'stakeholders.valence.veryPositive',
];
/** Intensity 0..3. */
const intensityKeys: MessageKey[] = [
  'stakeholders.intensity.indifferent',
  'stakeholders.intensity.mild',
  'stakeholders.intensity.strong',
  'stakeholders.intensity.intense',
];

export const typeLabel = (v: StakeholderType) => t(typeKeys[v]);
export const kindLabel = (v: Kind) => t(kindKeys[v]);
export const gatekeeperLabel = (v: GatekeeperArea) => t(gatekeeperKeys[v]);
export const sizeLabel = (v: Size) => t(sizeKeys[v]);
export const levelLabel = (v: Level) => t(levelKeys[v]);
export const driverLabel = (v: Driver) => t(driverKeys[v]);
export const resourceLabel = (v: ResourceKind) => t(resourceKeys[v]);
export const valueChainLabel = (v: ValueChainStep) => t(valueChainKeys[v]);
export const relationLabel = (v: RelationKind) => t(relationKeys[v]);
export const needKindLabel = (v: NeedKind) => t(needKindKeys[v]);
export const needStatusLabel = (v: NeedStatus) => t(needStatusKeys[v]);
export const emotionSourceLabel = (v: EmotionSource) => t(sourceKeys[v]);
export const emotionStateLabel = (v: EmotionState) => t(stateKeys[v]);
export const sortLabel = (v: Sort) => t(sortKeys[v]);

/** Select options for a vocabulary: [{value, label}] in the contract's order. */
export function options<T extends string>(values: readonly T[], label: (v: T) => string): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: label(value) }));
}

/** 1-based position of a level on the ladder (unaware = 1, advocate = 6). */
export function levelStep(level: Level): number {
  return LEVELS.indexOf(level) + 1;
}

/** Negative when `a` is lower on the ladder than `b`; for sorting. */
export function compareLevels(a: Level, b: Level): number {
  return LEVELS.indexOf(a) - LEVELS.indexOf(b);
}

/** "3/6 · Interested" — the ladder step in numbers and words. */
export function levelWithStep(level: Level): string {
  return t('stakeholders.levelStep', { step: levelStep(level), total: LEVELS.length, level: levelLabel(level) });
}

export const levelColor: Record<Level, string> = {
  unaware: 'gray',
  aware: 'indigo',
  interested: 'blue',
  engaged: 'cyan',
  co_creating: 'teal',
  advocate: 'green',
};

/** The word for a valence −2..+2 ("Very negative" … "Very positive"). */
export function valenceWord(valence: number): string {
  const key = valenceKeys[Math.max(-2, Math.min(2, Math.round(valence))) + 2];
  return key ? t(key) : '';
}

/** The word for an intensity 0..3 ("Indifferent", "Mild", "Strong", "Intense"). */
export function intensityWord(intensity: number): string {
  const key = intensityKeys[Math.max(0, Math.min(3, Math.round(intensity)))];
  return key ? t(key) : '';
}

/** The computed emotion state, as the server derives it (intensity 0 wins over valence). */
export function emotionState(valence: number, intensity: number): EmotionState {
  if (intensity === 0) return 'indifferent';
  if (valence < 0) return 'negative';
  if (valence > 0) return 'positive';
  return 'neutral';
}

/** One phrase for an emotion: "Indifferent", or "Very positive, strong". */
export function emotionWord(valence: number, intensity: number): string {
  if (intensity === 0) return intensityWord(0);
  return t('stakeholders.emotionPhrase', { valence: valenceWord(valence), intensity: intensityWord(intensity).toLowerCase() });
}

export const emotionColor: Record<EmotionState, string> = {
  indifferent: 'gray',
  negative: 'red',
  neutral: 'blue',
  positive: 'teal',
};

/** Map colours by kind (hex: the canvas cannot read CSS variables); also used by the legend. */
export const kindColor: Record<Kind, string> = {
  customer: '#1c7ed6',
  prospect: '#74c0fc',
  partner: '#0ca678',
  supplier: '#f08c00',
  regulator: '#e03131',
  ngo: '#ae3ec9',
  academia: '#7048e8',
  internal_gatekeeper: '#495057',
  internal_team: '#868e96',
  other: '#c2255c',
};

// Engagement words the timeline uses (the engagement module has its own copies for its pages).
const interactionTypeKeys: Record<string, MessageKey> = {
  call: 'stakeholders.interactionType.call',
  video_call: 'stakeholders.interactionType.video_call',
  meeting: 'stakeholders.interactionType.meeting',
  visit: 'stakeholders.interactionType.visit',
  workshop: 'stakeholders.interactionType.workshop',
  email: 'stakeholders.interactionType.email',
  event: 'stakeholders.interactionType.event',
  other: 'stakeholders.interactionType.other',
};
const statusKeys: Record<string, MessageKey> = {
  planned: 'stakeholders.status.planned',
  held: 'stakeholders.status.held',
  cancelled: 'stakeholders.status.cancelled',
  open: 'stakeholders.status.open',
  done: 'stakeholders.status.done',
  met: 'stakeholders.status.met',
  missed: 'stakeholders.status.missed',
  dropped: 'stakeholders.status.dropped',
  addressed: 'stakeholders.status.addressed',
};
const directionKeys: Record<string, MessageKey> = {
  we_promised: 'stakeholders.direction.we_promised',
  they_expect: 'stakeholders.direction.they_expect',
};
const interestKeys: Record<string, MessageKey> = {
  none: 'stakeholders.interest.none',
  curious: 'stakeholders.interest.curious',
  interested: 'stakeholders.interest.interested',
  committed: 'stakeholders.interest.committed',
};
/** The word for a server value, or the value itself when this version of the app has none. */
const lookup = (keys: Record<string, MessageKey>, value: string) => {
  const key = keys[value];
  return key ? t(key) : value;
};
export const interactionTypeLabel = (v: string) => lookup(interactionTypeKeys, v);
export const statusLabel = (v: string) => lookup(statusKeys, v);
export const directionLabel = (v: string) => lookup(directionKeys, v);
export const interestLabel = (v: string) => lookup(interestKeys, v);
