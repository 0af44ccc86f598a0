// API hooks of the projects module. Every query key starts with 'projects' so that one
// invalidation after a write refreshes the board, the funnel and the project pages.
//
// The projects routes are not in schema.d.ts yet, so `api` (openapi-fetch, typed by path) cannot
// call them. `request` is a thin typed stand-in that behaves like `call(api.X(...))`: same origin,
// cookies, the CSRF header, problem+json turned into ApiError and unreachable servers into
// NetworkError. When the generated types arrive, each function here becomes `call(api.X(...))`.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError, toProblem } from '../../api/problem';
import { usePagedList } from '../admin/queries';
import type {
  DecisionAnswer,
  DecisionWrite,
  Framework,
  FrameworkCreate,
  FrameworkVersion,
  FrameworkVersionWrite,
  Funnel,
  FunnelRow,
  GateReview,
  GateReviewRequest,
  KpiValue,
  KpiValueWrite,
  Page,
  Portfolio,
  Project,
  ProjectCreate,
  ProjectStatus,
} from './types';

type Query = Record<string, string | number | boolean | undefined | null>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
}

/** `path` with its query string; empty and undefined values are left out. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${globalThis.location?.origin ?? ''}${path}${qs ? `?${qs}` : ''}`;
}

/** One API call: resolves with the JSON answer (undefined for 204), throws ApiError or NetworkError. */
export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { 'X-Cocreate-Csrf': '1', Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    // Looked up at call time so tests can stand in for fetch.
    response = await globalThis.fetch(
      new Request(buildUrl(path, options.query), {
        method,
        headers,
        credentials: 'same-origin',
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      }),
    );
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const text = response.status === 204 ? '' : await response.text().catch(() => '');
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) throw new ApiError(toProblem(response.status, body));
  return body as T;
}

const V1 = '/api/v1';
export const projectsKey = ['projects'] as const;

/** Refreshes everything the module shows. */
export function useInvalidateProjects() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: projectsKey });
}

// Frameworks

export function fetchFrameworks(after?: string, limit = 100): Promise<Page<Framework>> {
  return request('GET', `${V1}/frameworks`, { query: { after, limit } });
}

export function useFrameworks(enabled = true) {
  return useQuery({ queryKey: [...projectsKey, 'frameworks'], queryFn: () => fetchFrameworks(), enabled, staleTime: 60_000 });
}

export function useFramework(id: number | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'frameworks', id],
    queryFn: () => request<Framework>('GET', `${V1}/frameworks/${id}`),
    enabled: id !== undefined,
  });
}

export function useFrameworkVersion(id: number | undefined, version: number | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'frameworks', id, 'versions', version],
    queryFn: () => request<FrameworkVersion>('GET', `${V1}/frameworks/${id}/versions/${version}`),
    enabled: id !== undefined && version !== undefined && version > 0,
    // Published versions never change.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function createFramework(body: FrameworkCreate): Promise<Framework> {
  return request('POST', `${V1}/frameworks`, { body });
}

export function publishVersion(id: number, body: FrameworkVersionWrite): Promise<FrameworkVersion> {
  return request('POST', `${V1}/frameworks/${id}/versions`, { body });
}

// Portfolio

export function usePortfolio(query: { framework_id?: number; status?: ProjectStatus }) {
  return useQuery({
    queryKey: [...projectsKey, 'portfolio', query],
    queryFn: () => request<Portfolio>('GET', `${V1}/portfolio`, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useFunnel(query: { framework_id?: number; since?: string }) {
  return useQuery({
    queryKey: [...projectsKey, 'funnel', query],
    queryFn: async () => {
      const answer = await request<Funnel | FunnelRow[]>('GET', `${V1}/portfolio/funnel`, { query });
      return Array.isArray(answer) ? { phases: answer } : answer;
    },
    placeholderData: keepPreviousData,
  });
}

// Projects

export function useProjectList(query: { status?: ProjectStatus; framework_id?: number; q?: string }) {
  return usePagedList([...projectsKey, 'list', query], (after) =>
    request<Page<Project>>('GET', `${V1}/projects`, { query: { ...query, after, limit: 50 } }),
  );
}

export function useProject(id: number | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'project', id],
    queryFn: () => request<Project>('GET', `${V1}/projects/${id}`),
    enabled: id !== undefined,
  });
}

export function createProject(body: ProjectCreate): Promise<Project> {
  return request('POST', `${V1}/projects`, { body });
}

export function setCriterion(projectId: number, key: string, body: { met: boolean; evidence_url?: string }): Promise<Project> {
  return request('PUT', `${V1}/projects/${projectId}/criteria/${encodeURIComponent(key)}`, { body });
}

export function setKillCriterion(projectId: number, key: string, met: boolean): Promise<Project> {
  return request('PUT', `${V1}/projects/${projectId}/kill-criteria/${encodeURIComponent(key)}`, { body: { met } });
}

export function shareProject(projectId: number, body: { space_id: number; summary: string }): Promise<Project> {
  return request('PUT', `${V1}/projects/${projectId}/share`, { body });
}

export function unshareProject(projectId: number): Promise<unknown> {
  return request('DELETE', `${V1}/projects/${projectId}/share`);
}

/** Applies a project the server answered with to the cache (and refreshes the rest). */
export function useSetProject() {
  const client = useQueryClient();
  return (project: Project) => {
    client.setQueryData([...projectsKey, 'project', project.id], project);
    return client.invalidateQueries({ queryKey: projectsKey, predicate: (q) => q.queryKey[1] !== 'project' || q.queryKey[2] !== project.id });
  };
}

// KPI values

/** Every KPI value of a project (a few hundred at most per project; pages are followed). */
export function useKpiValues(projectId: number | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'project', projectId, 'kpi-values'],
    queryFn: async () => {
      const items: KpiValue[] = [];
      let after: string | undefined;
      for (let i = 0; i < 20; i++) {
        const page = await request<Page<KpiValue>>('GET', `${V1}/projects/${projectId}/kpi-values`, { query: { after, limit: 200 } });
        items.push(...page.items);
        if (!page.next_cursor) break;
        after = page.next_cursor;
      }
      return items;
    },
    enabled: projectId !== undefined,
  });
}

export function recordKpiValue(projectId: number, body: KpiValueWrite): Promise<KpiValue> {
  return request('POST', `${V1}/projects/${projectId}/kpi-values`, { body });
}

// Gate reviews

export function useGateReviews(projectId: number | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'project', projectId, 'gate-reviews'],
    queryFn: () => request<Page<GateReview>>('GET', `${V1}/projects/${projectId}/gate-reviews`, { query: { limit: 100 } }),
    select: (page) => page.items,
    enabled: projectId !== undefined,
  });
}

export function requestGateReview(projectId: number, body: GateReviewRequest): Promise<GateReview> {
  return request('POST', `${V1}/projects/${projectId}/gate-reviews`, { body });
}

export function decideGateReview(reviewId: number, body: DecisionWrite): Promise<DecisionAnswer> {
  return request('POST', `${V1}/gate-reviews/${reviewId}/decision`, { body });
}

/** A write that refreshes the module afterwards. */
export function useProjectsMutation<A, R>(fn: (args: A) => Promise<R>) {
  const invalidate = useInvalidateProjects();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidate() });
}
