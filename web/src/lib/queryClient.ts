import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isNotFound, isUnauthenticated } from '../api/problem';

export const meKey = ['me'] as const;

/**
 * One QueryClient for the app. Any 401 (the session expired or was revoked elsewhere) marks the
 * reader as signed out, which sends them to the sign-in page from wherever they are.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && query.queryKey[0] !== meKey[0]) client.setQueryData(meKey, null);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnauthenticated(error)) client.setQueryData(meKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !isUnauthenticated(error) && !isNotFound(error) && failureCount < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
