import { UserQuery } from '@marac/shared';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../../components/ui/button';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { UsersFilters } from '../../../features/admin/components/users-filters';
import { UsersTable } from '../../../features/admin/components/users-table';
import { useFlashNotice } from '../../../lib/flash-notice';
import { pageFrom, parseSearchParams, toSearchParams, withPage } from '../../../lib/search-params';

const PAGE_SIZE = 25;
const UserFilterParams = UserQuery.pick({ q: true, role: true, status: true });

export function UsersRoute() {
  const me = useSession();
  const notice = useFlashNotice();
  const [params, setParams] = useSearchParams();
  const filters = parseSearchParams(UserFilterParams, params);
  const page = pageFrom(params);

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <PageHeading title="Users" caption="Administration" />
      <ButtonLink to={paths.admin.newUser}>Add a user</ButtonLink>
      <UsersFilters
        key={JSON.stringify(filters)}
        initial={filters}
        clearTo={paths.admin.users}
        onApply={(applied) => setParams(toSearchParams(applied))}
      />
      <UsersTable
        query={{ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }}
        hrefForPage={(target) => `${paths.admin.users}${withPage(params, target)}`}
        currentUserId={me.user.id}
      />
    </>
  );
}
