// The engagement module's pages, mounted inside the signed-in shell by router.tsx.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { NotFound } from '../../components/NotFound';

// Every page is its own chunk.
const pages = {
  layout: () => import('./EngagementLayout'),
  attention: () => import('./AttentionPage'),
  interactions: () => import('./InteractionsPage'),
  interaction: () => import('./InteractionDetailPage'),
  interactionForm: () => import('./InteractionFormPage'),
  followUps: () => import('./FollowUpsPage'),
  followUpForm: () => import('./FollowUpFormPage'),
  cadences: () => import('./CadencesPage'),
  capacity: () => import('./CapacityPage'),
  expectations: () => import('./ExpectationsPage'),
};
const EngagementLayout = lazy(pages.layout);
const AttentionPage = lazy(pages.attention);
const InteractionsPage = lazy(pages.interactions);
const InteractionDetailPage = lazy(pages.interaction);
const InteractionFormPage = lazy(pages.interactionForm);
const FollowUpsPage = lazy(pages.followUps);
const FollowUpFormPage = lazy(pages.followUpForm);
const CadencesPage = lazy(pages.cadences);
const CapacityPage = lazy(pages.capacity);
const ExpectationsPage = lazy(pages.expectations);

/** Chunk loaders for `path`, so navigation can start fetching them early. */
export function preloadEngagement(path: string): (() => Promise<unknown>)[] {
  const parts = path.replace(/\/+$/, '').split('/').slice(2); // after "/engagement"
  const [section = '', second, third] = parts;
  const page = (() => {
    switch (section) {
      case '':
        return pages.attention;
      case 'interactions':
        if (second === undefined) return pages.interactions;
        if (second === 'new' || third === 'edit') return pages.interactionForm;
        return pages.interaction;
      case 'follow-ups':
        return second === undefined ? pages.followUps : pages.followUpForm;
      case 'cadences':
        return pages.cadences;
      case 'capacity':
        return pages.capacity;
      case 'expectations':
        return pages.expectations;
      default:
        return undefined;
    }
  })();
  return page ? [pages.layout, page] : [pages.layout];
}

export const engagementRoutes: RouteObject[] = [
  {
    path: 'engagement',
    element: <EngagementLayout />,
    children: [
      { index: true, element: <AttentionPage /> },
      { path: 'interactions', element: <InteractionsPage /> },
      { path: 'interactions/new', element: <InteractionFormPage /> },
      { path: 'interactions/:id', element: <InteractionDetailPage /> },
      { path: 'interactions/:id/edit', element: <InteractionFormPage key="edit" /> },
      { path: 'follow-ups', element: <FollowUpsPage /> },
      { path: 'follow-ups/new', element: <FollowUpFormPage /> },
      { path: 'follow-ups/:id/edit', element: <FollowUpFormPage key="edit" /> },
      { path: 'cadences', element: <CadencesPage /> },
      { path: 'capacity', element: <CapacityPage /> },
      { path: 'expectations', element: <ExpectationsPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
