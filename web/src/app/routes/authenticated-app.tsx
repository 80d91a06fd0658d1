import { ROLE_LABELS } from '@marac/shared';
import { Outlet } from 'react-router';
import { PageLayout } from '../../components/layouts/page-layout';
import { RequireSession } from '../../features/auth/components/require-session';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { NotificationsLink } from '../../features/notifications/components/notifications-link';
import { navigationFor, receivesNotifications } from '../navigation';

export function AuthenticatedApp() {
  return (
    <RequireSession>
      {(me) => (
        <PageLayout
          demo={me.demo}
          navigation={navigationFor(me.user.role)}
          user={{ name: me.user.name, roleLabel: ROLE_LABELS[me.user.role], agencyName: me.agency?.name ?? null }}
          signOut={<SignOutButton />}
          notices={receivesNotifications(me.user.role) ? <NotificationsLink /> : null}
        >
          <Outlet />
        </PageLayout>
      )}
    </RequireSession>
  );
}
