import { IconArchive, IconChartFunnel, IconLayoutKanban, IconStack2 } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { LinkTabs } from '../../components/LinkTabs';
import { NotFound } from '../../components/NotFound';
import { PageSkeleton } from '../../components/Skeletons';
import { isInternal, useSignedIn } from '../auth/session';
import { t } from '../../messages';

/** The section of /projects/* that `pathname` is in ('' for the board and project pages). */
export function projectsSection(pathname: string): string {
  const section = pathname.split('/')[2] ?? '';
  return ['funnel', 'stopped', 'frameworks'].includes(section) ? section : '';
}

/** /projects/* — internal staff only (the API answers 404 to externals); section links above each page. */
export default function ProjectsLayout() {
  const { user } = useSignedIn();
  const { pathname } = useLocation();
  if (!isInternal(user.role)) return <NotFound />;
  const current = projectsSection(pathname);
  const tabs = [
    { value: '', label: t('projects.tab.board'), icon: <IconLayoutKanban size={16} aria-hidden /> },
    { value: 'funnel', label: t('projects.tab.funnel'), icon: <IconChartFunnel size={16} aria-hidden /> },
    { value: 'stopped', label: t('projects.tab.stopped'), icon: <IconArchive size={16} aria-hidden /> },
    { value: 'frameworks', label: t('projects.tab.frameworks'), icon: <IconStack2 size={16} aria-hidden /> },
  ];
  return (
    <>
      <LinkTabs
        label={t('projects.sections')}
        tabs={tabs.map((s) => ({ to: s.value ? `/projects/${s.value}` : '/projects', label: s.label, icon: s.icon, active: s.value === current }))}
      />
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </>
  );
}
