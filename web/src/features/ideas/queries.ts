// Every call of the ideas module to the server. Every query key starts with 'ideas' so that one
// invalidation after a write refreshes the challenge, the lists and the idea pages together.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ApiError, toProblem } from '../../api/problem';
import { usePagedList } from '../admin/queries';
import type {
  Attachment,
  Challenge,
  ChallengeCreate,
  ChallengeListQuery,
  ChallengeUpdate,
  Comment,
  CommentCreate,
  CommentModeration,
  Idea,
  IdeaCreate,
  IdeaListQuery,
  IdeaModeration,
  IdeaPromote,
  IdeaStatusChange,
  IdeaSummary,
  IdeaUpdate,
  InterestCreate,
  InterestRecord,
  Leaderboard,
  ProjectRef,
  ProtocolVersion,
  Report,
  ReportCreate,
  ReportStatus,
  ReviewCreate,
  IdeaReview,
} from './types';

export const ideasKey = ['ideas'] as const;

/** Refreshes everything the module shows. */
export function useInvalidateIdeas() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ideasKey });
}

// Challenges

export function useChallengeList(query: Pick<ChallengeListQuery, 'space_id' | 'phase' | 'q'>) {
  return usePagedList([...ideasKey, 'challenges', query], (after) =>
    call(api.GET('/api/v1/challenges', { params: { query: { ...query, limit: 50, ...(after ? { after } : {}) } } })),
  );
}

