import { IconBulb, IconShieldCheck, IconTarget, IconTrophy } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { LinkTabs } from '../../components/LinkTabs';
import { PageSkeleton } from '../../components/Skeletons';
import { useSignedIn } from '../auth/session';
import { t } from '../../messages';
import { moderatesAnywhere } from './labels';

/** The section of /ideas/* that `pathname` is in: challenge pages, idea pages, moderation or points. */
export function ideasSection(pathname: string): string {
  const section = pathname.split('/')[2] ?? '';
  if (section === '' || section === 'challenges') return '';
  if (section === 'moderation' || section === 'points') return section;
  return 'all';
}

/**
 * /ideas/* — for everyone signed in: external participants see the challenges and ideas of their
 * spaces (the API filters); the moderation queue is offered only to moderators.
 */
export default function IdeasLayout() {
  const me = useSignedIn();
  const { pathname } = useLocation();
  const current = ideasSection(pathname);
  const tabs = [
    { value: '', label: t('ideas.tab.challenges'), icon: <IconTarget size={16} aria-hidden /> },
    { value: 'all', label: t('ideas.tab.ideas'), icon: <IconBulb size={16} aria-hidden /> },
    ...(moderatesAnywhere(me) ? [{ value: 'moderation', label: t('ideas.tab.moderation'), icon: <IconShieldCheck size={16} aria-hidden /> }] : []),
    { value: 'points', label: t('ideas.tab.points'), icon: <IconTrophy size={16} aria-hidden /> },
  ];
  return (
    <>
      <LinkTabs
        label={t('ideas.sections')}
        tabs={tabs.map((s) => ({ to: s.value ? `/ideas/${s.value}` : '/ideas', label: s.label, icon: s.icon, active: s.value === current }))}
      />
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </>
  );
}
