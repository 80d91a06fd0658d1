import { useSearchParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { paths } from '../../config/paths';
import { NotificationsList } from '../../features/notifications/components/notifications-list';
import { pageFrom, withPage } from '../../lib/search-params';

/** The signed-in user's notices in the platform: actions due soon, overdue, escalated or given to their agency. */
export function NotificationsRoute() {
  const [params] = useSearchParams();
  return (
    <>
      <PageHeading title="Notifications" />
      <NotificationsList page={pageFrom(params)} hrefForPage={(target) => `${paths.notifications}${withPage(params, target)}`} />
    </>
  );
}
