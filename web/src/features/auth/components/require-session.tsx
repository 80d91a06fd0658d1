import type { Me } from '@marac/shared';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, use, useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLayout } from '../../../components/layouts/page-layout';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { isUnauthenticated, setCsrfToken } from '../../../lib/api-client';
import { authKeys } from '../api/auth-keys';
import { useMe } from '../api/get-me';
import { sessionEndedState, signInPath } from '../utils/return-path';

const SessionContext = createContext<Me | null>(null);

/** The signed-in user, for anything rendered inside RequireSession. */
export function useSession(): Me {
  const me = use(SessionContext);
  if (!me) throw new Error('useSession is only available inside <RequireSession>');
  return me;
}

/**
 * Renders its children only for a signed-in user; anyone else goes to sign-in, keeping the page they
 * asked for. A 401 from any later call means the server ended the session (idle or absolute limit, or
 * the account was disabled), so the person is sent to sign in again and told why.
 */
export function RequireSession({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    const endSession = () => {
      setEnded(true);
      setCsrfToken(null);
      queryClient.setQueryData(authKeys.me(), null);
    };
    const stopQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && isUnauthenticated(event.action.error)) endSession();
    });
    const stopMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && isUnauthenticated(event.action.error)) endSession();
    });
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient]);

  if (me.isPending) {
    return (
      <PageLayout demo={false}>
        <Loading label="Checking you are signed in…" />
      </PageLayout>
    );
  }
  if (me.isError) {
    return (
      <PageLayout demo={false}>
        <PageHeading title="Sorry, there is a problem with the service" />
        <QueryProblem error={me.error} subject="your account" />
      </PageLayout>
    );
  }
  if (me.data === null) {
    return (
      <Navigate
        to={signInPath(`${location.pathname}${location.search}`)}
        replace
        state={ended ? sessionEndedState : undefined}
      />
    );
  }
  return <SessionContext value={me.data}>{children(me.data)}</SessionContext>;
}
