import { Box, Center, Loader } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { canAdminister, isAdmin, useMe, useSetup } from '../features/auth/session';
import { t } from '../messages';
import { AppLayout } from './AppLayout';
import { NotFound } from './NotFound';
import { QueryError } from './QueryError';

function FullPageLoading() {
  return (
    <Center h="100vh" role="status" aria-label={t('common.loading')}>
      <Loader type="dots" />
    </Center>
  );
}

/** Signed out: first run goes to setup, otherwise to sign-in (remembering where they were going). */
function SignedOut() {
  const setup = useSetup();
  const location = useLocation();
  if (setup.isPending) return <FullPageLoading />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  const here = location.pathname + location.search;
  const next = here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
  return <Navigate to={`/sign-in${next}`} replace />;
}

/** The signed-in part of the app: checks the session, then renders the shell. */
export function RequireSession() {
  const me = useMe();
  if (me.isPending) return <FullPageLoading />;
  if (me.isError)
    return (
      <Box p="xl">
        <QueryError error={me.error} retry={() => me.refetch()} />
      </Box>
    );
  if (!me.data) return <SignedOut />;
  return <AppLayout />;
}

/** Pages for some roles only; everyone else sees not-found (hidden things look missing). */
export function RequireRole({ allow, children }: { allow: 'admin' | 'administer'; children: React.ReactNode }) {
  const { data } = useMe();
  const role = data?.user.role;
  const ok = role !== undefined && (allow === 'admin' ? isAdmin(role) : canAdminister(role));
  return ok ? <>{children}</> : <NotFound />;
}
