// Every call of the projects module to the server. Every query key starts with 'projects' so
// that one invalidation after a write refreshes the board, the funnel and the project pages.
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { usePagedList } from '../admin/queries';
import type {
  CriterionPut,
  DecisionAnswer,
  DecisionWrite,
  Framework,
  FrameworkCreate,
  FrameworkVersion,
  FrameworkVersionWrite,
  FrameworkWithVersion,
  GateReview,
  GateReviewRequest,
  KpiValue,
  KpiValueWrite,
  Project,
  ProjectCreate,
  ProjectListItem,
  ProjectListQuery,
  ProjectPage,
  ProjectSharePut,
  ProjectStatus,
  ProjectUpdate,
} from './types';

// These pages are for internal staff only (ProjectsLayout), who get whole projects; the schema
// also allows the shared summary that external participants get. One place says so: here.
const internal = <T,>(value: unknown) => value as T;

export const projectsKey = ['projects'] as const;

/** Refreshes everything the module shows. */
export function useInvalidateProjects() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: projectsKey });
}

// Frameworks

/** Every framework (a handful per installation; the largest page the server gives). */
export function useFrameworks(enabled = true) {
  return useQuery({
    queryKey: [...projectsKey, 'frameworks'],
    queryFn: () => call(api.GET('/api/v1/frameworks', { params: { query: { limit: 200 } } })),
    enabled,
    staleTime: 60_000,
  });
}

