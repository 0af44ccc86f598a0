// API hooks of the engagement module. Every query key starts with 'engagement' so that one
// invalidation after a write refreshes lists, the attention view, capacity and home panels.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { usePagedList } from '../admin/queries';
import type {
  Cadence,
  CadenceWrite,
  CapacityPerson,
  Expectation,
  ExpectationStatus,
  ExpectationWrite,
  FollowUp,
  FollowUpStatus,
  FollowUpWrite,
  Interaction,
  InteractionStatus,
  InteractionType,
  InteractionWrite,
} from './types';

export const engagementKey = ['engagement'] as const;

/** Refreshes everything the module shows (and stakeholder pages, whose timelines include our writes). */
export function useInvalidateEngagement() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: engagementKey }),
      client.invalidateQueries({ queryKey: ['stakeholders'] }),
    ]);
}

type Paging = { after?: string; limit: number };
const paging = (after: string | undefined, limit = 50): Paging => ({ limit, ...(after ? { after } : {}) });

/** Filters of the interaction list (as the API names them). */
export interface InteractionFilters {
  stakeholder_id?: number;
  participant_id?: string;
  type?: InteractionType;
  status?: InteractionStatus;
  from?: string;
  to?: string;
}
export interface FollowUpFilters {
  owner_id?: string;
  status?: FollowUpStatus;
  stakeholder_id?: number;
  overdue?: boolean;
}
export interface CadenceFilters {
  stakeholder_id?: number;
  owner_id?: string;
  overdue?: boolean;
}
export interface ExpectationFilters {
  stakeholder_id?: number;
  status?: ExpectationStatus;
}

// Interactions

export function useInteractionList(query: InteractionFilters) {
  return usePagedList([...engagementKey, 'interactions', 'list', query], (after) =>
    call(api.GET('/api/v1/interactions', { params: { query: { ...query, ...paging(after) } } })),
  );
}

