// The create/edit form's values and how they become a write body (pure, so it is tested).
import type {
  Driver,
  GatekeeperArea,
  Kind,
  Level,
  Link,
  RelationKind,
  ResourceKind,
  Size,
  Stakeholder,
  StakeholderCreate,
  StakeholderType,
  StakeholderUpdate,
  ValueChainStep,
} from './types';

export type FormValues = {
  type: StakeholderType;
  name: string;
  kind: Kind;
  internal: boolean;
  gatekeeper_area: GatekeeperArea | '';
  industry: string;
  region: string;
  size: Size | '';
  email: string;
  domain: string;
  tags: string[];
  links: Link[];
  value_chain: ValueChainStep[];
  value_drivers: { driver: Driver; weight: number; note: string }[];
  resources: { kind: ResourceKind; note: string }[];
  notes: string;
  /** '' = nobody, else a user id. */
  owner_id: string;
  team: { user_id: number; display_name: string; role: string }[];
  /** The other side: an organisation on a person, a person on an organisation. */
  affiliations: { id: number; name: string; title: string; role: string }[];
  relations: { to_id: number; to_name: string; kind: RelationKind }[];
  space_ids: string[];
  /** Only on create; later through the level route. */
  level: Level;
};

export function emptyValues(ownerId: number | null, type: StakeholderType = 'organisation'): FormValues {
  return {
    type,
    name: '',
    kind: 'customer',
    internal: false,
    gatekeeper_area: '',
    industry: '',
    region: '',
    size: '',
    email: '',
    domain: '',
    tags: [],
    links: [],
    value_chain: [],
    value_drivers: [],
    resources: [],
    notes: '',
    owner_id: ownerId ? String(ownerId) : '',
    team: [],
    affiliations: [],
    relations: [],
    space_ids: [],
    level: 'unaware',
  };
}

export function valuesFromStakeholder(s: Stakeholder): FormValues {
  return {
    type: s.type,
    name: s.name,
    kind: s.kind,
    internal: s.internal,
    gatekeeper_area: s.gatekeeper_area ?? '',
    industry: s.industry ?? '',
    region: s.region ?? '',
    size: s.size ?? '',
    email: s.email ?? '',
    domain: s.domain ?? '',
    tags: [...s.tags],
    links: s.links.map((l) => ({ ...l })),
    value_chain: [...s.value_chain],
    value_drivers: s.value_drivers.map((d) => ({ driver: d.driver, weight: d.weight, note: d.note ?? '' })),
    resources: s.resources.map((r) => ({ kind: r.kind, note: r.note ?? '' })),
    notes: s.notes ?? '',
    owner_id: s.owner ? String(s.owner.id) : '',
    team: s.team.map((m) => ({ ...m })),
    affiliations: s.affiliations.map((a) =>
      s.type === 'person'
        ? { id: a.organisation_id, name: a.organisation_name, title: a.title ?? '', role: a.role ?? '' }
        : { id: a.person_id, name: a.person_name, title: a.title ?? '', role: a.role ?? '' },
    ),
    relations: s.relations.filter((r) => r.from_id === s.id).map((r) => ({ to_id: r.to_id, to_name: r.to_name, kind: r.kind })),
    space_ids: s.space_ids.map(String),
    level: s.level,
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The fields POST and PATCH share. */
function common(values: FormValues) {
  const person = values.type === 'person';
  return {
    name: values.name.trim(),
    kind: values.kind,
    internal: values.internal,
    gatekeeper_area: values.kind === 'internal_gatekeeper' && values.gatekeeper_area ? values.gatekeeper_area : null,
    industry: orNull(values.industry),
    region: orNull(values.region),
    size: values.size || null,
    email: person ? orNull(values.email) : null,
    domain: person ? null : orNull(values.domain),
    tags: [...new Set(values.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))],
    links: values.links.map((l) => ({ label: l.label.trim(), url: l.url.trim() })),
    value_chain: values.value_chain,
    value_drivers: values.value_drivers.map((d) => ({ driver: d.driver, weight: Math.round(d.weight), note: orNull(d.note) })),
    resources: values.resources.map((r) => ({ kind: r.kind, note: orNull(r.note) })),
    notes: values.notes,
    team: values.team.map((m) => ({ user_id: m.user_id, role: m.role.trim() })),
    affiliations: values.affiliations.map((a) =>
      person
        ? { organisation_id: a.id, title: orNull(a.title), role: orNull(a.role) }
        : { person_id: a.id, title: orNull(a.title), role: orNull(a.role) },
    ),
    relations: values.relations.map((r) => ({ to_id: r.to_id, kind: r.kind })),
    space_ids: values.space_ids.map(Number),
  } satisfies StakeholderUpdate;
}

/** The POST body for `values`: everything, with the type and the starting level. */
export function toCreateBody(values: FormValues): StakeholderCreate {
  return { ...common(values), type: values.type, level: values.level, owner_id: values.owner_id ? Number(values.owner_id) : null };
}

/**
 * The PATCH body for `values` edited from `existing`: carries `version` (a concurrent change
 * answers 409) and leaves `owner_id` out unless it changed (changing the owner needs more
 * rights than editing).
 */
export function toUpdateBody(values: FormValues, existing: Stakeholder): StakeholderUpdate {
  const body: StakeholderUpdate = { ...common(values), version: existing.version };
  const ownerId = values.owner_id ? Number(values.owner_id) : null;
  if (ownerId !== (existing.owner?.id ?? null)) body.owner_id = ownerId;
  return body;
}

/** Checks worth doing before asking the server; field → message key suffix. */
export function localErrors(values: FormValues): Partial<Record<keyof FormValues, 'required' | 'url' | 'role' | 'linkLabel'>> {
  const errors: Partial<Record<keyof FormValues, 'required' | 'url' | 'role' | 'linkLabel'>> = {};
  if (!values.name.trim()) errors.name = 'required';
  if (values.links.some((l) => !/^https?:\/\/\S+$/i.test(l.url.trim()))) errors.links = 'url';
  else if (values.links.some((l) => !l.label.trim())) errors.links = 'linkLabel';
  if (values.team.some((m) => !m.role.trim())) errors.team = 'role';
  return errors;
}
