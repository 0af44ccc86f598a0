import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Page } from '../../api/types';

/**
 * A cursor-paged list: pages are fetched with `?after=<next_cursor>` and flattened.
 * `key` must include every filter so that changing one starts from the first page.
 */
export function usePagedList<T>(key: readonly unknown[], fetchPage: (after: string | undefined) => Promise<Page<T>>, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}

/** Organisations by id, for showing names next to ids (internal users only). */
export function useOrganisationNames(enabled = true) {
  return useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: () => call(api.GET('/api/v1/organisations', { params: { query: { limit: 200 } } })),
    select: (page) => new Map(page.items.map((o) => [o.id, o])),
    enabled,
    staleTime: 60_000,
  });
}

/** Select options for organisations: [{value: "3", label: "Acme"}]. */
export function useOrganisationOptions(enabled = true) {
  const names = useOrganisationNames(enabled);
  const options = [...(names.data?.values() ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((o) => ({ value: String(o.id), label: o.name }));
  return { options, isPending: names.isPending };
}

/** Users matching a search, for pickers (administrators only). */
export function useUserOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: ['users', 'picker', q],
    queryFn: () => call(api.GET('/api/v1/users', { params: { query: { limit: 20, ...(q ? { q } : {}) } } })),
    select: (page) => page.items.map((u) => ({ value: String(u.id), label: `${u.display_name} (${u.email})`, user: u })),
    enabled,
    staleTime: 10_000,
  });
}

/** Spaces for pickers. */
export function useSpaceOptions(enabled = true) {
  return useQuery({
    queryKey: ['spaces', 'picker'],
    queryFn: () => call(api.GET('/api/v1/spaces', { params: { query: { limit: 200 } } })),
    select: (page) => page.items.map((s) => ({ value: String(s.id), label: s.name })),
    enabled,
    staleTime: 30_000,
  });
}
