import { IconBuilding, IconHistory, IconLayoutGrid, IconMailForward, IconUsers } from '@tabler/icons-react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../api/types';
import { LinkTabs } from '../../components/LinkTabs';
import { t } from '../../messages';
import { isAdmin, useSignedIn } from '../auth/session';

/** /admin/* — section links for what the reader may administer. */
export default function AdminLayout() {
  const { user } = useSignedIn();
  const { pathname } = useLocation();
  const current = pathname.split('/')[2] ?? '';
  const sections = [
    { value: 'users', label: t('admin.tab.users'), icon: <IconUsers size={16} aria-hidden />, adminOnly: true },
    { value: 'organisations', label: t('admin.tab.organisations'), icon: <IconBuilding size={16} aria-hidden />, adminOnly: false },
    { value: 'spaces', label: t('admin.tab.spaces'), icon: <IconLayoutGrid size={16} aria-hidden />, adminOnly: false },
    { value: 'invitations', label: t('admin.tab.invitations'), icon: <IconMailForward size={16} aria-hidden />, adminOnly: false },
    { value: 'audit', label: t('admin.tab.audit'), icon: <IconHistory size={16} aria-hidden />, adminOnly: true },
  ].filter((s) => !s.adminOnly || isAdmin(user.role));
  if (current === '') return <Navigate to={adminHome(user.role)} replace />;
  return (
    <>
      <LinkTabs
        label={t('admin.sections')}
        tabs={sections.map((s) => ({ to: `/admin/${s.value}`, label: s.label, icon: s.icon, active: s.value === current }))}
      />
      <Outlet />
    </>
  );
}

/** Administrators start at users, innovation managers at spaces. */
function adminHome(role: Role): string {
  return isAdmin(role) ? '/admin/users' : '/admin/spaces';
}
