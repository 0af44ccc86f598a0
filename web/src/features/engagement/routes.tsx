// The engagement module's pages, mounted inside the signed-in shell by router.tsx.
import type { RouteObject } from 'react-router';

/** Chunk loaders for `path`, so navigation can start fetching them early. */
export function preloadEngagement(_path: string): (() => Promise<unknown>)[] {
  return [];
}

export const engagementRoutes: RouteObject[] = [];
