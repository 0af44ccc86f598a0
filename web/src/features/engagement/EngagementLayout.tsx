import { IconCalendarRepeat, IconChartBar, IconChecklist, IconFlag, IconHeartHandshake, IconMessages } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { LinkTabs } from '../../components/LinkTabs';
import { NotFound } from '../../components/NotFound';
import { PageSkeleton } from '../../components/Skeletons';
import { t } from '../../messages';
import { isInternal, useSignedIn } from '../auth/session';

/** The section of /engagement/* that `pathname` is in ('' for the overview). */
export function engagementSection(pathname: string): string {
  return pathname.split('/')[2] ?? '';
}

/** /engagement/* — internal staff only; section links above each page. */
export default function EngagementLayout() {
  const { user } = useSignedIn();
  const { pathname } = useLocation();
  // The engagement log is internal: external participants see a missing page, as the API answers 404.
  if (!isInternal(user.role)) return <NotFound />;
  const current = engagementSection(pathname);
  const tabs = [
    { value: '', label: t('engagement.tab.attention'), icon: <IconFlag size={16} aria-hidden /> },
    { value: 'interactions', label: t('engagement.tab.interactions'), icon: <IconMessages size={16} aria-hidden /> },
    { value: 'follow-ups', label: t('engagement.tab.followUps'), icon: <IconChecklist size={16} aria-hidden /> },
    { value: 'cadences', label: t('engagement.tab.cadences'), icon: <IconCalendarRepeat size={16} aria-hidden /> },
    { value: 'capacity', label: t('engagement.tab.capacity'), icon: <IconChartBar size={16} aria-hidden /> },
    { value: 'expectations', label: t('engagement.tab.expectations'), icon: <IconHeartHandshake size={16} aria-hidden /> },
  ];
  return (
    <>
      <LinkTabs
        label={t('engagement.sections')}
        tabs={tabs.map((s) => ({ to: s.value ? `/engagement/${s.value}` : '/engagement', label: s.label, icon: s.icon, active: s.value === current }))}
      />
      {/* The section links stay while a page's chunk loads. */}
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </>
  );
}
