// Shapes of the stakeholders API (docs/api-stakeholders.md), derived from the generated schema
// by route like api/types.ts does. The vocabularies are spelled out as arrays (their order
// matters: the ladder, the value chain) and checked against the schema with `satisfies`.
import type { ClientPaths } from '../../api/client';
import type { Answer, Body } from '../../api/types';

type Item<L> = L extends { items: (infer I)[] } ? I : never;
type Full<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

// Internal callers get every field; the schema marks most optional because external participants
// see a public view. These pages are for internal staff only (routes.tsx), hence `Full`.
/** A stakeholder in full (internal view). */
export type Stakeholder = Full<Answer<'/api/v1/stakeholders/{id}', 'get'>>;
/** A stakeholder as lists carry it (internal view). */
export type StakeholderListItem = Full<Item<Answer<'/api/v1/stakeholders', 'get'>>>;
export type StakeholderCreate = Body<'/api/v1/stakeholders', 'post'>;
export type StakeholderUpdate = Body<'/api/v1/stakeholders/{id}', 'patch'>;
export type Need = Item<Answer<'/api/v1/stakeholders/{id}/needs', 'get'>>;
export type NeedWrite = Body<'/api/v1/stakeholders/{id}/needs', 'post'>;
export type NeedUpdate = Body<'/api/v1/needs/{id}', 'patch'>;
export type LevelChange = Body<'/api/v1/stakeholders/{id}/level', 'post'>;
export type EmotionCreate = Body<'/api/v1/stakeholders/{id}/emotions', 'post'>;
export type StakeholderMap = Answer<'/api/v1/stakeholders/map', 'get'>;
export type MapNode = StakeholderMap['nodes'][number];
export type MapEdge = StakeholderMap['edges'][number];
export type ImportBody = Body<'/api/v1/stakeholders/import', 'post'>;
export type ImportPreview = Answer<'/api/v1/stakeholders/import/preview', 'post'>;
export type ImportResult = Answer<'/api/v1/stakeholders/import', 'post'>;
export type ImportMapping = ImportPreview['mapping'];
export type RowError = ImportPreview['errors'][number];
export type OnDuplicate = NonNullable<ImportBody['on_duplicate']>;
export type RawTimelineItem = Item<Answer<'/api/v1/stakeholders/{id}/timeline', 'get'>>;
export type ListQuery = NonNullable<NonNullable<ClientPaths['/api/v1/stakeholders']['get']['parameters']>['query']>;

export type StakeholderType = Stakeholder['type'];
export type Kind = Stakeholder['kind'];
export type GatekeeperArea = NonNullable<Stakeholder['gatekeeper_area']>;
export type Size = NonNullable<Stakeholder['size']>;
export type Level = Stakeholder['level'];
export type Driver = Stakeholder['value_drivers'][number]['driver'];
export type ResourceKind = Stakeholder['resources'][number]['kind'];
export type ValueChainStep = Stakeholder['value_chain'][number];
export type RelationKind = Stakeholder['relations'][number]['kind'];
export type NeedKind = Need['kind'];
export type NeedStatus = Need['status'];
export type EmotionSource = NonNullable<RawTimelineItem['source']>;
export type EmotionState = NonNullable<Stakeholder['emotion']>['state'];
export type Sort = NonNullable<ListQuery['sort']>;
export type Link = Stakeholder['links'][number];
export type UserRef = NonNullable<Stakeholder['owner']>;

export const STAKEHOLDER_TYPES = ['organisation', 'person'] as const satisfies readonly StakeholderType[];
export const KINDS = [
  'customer',
  'prospect',
  'partner',
  'supplier',
  'regulator',
  'ngo',
  'academia',
  'internal_gatekeeper',
  'internal_team',
  'other',
] as const satisfies readonly Kind[];
export const GATEKEEPER_AREAS = [
  'legal',
  'tax',
  'hr',
  'procurement',
  'finance',
  'security',
  'compliance',
  'other',
] as const satisfies readonly GatekeeperArea[];
export const SIZES = ['micro', 'small', 'medium', 'large', 'enterprise'] as const satisfies readonly Size[];
/** The engagement ladder, lowest first. */
export const LEVELS = ['unaware', 'aware', 'interested', 'engaged', 'co_creating', 'advocate'] as const satisfies readonly Level[];
export const DRIVERS = ['revenue', 'cost', 'recognition', 'compliance', 'sustainability', 'learning', 'other'] as const satisfies readonly Driver[];
export const RESOURCE_KINDS = [
  'data',
  'expertise',
  'test_sites',
  'distribution',
  'funding',
  'users',
  'technology',
  'network',
  'other',
] as const satisfies readonly ResourceKind[];
export const VALUE_CHAIN = ['sourcing', 'rnd', 'production', 'logistics', 'sales', 'service', 'end_use'] as const satisfies readonly ValueChainStep[];
export const RELATION_KINDS = [
  'supplies',
  'partners_with',
  'regulates',
  'invests_in',
  'influences',
  'competes_with',
  'other',
] as const satisfies readonly RelationKind[];
export const NEED_KINDS = ['need', 'pain'] as const satisfies readonly NeedKind[];
export const NEED_STATUSES = ['open', 'addressed', 'dropped'] as const satisfies readonly NeedStatus[];
export const EMOTION_SOURCES = ['interaction', 'observation', 'survey', 'other'] as const satisfies readonly EmotionSource[];
export const SORTS = ['name', '-updated', '-last_contact', '-level'] as const satisfies readonly Sort[];

interface TimelineBase {
  id: number;
  at: string;
}
/**
 * A timeline entry narrowed by `kind` (the schema has one flat object whose fields depend on
 * `kind`; queries.ts hands out this view of it).
 */
export type TimelineItem =
  | (TimelineBase & {
      kind: 'interaction';
      title: string;
      type: string;
      mode: string;
      status: string;
      interest: string | null;
      interest_topic: string | null;
    })
  | (TimelineBase & { kind: 'follow_up'; title: string; status: string; due_on: string; owner: UserRef | null })
  | (TimelineBase & { kind: 'level'; level: Level; previous: Level | null; note: string | null; by: UserRef | null })
  | (TimelineBase & {
      kind: 'emotion';
      valence: number;
      intensity: number;
      state: EmotionState;
      source: EmotionSource | null;
      note: string | null;
      by: UserRef | null;
    })
  | (TimelineBase & { kind: 'need'; need_kind: NeedKind; title: string; status: NeedStatus })
  | (TimelineBase & { kind: 'expectation'; direction: string; description: string; status: string; due_on: string | null });

/** The fields a CSV column can be mapped to, in the order the wizard shows them. */
export const IMPORT_FIELDS = [
  'name',
  'type',
  'kind',
  'email',
  'domain',
  'industry',
  'region',
  'size',
  'tags',
  'internal',
  'level',
  'organisation',
  'title',
  'notes',
] as const satisfies readonly (keyof ImportMapping)[];
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Filters of the list (and of export). */
export type StakeholderFilters = Omit<ListQuery, 'after' | 'limit'>;
