// Every call of the stakeholders module to the server, and the query keys they live under.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { usePagedList } from '../admin/queries';
import type {
  EmotionCreate,
  ImportBody,
  Kind,
  LevelChange,
  NeedStatus,
  NeedWrite,
  Stakeholder,
  StakeholderCreate,
  StakeholderFilters,
  StakeholderListItem,
  StakeholderType,
  StakeholderUpdate,
  TimelineItem,
} from './types';

type MapFilters = { kind?: Kind; type?: StakeholderType; q?: string };

// The schema marks most fields optional (external callers get a public view); these pages are
// internal-only, where the server sends every field. One place says so: here.
const asFull = <T,>(value: unknown) => value as T;

/** `?a=1&b=x` from the defined values of `query` ('' when none). */
export function queryString(query: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const stakeholderKeys = {
  all: ['stakeholders'] as const,
  list: (filters: StakeholderFilters) => ['stakeholders', 'list', filters] as const,
  detail: (id: number) => ['stakeholders', 'detail', id] as const,
  timeline: (id: number) => ['stakeholders', 'timeline', id] as const,
  needs: (id: number) => ['stakeholders', 'needs', id] as const,
  map: (filters: MapFilters) => ['stakeholders', 'map', filters] as const,
  picker: (type: StakeholderType | undefined, q: string) => ['stakeholders', 'picker', type ?? 'any', q] as const,
};

/** The URL that downloads every stakeholder matching `filters` as CSV or JSON (order does not matter). */
export function exportUrl(format: 'csv' | 'json', filters: StakeholderFilters): string {
  const { sort: _sort, ...rest } = filters;
  return `/api/v1/stakeholders/export${queryString({ format, ...rest })}`;
}

export function useStakeholderList(filters: StakeholderFilters) {
  return usePagedList<StakeholderListItem>(stakeholderKeys.list(filters), async (after) =>
    asFull(await call(api.GET('/api/v1/stakeholders', { params: { query: { ...filters, limit: 50, ...(after ? { after } : {}) } } }))),
  );
}

export async function fetchStakeholder(id: number): Promise<Stakeholder> {
  return asFull(await call(api.GET('/api/v1/stakeholders/{id}', { params: { path: { id } } })));
}

export function useStakeholder(id: number) {
  return useQuery({
    queryKey: stakeholderKeys.detail(id),
    queryFn: () => fetchStakeholder(id),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Stakeholders matching a search, for pickers (affiliations, relations). */
export function useStakeholderOptions(type: StakeholderType | undefined, q: string, enabled = true) {
  return useQuery({
    queryKey: stakeholderKeys.picker(type, q),
    queryFn: async () =>
      asFull<{ items: StakeholderListItem[] }>(
        await call(api.GET('/api/v1/stakeholders', { params: { query: { limit: 20, ...(type ? { type } : {}), ...(q ? { q } : {}) } } })),
      ),
    select: (page) => page.items,
    enabled,
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });
}

export async function createStakeholder(body: StakeholderCreate): Promise<Stakeholder> {
  return asFull(await call(api.POST('/api/v1/stakeholders', { body })));
}
export async function updateStakeholder(id: number, body: StakeholderUpdate): Promise<Stakeholder> {
  return asFull(await call(api.PATCH('/api/v1/stakeholders/{id}', { params: { path: { id } }, body })));
}
export function deleteStakeholder(id: number) {
  return call(api.DELETE('/api/v1/stakeholders/{id}', { params: { path: { id } } }));
}
export async function changeLevel(id: number, body: LevelChange): Promise<Stakeholder> {
  return asFull(await call(api.POST('/api/v1/stakeholders/{id}/level', { params: { path: { id } }, body })));
}
export async function recordEmotion(id: number, body: EmotionCreate): Promise<Stakeholder> {
  return asFull(await call(api.POST('/api/v1/stakeholders/{id}/emotions', { params: { path: { id } }, body })));
}

/** After a stakeholder changed: store the answer and refresh lists, the map and its timeline. */
export function useStakeholderSaved() {
  const client = useQueryClient();
  return async (saved: Stakeholder) => {
    client.setQueryData(stakeholderKeys.detail(saved.id), saved);
    await Promise.all([
      client.invalidateQueries({ queryKey: ['stakeholders', 'list'] }),
      client.invalidateQueries({ queryKey: ['stakeholders', 'map'] }),
      client.invalidateQueries({ queryKey: ['stakeholders', 'picker'] }),
      client.invalidateQueries({ queryKey: stakeholderKeys.timeline(saved.id) }),
    ]);
  };
}

export function useTimeline(id: number) {
  return usePagedList<TimelineItem>(stakeholderKeys.timeline(id), async (after) => {
    const page = await call(
      api.GET('/api/v1/stakeholders/{id}/timeline', { params: { path: { id }, query: { limit: 25, ...(after ? { after } : {}) } } }),
    );
    // The schema has one flat item whose fields depend on `kind`; TimelineItem is that, narrowed.
    return asFull<{ items: TimelineItem[]; next_cursor?: string | null }>(page);
  });
}

export function useNeeds(id: number, status?: NeedStatus) {
  return usePagedList([...stakeholderKeys.needs(id), status ?? 'any'], (after) =>
    call(
      api.GET('/api/v1/stakeholders/{id}/needs', {
        params: { path: { id }, query: { limit: 100, ...(status ? { status } : {}), ...(after ? { after } : {}) } },
      }),
    ),
  );
}

/** Create (no `needId`) or change a need of stakeholder `stakeholderId`. */
export function useSaveNeed(stakeholderId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ needId, body }: { needId?: number; body: NeedWrite }) =>
      needId
        ? call(api.PATCH('/api/v1/needs/{id}', { params: { path: { id: needId } }, body }))
        : call(api.POST('/api/v1/stakeholders/{id}/needs', { params: { path: { id: stakeholderId } }, body })),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: stakeholderKeys.needs(stakeholderId) }),
        client.invalidateQueries({ queryKey: stakeholderKeys.timeline(stakeholderId) }),
      ]),
  });
}

export function deleteNeed(id: number) {
  return call(api.DELETE('/api/v1/needs/{id}', { params: { path: { id } } }));
}

export function useStakeholderMap(filters: MapFilters) {
  return useQuery({
    queryKey: stakeholderKeys.map(filters),
    queryFn: () => call(api.GET('/api/v1/stakeholders/map', { params: { query: { ...filters, limit: 500 } } })),
    placeholderData: keepPreviousData,
  });
}

export function previewImport(body: ImportBody) {
  return call(api.POST('/api/v1/stakeholders/import/preview', { body }));
}
export function commitImport(body: ImportBody) {
  return call(api.POST('/api/v1/stakeholders/import', { body }));
}