/** A framework with its current version (`current`). */
export function useFramework(id: number | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'frameworks', id],
    queryFn: (): Promise<FrameworkWithVersion> => call(api.GET('/api/v1/frameworks/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useFrameworkVersion(id: number | undefined, version: number | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'frameworks', id, 'versions', version],
    queryFn: (): Promise<FrameworkVersion> =>
      call(api.GET('/api/v1/frameworks/{id}/versions/{version}', { params: { path: { id: id ?? 0, version: version ?? 0 } } })),
    enabled: id !== undefined && version !== undefined && version > 0,
    // Published versions never change.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function createFramework(body: FrameworkCreate): Promise<Framework> {
  return call(api.POST('/api/v1/frameworks', { body }));
}

export function publishVersion(id: number, body: FrameworkVersionWrite): Promise<FrameworkVersion> {
  return call(api.POST('/api/v1/frameworks/{id}/versions', { params: { path: { id } }, body }));
}

// Portfolio (both need a framework: the caller picks one, the first by name when none is chosen)

export function usePortfolio(query: { framework_id: number | undefined; status?: ProjectStatus }) {
  const { framework_id, status } = query;
  return useQuery({
    queryKey: [...projectsKey, 'portfolio', query],
    queryFn: () => call(api.GET('/api/v1/portfolio', { params: { query: { framework_id: framework_id ?? 0, ...(status ? { status } : {}) } } })),
    enabled: framework_id !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useFunnel(query: { framework_id: number | undefined; since?: string }) {
  const { framework_id, since } = query;
  return useQuery({
    queryKey: [...projectsKey, 'funnel', query],
    queryFn: () => call(api.GET('/api/v1/portfolio/funnel', { params: { query: { framework_id: framework_id ?? 0, ...(since ? { since } : {}) } } })),
    enabled: framework_id !== undefined,
    placeholderData: keepPreviousData,
  });
}

// Projects

export function useProjectList(query: Pick<ProjectListQuery, 'status' | 'framework_id' | 'q'>) {
  return usePagedList([...projectsKey, 'list', query], async (after) =>
    internal<ProjectPage>(await call(api.GET('/api/v1/projects', { params: { query: { ...query, limit: 50, ...(after ? { after } : {}) } } }))),
  );
}

/**
 * Open projects (not stopped or completed) led by `leadId`, the ones whose health says ask first
 * before the others. Asked for in two lists so that an ask-first project is never cut off by
 * the page size; each list comes sorted by title.
 */
export function useLedProjects(leadId: number, limit: number) {
  return useQuery({
    queryKey: [...projectsKey, 'led', leadId, limit],
    queryFn: async () => {
      const list = async (ask_first: boolean) =>
        internal<ProjectPage>(await call(api.GET('/api/v1/projects', { params: { query: { lead_id: leadId, ask_first, limit } } })));
      const [askFirst, others] = await Promise.all([list(true), list(false)]);
      const open = (p: ProjectListItem) => p.status !== 'stopped' && p.status !== 'completed';
      return [...askFirst.items.filter(open), ...others.items.filter(open)].slice(0, limit);
    },
  });
}

export function useProject(id: number | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'project', id],
    queryFn: async () => internal<Project>(await call(api.GET('/api/v1/projects/{id}', { params: { path: { id: id ?? 0 } } }))),
    enabled: id !== undefined,
  });
}

export function createProject(body: ProjectCreate): Promise<Project> {
  return call(api.POST('/api/v1/projects', { body }));
}

export function updateProject(id: number, body: ProjectUpdate): Promise<Project> {
  return call(api.PATCH('/api/v1/projects/{id}', { params: { path: { id } }, body }));
}

export function setCriterion(projectId: number, key: string, body: CriterionPut): Promise<Project> {
  return call(api.PUT('/api/v1/projects/{id}/criteria/{key}', { params: { path: { id: projectId, key } }, body }));
}

export function setKillCriterion(projectId: number, key: string, met: boolean): Promise<Project> {
  return call(api.PUT('/api/v1/projects/{id}/kill-criteria/{key}', { params: { path: { id: projectId, key } }, body: { met } }));
}

export function shareProject(projectId: number, body: ProjectSharePut): Promise<Project> {
  return call(api.PUT('/api/v1/projects/{id}/share', { params: { path: { id: projectId } }, body }));
}

export function unshareProject(projectId: number): Promise<unknown> {
  return call(api.DELETE('/api/v1/projects/{id}/share', { params: { path: { id: projectId } } }));
}

/** Applies a project the server answered with to the cache (and refreshes the rest). */
export function useSetProject() {
  const client = useQueryClient();
  return (project: Project) => {
    client.setQueryData([...projectsKey, 'project', project.id], project);
    return client.invalidateQueries({ queryKey: projectsKey, predicate: (q) => q.queryKey[1] !== 'project' || q.queryKey[2] !== project.id || q.queryKey.length > 3 });
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
        const page = await call(
          api.GET('/api/v1/projects/{id}/kpi-values', { params: { path: { id: projectId ?? 0 }, query: { limit: 200, ...(after ? { after } : {}) } } }),
        );
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
  return call(api.POST('/api/v1/projects/{id}/kpi-values', { params: { path: { id: projectId } }, body }));
}

// Gate reviews

export function useGateReviews(projectId: number | undefined) {
  return useQuery({
    queryKey: [...projectsKey, 'project', projectId, 'gate-reviews'],
    queryFn: () => call(api.GET('/api/v1/projects/{id}/gate-reviews', { params: { path: { id: projectId ?? 0 }, query: { limit: 200 } } })),
    select: (page): GateReview[] => page.items,
    enabled: projectId !== undefined,
  });
}

/** The requested gate reviews naming the signed-in user as a decision maker, newest first. */
export function useGateReviewsAwaitingMe(limit: number) {
  return useQuery({
    queryKey: [...projectsKey, 'gate-reviews', 'awaiting-me', limit],
    queryFn: () => call(api.GET('/api/v1/gate-reviews', { params: { query: { status: 'requested', decision_maker_id: 'me', limit } } })),
  });
}

/** Several projects at once, sharing the cache of useProject (the gate reviews name only the project's ID). */
export function useProjectsById(ids: number[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...projectsKey, 'project', id],
      queryFn: async () => internal<Project>(await call(api.GET('/api/v1/projects/{id}', { params: { path: { id } } }))),
    })),
  });
}

export function requestGateReview(projectId: number, body: GateReviewRequest): Promise<GateReview> {
  return call(api.POST('/api/v1/projects/{id}/gate-reviews', { params: { path: { id: projectId } }, body }));
}

export function decideGateReview(reviewId: number, body: DecisionWrite): Promise<DecisionAnswer> {
  return call(api.POST('/api/v1/gate-reviews/{id}/decision', { params: { path: { id: reviewId } }, body }));
}
