import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { isUnauthenticated } from '../../api/problem';
import type { MeAnswer, Role } from '../../api/types';
import { meKey } from '../../lib/queryClient';

/** The signed-in person and their spaces, or null when nobody is signed in. */
export async function fetchMe(): Promise<MeAnswer | null> {
  try {
    return await call(api.GET('/api/v1/me'));
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

/** Reads the signed-in person from the server now (after sign-in, setup or accepting an invitation). */
export function refreshMe(client: QueryClient): Promise<MeAnswer | null> {
  return client.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in person; only for components rendered inside `RequireSession`. */
export function useSignedIn(): MeAnswer {
  const { data } = useMe();
  if (!data) throw new Error('useSignedIn outside RequireSession');
  return data;
}

export function useSetup() {
  return useQuery({ queryKey: ['setup'], queryFn: () => call(api.GET('/api/v1/setup')), staleTime: 0 });
}

export const isInternal = (role: Role): boolean => role !== 'external';
export const isAdmin = (role: Role): boolean => role === 'admin';
/** Who may open the administration area (organisations, spaces, invitations). */
export const canAdminister = (role: Role): boolean => role === 'admin' || role === 'innovation_manager';

/** Signs out on the server (best effort) and forgets everything cached for this person. */
export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    try {
      await call(api.POST('/api/v1/auth/sign-out'));
    } finally {
      client.clear();
      client.setQueryData(meKey, null);
    }
  };
}
