// The projects module's pages, mounted inside the signed-in shell by router.tsx. ProjectsLayout
// keeps external participants out (they get not-found, as the API answers them 404).
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { NotFound } from '../../components/NotFound';

// Every page is its own chunk.
const pages = {
  layout: () => import('./ProjectsLayout'),
  board: () => import('./BoardPage'),
  propose: () => import('./ProposePage'),
  project: () => import('./ProjectPage'),
  funnel: () => import('./FunnelPage'),
  stopped: () => import('./StoppedPage'),
  frameworks: () => import('./FrameworksPage'),
  framework: () => import('./FrameworkEditorPage'),
};
const ProjectsLayout = lazy(pages.layout);
const BoardPage = lazy(pages.board);
const ProposePage = lazy(pages.propose);
const ProjectPage = lazy(pages.project);
const FunnelPage = lazy(pages.funnel);
const StoppedPage = lazy(pages.stopped);
const FrameworksPage = lazy(pages.frameworks);
const FrameworkEditorPage = lazy(pages.framework);

/** Chunk loaders for `path`, so navigation can start fetching them early. */
export function preloadProjects(path: string): (() => Promise<unknown>)[] {
  const [section = '', second] = path.replace(/\/+$/, '').split('/').slice(2); // after "/projects"
  const page = (() => {
    switch (section) {
      case '':
        return pages.board;
      case 'new':
        return pages.propose;
      case 'funnel':
        return pages.funnel;
      case 'stopped':
        return pages.stopped;
      case 'frameworks':
        return second === undefined ? pages.frameworks : pages.framework;
      default:
        return /^\d+$/.test(section) ? pages.project : undefined;
    }
  })();
  return page ? [pages.layout, page] : [pages.layout];
}

export const projectsRoutes: RouteObject[] = [
  {
    path: 'projects',
    element: <ProjectsLayout />,
    children: [
      { index: true, element: <BoardPage /> },
      { path: 'new', element: <ProposePage /> },
      { path: 'funnel', element: <FunnelPage /> },
      { path: 'stopped', element: <StoppedPage /> },
      { path: 'frameworks', element: <FrameworksPage /> },
      { path: 'frameworks/:id', element: <FrameworkEditorPage /> },
      { path: ':id', element: <ProjectPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
