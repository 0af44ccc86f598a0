import { IconDevices, IconKey, IconUser } from '@tabler/icons-react';
import { Outlet, useLocation } from 'react-router';
import { LinkTabs } from '../../components/LinkTabs';
import { t } from '../../messages';
import { isInternal, useSignedIn } from '../auth/session';

/** /me/* — the reader's own account: profile and password, sessions, API tokens (internal users). */
export default function MeLayout() {
  const { user } = useSignedIn();
  const { pathname } = useLocation();
  const tabs = [
    { to: '/me', label: t('me.tab.profile'), icon: <IconUser size={16} aria-hidden />, active: pathname === '/me' },
    {
      to: '/me/sessions',
      label: t('me.tab.sessions'),
      icon: <IconDevices size={16} aria-hidden />,
      active: pathname.startsWith('/me/sessions'),
    },
  ];
  if (isInternal(user.role)) {
    tabs.push({
      to: '/me/tokens',
      label: t('me.tab.tokens'),
      icon: <IconKey size={16} aria-hidden />,
      active: pathname.startsWith('/me/tokens'),
    });
  }
  return (
    <>
      <LinkTabs label={t('me.sections')} tabs={tabs} />
      <Outlet />
    </>
  );
}