export function useChallenge(id: number | undefined) {
  return useQuery({
    queryKey: [...ideasKey, 'challenge', id],
    queryFn: (): Promise<Challenge> => call(api.GET('/api/v1/challenges/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function createChallenge(body: ChallengeCreate): Promise<Challenge> {
  return call(api.POST('/api/v1/challenges', { body }));
}

export function updateChallenge(id: number, body: ChallengeUpdate): Promise<Challenge> {
  return call(api.PATCH('/api/v1/challenges/{id}', { params: { path: { id } }, body }));
}

/** Every version of the protocol, newest first (a challenge is amended a handful of times). */
export function useProtocolVersions(id: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...ideasKey, 'challenge', id, 'protocol'],
    queryFn: () => call(api.GET('/api/v1/challenges/{id}/protocol', { params: { path: { id: id ?? 0 }, query: { limit: 100 } } })),
    select: (page): ProtocolVersion[] => page.items,
    enabled: enabled && id !== undefined,
  });
}

export function amendProtocol(id: number, body: { text: string; note: string }): Promise<ProtocolVersion> {
  return call(api.POST('/api/v1/challenges/{id}/protocol', { params: { path: { id } }, body }));
}

/** The leaderboard, or null when it is off for the reader (the API answers 404 then). */
export function useLeaderboard(id: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...ideasKey, 'challenge', id, 'leaderboard'],
    queryFn: async (): Promise<Leaderboard | null> => {
      try {
        return await call(api.GET('/api/v1/challenges/{id}/leaderboard', { params: { path: { id: id ?? 0 } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: enabled && id !== undefined,
  });
}

// Ideas

export type IdeaListFilters = Pick<IdeaListQuery, 'space_id' | 'challenge_id' | 'status' | 'tag' | 'q' | 'sort'>;

export function useIdeaList(query: IdeaListFilters, enabled = true) {
  return usePagedList<IdeaSummary>(
    [...ideasKey, 'list', query],
    (after) => call(api.GET('/api/v1/ideas', { params: { query: { ...query, limit: 50, ...(after ? { after } : {}) } } })),
    enabled,
  );
}

/** Ideas matching `q` in a space, for pickers (build on, merge into). */
export function useIdeaSearch(spaceId: number | undefined, q: string, enabled = true) {
  return useQuery({
    queryKey: [...ideasKey, 'picker', spaceId, q],
    queryFn: () => call(api.GET('/api/v1/ideas', { params: { query: { space_id: spaceId ?? 0, limit: 20, ...(q ? { q } : {}) } } })),
    select: (page) => page.items,
    enabled: enabled && spaceId !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/**
 * Up to five ideas like the text typed so far. Not cached for long: what counts as similar changes
 * as others submit, and each keystroke pause asks again.
 */
export function useSimilarIdeas(query: { text: string; space_id: number | undefined; challenge_id?: number | undefined }) {
  const { text, space_id, challenge_id } = query;
  return useQuery({
    queryKey: [...ideasKey, 'similar', space_id, challenge_id, text],
    queryFn: () =>
      call(
        api.GET('/api/v1/ideas/similar', {
          params: { query: { text, space_id: space_id ?? 0, ...(challenge_id ? { challenge_id } : {}) } },
        }),
      ),
    select: (answer) => answer.items,
    enabled: space_id !== undefined && text.length >= 3,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export function getIdea(id: number): Promise<Idea> {
  return call(api.GET('/api/v1/ideas/{id}', { params: { path: { id } } }));
}

export function useIdea(id: number | undefined) {
  return useQuery({
    queryKey: [...ideasKey, 'idea', id],
    queryFn: () => getIdea(id ?? 0),
    enabled: id !== undefined,
  });
}

/** Applies an idea the server answered with to the cache, and refreshes the lists around it. */
export function useSetIdea() {
  const client = useQueryClient();
  return (idea: Idea) => {
    client.setQueryData([...ideasKey, 'idea', idea.id], idea);
    return client.invalidateQueries({
      queryKey: ideasKey,
      predicate: (q) => !(q.queryKey[1] === 'idea' && q.queryKey[2] === idea.id && q.queryKey.length === 3),
    });
  };
}

export function createIdea(body: IdeaCreate): Promise<Idea> {
  return call(api.POST('/api/v1/ideas', { body }));
}

export function updateIdea(id: number, body: IdeaUpdate): Promise<Idea> {
  return call(api.PATCH('/api/v1/ideas/{id}', { params: { path: { id } }, body }));
}

export function setIdeaStatus(id: number, body: IdeaStatusChange): Promise<Idea> {
  return call(api.POST('/api/v1/ideas/{id}/status', { params: { path: { id } }, body }));
}

export function vote(id: number): Promise<Idea> {
  return call(api.PUT('/api/v1/ideas/{id}/vote', { params: { path: { id } } }));
}

export function withdrawVote(id: number): Promise<Idea> {
  return call(api.DELETE('/api/v1/ideas/{id}/vote', { params: { path: { id } } }));
}

export function addBuildsOn(id: number, other: number): Promise<Idea> {
  return call(api.POST('/api/v1/ideas/{id}/builds-on/{other}', { params: { path: { id, other } } }));
}

export function removeBuildsOn(id: number, other: number): Promise<Idea> {
  return call(api.DELETE('/api/v1/ideas/{id}/builds-on/{other}', { params: { path: { id, other } } }));
}

export function addCoAuthor(id: number, userId: number): Promise<Idea> {
  return call(api.POST('/api/v1/ideas/{id}/co-authors', { params: { path: { id } }, body: { user_id: userId } }));
}

export function moderateIdea(id: number, body: IdeaModeration): Promise<Idea> {
  return call(api.POST('/api/v1/ideas/{id}/moderation', { params: { path: { id } }, body }));
}

export function mergeIdea(id: number, into: number): Promise<Idea> {
  return call(api.POST('/api/v1/ideas/{id}/merge', { params: { path: { id } }, body: { into } }));
}

export function promoteIdea(id: number, body: IdeaPromote): Promise<ProjectRef> {
  return call(api.POST('/api/v1/ideas/{id}/promote', { params: { path: { id } }, body }));
}

// Internal-only panels

export function useInterestRecords(id: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...ideasKey, 'idea', id, 'interest'],
    queryFn: () => call(api.GET('/api/v1/ideas/{id}/interest', { params: { path: { id: id ?? 0 }, query: { limit: 100 } } })),
    select: (page): InterestRecord[] => page.items,
    enabled: enabled && id !== undefined,
  });
}

export function recordInterest(id: number, body: InterestCreate): Promise<InterestRecord> {
  return call(api.POST('/api/v1/ideas/{id}/interest', { params: { path: { id } }, body }));
}

export function reviewIdea(id: number, body: ReviewCreate): Promise<IdeaReview> {
  return call(api.POST('/api/v1/ideas/{id}/reviews', { params: { path: { id } }, body }));
}

// Attachments

/**
 * Uploads a file as the raw request body (not multipart): its type in Content-Type (the server
 * decides by the content anyway) and its name in `?filename=`.
 */
export async function uploadAttachment(id: number, file: File): Promise<Attachment> {
  // The bytes (at most 10 MB) as an ArrayBuffer: a body every fetch implementation takes as is.
  const bytes = await file.arrayBuffer();
  return call(
    api.POST('/api/v1/ideas/{id}/attachments', {
      params: { path: { id }, query: { filename: file.name } },
      // The contract types binary bodies as strings; the serializer passes the bytes through.
      body: bytes as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}

export function deleteAttachment(id: number): Promise<unknown> {
  return call(api.DELETE('/api/v1/attachments/{id}', { params: { path: { id } } }));
}

// Comments

/** Every comment of an idea, oldest first (threads are built from `parent_id`; pages are followed). */
export async function getAllComments(ideaId: number): Promise<Comment[]> {
  const items: Comment[] = [];
  let after: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await call(api.GET('/api/v1/ideas/{id}/comments', { params: { path: { id: ideaId }, query: { limit: 200, ...(after ? { after } : {}) } } }));
    items.push(...page.items);
    if (!page.next_cursor) break;
    after = page.next_cursor;
  }
  return items;
}

export function useComments(ideaId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...ideasKey, 'idea', ideaId, 'comments'],
    queryFn: () => getAllComments(ideaId ?? 0),
    enabled: enabled && ideaId !== undefined,
  });
}

/** The comment looked hostile and was not posted: the author is asked to rephrase or confirm. */
export class HostileToneError extends Error {
  constructor() {
    super('hostile_tone');
    this.name = 'HostileToneError';
  }
}

/**
 * Posts a comment. A 422 with `reason: hostile_tone` becomes HostileToneError (the shared problem
 * mapping keeps only the common members, so the reason is read from the raw body here).
 */
export async function postComment(ideaId: number, body: CommentCreate): Promise<Comment> {
  const request = api.POST('/api/v1/ideas/{id}/comments', { params: { path: { id: ideaId } }, body });
  const result = await request.catch(() => undefined);
  if (result && !result.response.ok) {
    const raw: unknown = result.error;
    if (typeof raw === 'object' && raw !== null && (raw as { reason?: unknown }).reason === 'hostile_tone') throw new HostileToneError();
    throw new ApiError(toProblem(result.response.status, raw));
  }
  return call(request);
}

export function markHelpful(commentId: number, helpful: boolean): Promise<Comment> {
  const params = { params: { path: { id: commentId } } };
  return call(helpful ? api.POST('/api/v1/comments/{id}/helpful', params) : api.DELETE('/api/v1/comments/{id}/helpful', params));
}

export function moderateComment(commentId: number, body: CommentModeration): Promise<Comment> {
  return call(api.POST('/api/v1/comments/{id}/moderation', { params: { path: { id: commentId } }, body }));
}

// Reports and points

export function createReport(body: ReportCreate): Promise<Report> {
  return call(api.POST('/api/v1/reports', { body }));
}

export function useReports(status: ReportStatus, enabled = true) {
  return usePagedList(
    [...ideasKey, 'reports', status],
    (after) => call(api.GET('/api/v1/reports', { params: { query: { status, limit: 50, ...(after ? { after } : {}) } } })),
    enabled,
  );
}

export function useMyPoints() {
  return useQuery({
    queryKey: [...ideasKey, 'points'],
    queryFn: () => call(api.GET('/api/v1/me/points')),
  });
}

/** The members of a space, for mentions and co-authors (who may take part there). */
export function useSpaceMembers(spaceId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: ['spaces', spaceId, 'members', 'all'],
    queryFn: () => call(api.GET('/api/v1/spaces/{id}/members', { params: { path: { id: spaceId ?? 0 }, query: { limit: 200 } } })),
    select: (page) => page.items,
    enabled: enabled && spaceId !== undefined,
    staleTime: 60_000,
  });
}
