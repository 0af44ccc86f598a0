import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound } from './components/NotFound';
import { RequireRole, RequireSession } from './components/RequireSession';
import { PageSkeleton } from './components/Skeletons';
import { RouteError } from './components/RouteError';
import { engagementRoutes, preloadEngagement } from './features/engagement/routes';
import { ideasRoutes, preloadIdeas } from './features/ideas/routes';
import { preloadProjects, projectsRoutes } from './features/projects/routes';
import { preloadStakeholders, stakeholdersRoutes } from './features/stakeholders/routes';

// Every page is its own chunk: the first load carries only the shell.
const pages = {
  setup: () => import('./features/auth/SetupPage'),
  signIn: () => import('./features/auth/SignInPage'),
  invite: () => import('./features/auth/InvitePage'),
  home: () => import('./features/home/HomePage'),
  space: () => import('./features/spaces/SpacePage'),
  meLayout: () => import('./features/me/MeLayout'),
  profile: () => import('./features/me/ProfilePage'),
  sessions: () => import('./features/me/SessionsPage'),
  tokens: () => import('./features/me/TokensPage'),
  adminLayout: () => import('./features/admin/AdminLayout'),
  users: () => import('./features/admin/UsersPage'),
  user: () => import('./features/admin/UserPage'),
  organisations: () => import('./features/admin/OrganisationsPage'),
  spaces: () => import('./features/admin/SpacesAdminPage'),
  spaceAdmin: () => import('./features/admin/SpaceAdminPage'),
  invitations: () => import('./features/admin/InvitationsPage'),
  audit: () => import('./features/admin/AuditPage'),
};
const SetupPage = lazy(pages.setup);
const SignInPage = lazy(pages.signIn);
const InvitePage = lazy(pages.invite);
const HomePage = lazy(pages.home);
const SpacePage = lazy(pages.space);
const MeLayout = lazy(pages.meLayout);
const ProfilePage = lazy(pages.profile);
const SessionsPage = lazy(pages.sessions);
const TokensPage = lazy(pages.tokens);
const AdminLayout = lazy(pages.adminLayout);
const UsersPage = lazy(pages.users);
const UserPage = lazy(pages.user);
const OrganisationsPage = lazy(pages.organisations);
const SpacesAdminPage = lazy(pages.spaces);
const SpaceAdminPage = lazy(pages.spaceAdmin);
const InvitationsPage = lazy(pages.invitations);
const AuditPage = lazy(pages.audit);

/**
 * Starts loading the chunks of the page at `pathname` at once, in parallel with the session
 * check, instead of after it (React.lazy then finds the module already there).
 */
export function preloadPage(pathname: string): void {
  const path = pathname.replace(/\/+$/, '') || '/';
  const load: (() => Promise<unknown>)[] = [];
  if (path === '/') load.push(pages.home);
  else if (path === '/sign-in') load.push(pages.signIn);
  else if (path === '/setup') load.push(pages.setup);
  else if (path.startsWith('/invite/')) load.push(pages.invite);
  else if (path.startsWith('/spaces/')) load.push(pages.space);
  else if (path.startsWith('/me')) load.push(pages.meLayout, path === '/me' ? pages.profile : path.endsWith('/tokens') ? pages.tokens : pages.sessions);
  else if (path.startsWith('/stakeholders')) load.push(...preloadStakeholders(path));
  else if (path.startsWith('/engagement')) load.push(...preloadEngagement(path));
  else if (path === '/projects' || path.startsWith('/projects/')) load.push(...preloadProjects(path));
  else if (path === '/ideas' || path.startsWith('/ideas/')) load.push(...preloadIdeas(path));
  else if (path.startsWith('/admin')) {
    load.push(pages.adminLayout);
    const section = path.split('/')[2];
    const sectionPage = { users: pages.users, organisations: pages.organisations, spaces: pages.spaces, invitations: pages.invitations, audit: pages.audit }[
      section ?? ''
    ];
    if (sectionPage) load.push(sectionPage);
  }
  for (const l of load) l().catch(() => undefined);
}

/** A page outside the shell (public pages), with its own loading placeholder. */
function standalone(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<PageSkeleton />}>
      <Page />
    </Suspense>
  );
}

const adminOnly = (Page: LazyExoticComponent<ComponentType>) => (
  <RequireRole allow="admin">
    <Page />
  </RequireRole>
);

export const routes: RouteObject[] = [
  { path: '/setup', element: standalone(SetupPage), errorElement: <RouteError /> },
  { path: '/sign-in', element: standalone(SignInPage), errorElement: <RouteError /> },
  { path: '/invite/:token', element: standalone(InvitePage), errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'spaces/:id', element: <SpacePage /> },
      ...stakeholdersRoutes,
      ...engagementRoutes,
      ...projectsRoutes,
      ...ideasRoutes,
      {
        path: 'me',
        element: <MeLayout />,
        children: [
          { index: true, element: <ProfilePage /> },
          { path: 'sessions', element: <SessionsPage /> },
          { path: 'tokens', element: <TokensPage /> },
        ],
      },
      {
        path: 'admin',
        element: (
          <RequireRole allow="administer">
            <AdminLayout />
          </RequireRole>
        ),
        children: [
          { index: true, element: null },
          { path: 'users', element: adminOnly(UsersPage) },
          { path: 'users/:id', element: adminOnly(UserPage) },
          { path: 'organisations', element: <OrganisationsPage /> },
          { path: 'spaces', element: <SpacesAdminPage /> },
          { path: 'spaces/:id', element: <SpaceAdminPage /> },
          { path: 'invitations', element: <InvitationsPage /> },
          { path: 'audit', element: adminOnly(AuditPage) },
          { path: '*', element: <NotFound /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
