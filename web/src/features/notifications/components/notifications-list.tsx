import type { FieldError, Notification } from '@marac/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { Pagination, ResultCount } from '../../../components/ui/pagination';
import { QueryProblem } from '../../../components/ui/query-problem';
import { Tag } from '../../../components/ui/tag';
import { fieldErrorsFromFailure } from '../../../lib/field-errors';
import { formatTimestamp } from '../../../lib/format';
import { useNotifications } from '../api/get-notifications';
import { useMarkNotificationRead } from '../api/mark-notification-read';

export const NOTIFICATIONS_PAGE_SIZE = 25;

/** Only a path inside the app is followed: a notice's link is written by the server, but is never trusted to leave the app. */
const inAppPath = (link: string | null): string | null => (link !== null && link.startsWith('/') && !link.startsWith('//') ? link : null);

function NoticeItem({ notice, onRead, pending }: { notice: Notification; onRead: (id: string) => void; pending: boolean }) {
  const unread = notice.readAt === null;
  const link = inAppPath(notice.link);
  const headingId = `notice-${notice.id}`;
  return (
    <li className="app-notice">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-1" id={headingId}>
        {notice.subject}
        {unread ? (
          <>
            {' '}
            <Tag colour="blue">Unread</Tag>
          </>
        ) : null}
      </h2>
      <p className="govuk-body-s app-timeline__meta govuk-!-margin-bottom-1">{formatTimestamp(notice.createdAt)}</p>
      <p className="govuk-body govuk-!-margin-bottom-2">{notice.body}</p>
      <p className="govuk-body">
        {link ? (
          // Following the notice is reading it.
          <Link className="govuk-link" to={link} onClick={() => (unread ? onRead(notice.id) : undefined)}>
            Open the action<span className="govuk-visually-hidden">: {notice.subject}</span>
          </Link>
        ) : null}
        {unread ? (
          <button type="button" className={link ? 'app-link-button govuk-!-margin-left-3' : 'app-link-button'} onClick={() => onRead(notice.id)} aria-disabled={pending}>
            Mark as read<span className="govuk-visually-hidden">: {notice.subject}</span>
          </button>
        ) : null}
      </p>
    </li>
  );
}

interface NotificationsListProps {
  page: number;
  hrefForPage: (page: number) => string;
}

/** The user's notices, unread first, each with the action it is about and a way to mark it read. */
export function NotificationsList({ page, hrefForPage }: NotificationsListProps) {
  const list = useNotifications({ limit: NOTIFICATIONS_PAGE_SIZE, offset: (page - 1) * NOTIFICATIONS_PAGE_SIZE });
  const markRead = useMarkNotificationRead();
  const [errors, setErrors] = useState<FieldError[]>([]);

  if (list.isPending) return <Loading label="Loading your notifications…" />;
  if (list.isError) return <QueryProblem error={list.error} subject="your notifications" />;

  const read = (id: string) => {
    if (markRead.isPending) return;
    setErrors([]);
    markRead.mutate(id, { onError: (error) => setErrors(fieldErrorsFromFailure(error)) });
  };

  const { items, total, limit, offset, unread } = list.data;
  return (
    <>
      <ErrorSummary errors={errors} fieldIds={{}} />
      <p className="govuk-body" role="status">
        {unread === 0 ? 'You have no unread notifications.' : unread === 1 ? 'You have 1 unread notification.' : `You have ${unread} unread notifications.`}
      </p>
      {items.length === 0 ? (
        <p className="govuk-body">Nothing has been sent to you yet. You are told here when an action is due soon, overdue or escalated to you.</p>
      ) : (
        <>
          <ResultCount total={total} limit={limit} offset={offset} noun="notifications" singular="notification" />
          <ul className="govuk-list app-notices">
            {items.map((notice) => (
              <NoticeItem key={notice.id} notice={notice} onRead={read} pending={markRead.isPending} />
            ))}
          </ul>
          <Pagination total={total} limit={limit} offset={offset} hrefFor={hrefForPage} noun="notifications" />
        </>
      )}
    </>
  );
}
