import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatNumber } from '../../../lib/format';
import { useUnreadCount } from '../api/get-notifications';

/**
 * The header's way to the user's notices, with the number unread. Until the count is known (or if it
 * cannot be read) the link is there without a number: the page itself says what went wrong.
 */
export function NotificationsLink() {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <Link className="app-header__link" to={paths.notifications}>
      Notifications
      {count > 0 ? (
        <>
          {' '}
          <span className="app-header__count">{formatNumber(count)}</span>{' '}
          <span className="govuk-visually-hidden">unread</span>
        </>
      ) : null}
    </Link>
  );
}
