// The ideas module's pages, mounted inside the signed-in shell by router.tsx. Everyone signed in
// may open them: external participants see the challenges and ideas of their own spaces (the API
// filters, and answers 404 for the rest), and the moderation queue is for moderators only.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { NotFound } from '../../components/NotFound';

// Every page is its own chunk.
const pages = {
  layout: () => import('./IdeasLayout'),
  challenges: () => import('./ChallengesPage'),
  challenge: () => import('./ChallengePage'),
  challengeForm: () => import('./ChallengeFormPage'),
  ideas: () => import('./IdeasPage'),
  submit: () => import('./SubmitIdeaPage'),
  idea: () => import('./IdeaPage'),
  moderation: () => import('./ModerationPage'),
  points: () => import('./PointsPage'),
};
const IdeasLayout = lazy(pages.layout);
const ChallengesPage = lazy(pages.challenges);
const ChallengePage = lazy(pages.challenge);
const ChallengeFormPage = lazy(pages.challengeForm);
const IdeasPage = lazy(pages.ideas);
const SubmitIdeaPage = lazy(pages.submit);
const IdeaPage = lazy(pages.idea);
const ModerationPage = lazy(pages.moderation);
const PointsPage = lazy(pages.points);

/** Chunk loaders for `path`, so navigation can start fetching them early. */
export function preloadIdeas(path: string): (() => Promise<unknown>)[] {
  const [section = '', second, third] = path.replace(/\/+$/, '').split('/').slice(2); // after "/ideas"
  const page = (() => {
    switch (section) {
      case '':
        return pages.challenges;
      case 'challenges':
        if (second === 'new' || third === 'edit') return pages.challengeForm;
        return second !== undefined && /^\d+$/.test(second) ? pages.challenge : undefined;
      case 'all':
        return pages.ideas;
      case 'new':
        return pages.submit;
      case 'moderation':
        return pages.moderation;
      case 'points':
        return pages.points;
      default:
        return /^\d+$/.test(section) ? pages.idea : undefined;
    }
  })();
  return page ? [pages.layout, page] : [pages.layout];
}

export const ideasRoutes: RouteObject[] = [
  {
    path: 'ideas',
    element: <IdeasLayout />,
    children: [
      { index: true, element: <ChallengesPage /> },
      { path: 'challenges/new', element: <ChallengeFormPage /> },
      { path: 'challenges/:id', element: <ChallengePage /> },
      { path: 'challenges/:id/edit', element: <ChallengeFormPage /> },
      { path: 'all', element: <IdeasPage /> },
      { path: 'new', element: <SubmitIdeaPage /> },
      { path: 'moderation', element: <ModerationPage /> },
      { path: 'points', element: <PointsPage /> },
      { path: ':id', element: <IdeaPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