export function useInteraction(id: number | undefined) {
  return useQuery({
    queryKey: [...engagementKey, 'interactions', id],
    queryFn: () => call(api.GET('/api/v1/interactions/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function saveInteraction(id: number | undefined, body: InteractionWrite): Promise<Interaction> {
  return id === undefined
    ? call(api.POST('/api/v1/interactions', { body }))
    : call(api.PATCH('/api/v1/interactions/{id}', { params: { path: { id } }, body }));
}

export function deleteInteraction(id: number): Promise<unknown> {
  return call(api.DELETE('/api/v1/interactions/{id}', { params: { path: { id } } }));
}

// Follow-ups

export function useFollowUpList(query: FollowUpFilters) {
  return usePagedList([...engagementKey, 'follow-ups', 'list', query], (after) =>
    call(api.GET('/api/v1/follow-ups', { params: { query: { ...query, ...paging(after) } } })),
  );
}

export function useFollowUp(id: number | undefined) {
  return useQuery({
    queryKey: [...engagementKey, 'follow-ups', id],
    queryFn: () => call(api.GET('/api/v1/follow-ups/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function saveFollowUp(id: number | undefined, body: FollowUpWrite): Promise<FollowUp> {
  if (id !== undefined) return call(api.PATCH('/api/v1/follow-ups/{id}', { params: { path: { id } }, body }));
  const { title, due_on, status, effort_minutes, ...rest } = body;
  return call(
    api.POST('/api/v1/follow-ups', {
      body: { ...rest, title: title ?? '', due_on: due_on ?? '', status: status ?? 'open', effort_minutes: effort_minutes ?? 30 },
    }),
  );
}

export function deleteFollowUp(id: number): Promise<unknown> {
  return call(api.DELETE('/api/v1/follow-ups/{id}', { params: { path: { id } } }));
}

/** Marks a follow-up done (or open again) in one click. */
export function useSetFollowUpStatus() {
  const invalidate = useInvalidateEngagement();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: FollowUp['status'] }) => saveFollowUp(id, { status }),
    onSuccess: () => invalidate(),
  });
}

/** The first `limit` of my open follow-ups, soonest due first (home page). */
export function useMyOpenFollowUps(limit: number, enabled = true) {
  return useQuery({
    queryKey: [...engagementKey, 'follow-ups', 'mine-open', limit],
    queryFn: () =>
      call(api.GET('/api/v1/follow-ups', { params: { query: { owner_id: 'me', status: 'open', limit } } })),
    enabled,
  });
}

// Cadences

export function useCadenceList(query: CadenceFilters) {
  return usePagedList([...engagementKey, 'cadences', 'list', query], (after) =>
    call(api.GET('/api/v1/cadences', { params: { query: { ...query, ...paging(after) } } })),
  );
}

export function saveCadence(id: number | undefined, body: CadenceWrite): Promise<Cadence> {
  const { stakeholder_id, ...update } = body;
  if (id !== undefined) return call(api.PATCH('/api/v1/cadences/{id}', { params: { path: { id } }, body: update }));
  const { label, interval, format, paused, ...rest } = update;
  return call(
    api.POST('/api/v1/cadences', {
      body: { ...rest, stakeholder_id: stakeholder_id ?? 0, label: label ?? '', interval: interval ?? 'monthly', format: format ?? 'call', paused: paused ?? false },
    }),
  );
}

export function deleteCadence(id: number): Promise<unknown> {
  return call(api.DELETE('/api/v1/cadences/{id}', { params: { path: { id } } }));
}

// Expectations

export function useExpectationList(query: ExpectationFilters) {
  return usePagedList([...engagementKey, 'expectations', 'list', query], (after) =>
    call(api.GET('/api/v1/expectations', { params: { query: { ...query, ...paging(after) } } })),
  );
}

export function saveExpectation(id: number | undefined, body: ExpectationWrite): Promise<Expectation> {
  const { stakeholder_id, ...update } = body;
  if (id !== undefined) return call(api.PATCH('/api/v1/expectations/{id}', { params: { path: { id } }, body: update }));
  const { direction, description, status, ...rest } = update;
  return call(
    api.POST('/api/v1/expectations', {
      body: { ...rest, stakeholder_id: stakeholder_id ?? 0, direction: direction ?? 'they_expect', description: description ?? '', status: status ?? 'open' },
    }),
  );
}

export function deleteExpectation(id: number): Promise<unknown> {
  return call(api.DELETE('/api/v1/expectations/{id}', { params: { path: { id } } }));
}

// Needs attention

export function useAttention(scope: 'mine' | 'all', quietDays: number, limit = 20, enabled = true) {
  return useQuery({
    queryKey: [...engagementKey, 'attention', scope, quietDays, limit],
    queryFn: () =>
      call(api.GET('/api/v1/engagement/attention', { params: { query: { scope, quiet_days: quietDays, limit } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// Capacity

export function useCapacity(team?: string) {
  return useQuery({
    queryKey: [...engagementKey, 'capacity', team ?? ''],
    queryFn: () => call(api.GET('/api/v1/capacity', { params: { query: team ? { team } : {} } })),
  });
}

export function setCapacity(userId: number, body: { hours_per_week: number; team?: string | null }): Promise<CapacityPerson> {
  return call(api.PUT('/api/v1/capacity/{user_id}', { params: { path: { user_id: userId } }, body }));
}

/**
 * Internal people, for owner and participant pickers. The capacity view lists everyone internal
 * and every internal user may read it (GET /users is for administrators only).
 */
export function usePeopleOptions(enabled = true) {
  return useQuery({
    queryKey: [...engagementKey, 'capacity', ''],
    queryFn: () => call(api.GET('/api/v1/capacity', { params: { query: {} } })),
    select: (c) =>
      [...c.people]
        .sort((a, b) => a.display_name.localeCompare(b.display_name))
        .map((p) => ({ value: String(p.user_id), label: p.display_name })),
    enabled,
    staleTime: 60_000,
  });
}

// Stakeholders (read-only here: pickers and names)

export function useStakeholderSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['stakeholders', 'picker', q],
    queryFn: () =>
      call(api.GET('/api/v1/stakeholders', { params: { query: { limit: 20, ...(q ? { q } : {}) } } })),
    select: (page) => page.items,
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 10_000,
  });
}

export function useStakeholderName(id: number | undefined) {
  return useQuery({
    queryKey: ['stakeholders', 'name', id],
    queryFn: () => call(api.GET('/api/v1/stakeholders/{id}', { params: { path: { id: id ?? 0 } } })),
    select: (s) => ({ id: s.id, name: s.name, kind: s.kind }),
    enabled: id !== undefined,
    staleTime: 60_000,
  });
}
