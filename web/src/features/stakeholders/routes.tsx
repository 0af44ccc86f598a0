// The stakeholders module's pages, mounted inside the signed-in shell by router.tsx.
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { NotFound } from '../../components/NotFound';
import { isInternal, useMe } from '../auth/session';

// Every page is its own chunk.
const pages = {
  list: () => import('./StakeholdersPage'),
  detail: () => import('./StakeholderPage'),
  form: () => import('./StakeholderFormPage'),
  map: () => import('./StakeholderMapPage'),
  import: () => import('./ImportPage'),
};
const StakeholdersPage = lazy(pages.list);
const StakeholderPage = lazy(pages.detail);
const StakeholderFormPage = lazy(pages.form);
const StakeholderMapPage = lazy(pages.map);
const ImportPage = lazy(pages.import);

/** Chunk loaders for `path`, so navigation can start fetching them early. */
export function preloadStakeholders(path: string): (() => Promise<unknown>)[] {
  const rest = path.replace(/^\/stakeholders\/?/, '');
  if (rest === '') return [pages.list];
  if (rest === 'map') return [pages.map];
  if (rest === 'import') return [pages.import];
  if (rest === 'new' || rest.endsWith('/edit')) return [pages.form];
  return [pages.detail];
}

/** Internal staff only: external participants see not-found (hidden things look missing). */
function Internal({ children }: { children: ReactNode }) {
  const { data } = useMe();
  return data && isInternal(data.user.role) ? <>{children}</> : <NotFound />;
}

export const stakeholdersRoutes: RouteObject[] = [
  {
    path: 'stakeholders',
    children: [
      { index: true, element: <Internal><StakeholdersPage /></Internal> },
      { path: 'new', element: <Internal><StakeholderFormPage /></Internal> },
      { path: 'map', element: <Internal><StakeholderMapPage /></Internal> },
      { path: 'import', element: <Internal><ImportPage /></Internal> },
      { path: ':id', element: <Internal><StakeholderPage /></Internal> },
      { path: ':id/edit', element: <Internal><StakeholderFormPage /></Internal> },
    ],
  },
];
