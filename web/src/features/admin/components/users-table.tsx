import { ROLE_LABELS, type User, type UserQuery } from '@marac/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { Pagination, ResultCount } from '../../../components/ui/pagination';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { formatTimestamp } from '../../../lib/format';
import { useAgencies } from '../api/get-agencies';
import { useAreas } from '../api/get-areas';
import { useUsers } from '../api/get-users';
import { areaNames } from './area-names';
import { UserStatusConfirmation, type StatusChange } from './user-status-confirmation';

interface UsersTableProps {
  query: UserQuery;
  hrefForPage: (page: number) => string;
  /** The signed-in administrator, who cannot disable their own account from here. */
  currentUserId: string;
}

const actionButtonId = (user: User) => `user-status-${user.id}`;

export function UsersTable({ query, hrefForPage, currentUserId }: UsersTableProps) {
  const users = useUsers(query);
  const areas = useAreas();
  const agencies = useAgencies();
  const [confirming, setConfirming] = useState<{ user: User; change: StatusChange } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (users.isPending) return <Loading label="Loading users…" />;
  if (users.isError) return <QueryProblem error={users.error} subject="the list of users" />;

  const agencyName = (id: string | null) => (id ? (agencies.data?.find((agency) => agency.id === id)?.name ?? 'Unknown agency') : null);

  const cancel = () => {
    const trigger = confirming ? document.getElementById(actionButtonId(confirming.user)) : null;
    setConfirming(null);
    trigger?.focus();
  };

  const done = (user: User, change: StatusChange) => {
    setConfirming(null);
    setNotice(
      change === 'disable'
        ? `${user.name}’s account has been disabled and they have been signed out`
        : `${user.name}’s account has been enabled`,
    );
  };

  const { items, total, limit, offset } = users.data;

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      {confirming ? (
        // The account as the list now shows it: read again after someone else changed it, it is what is confirmed.
        <UserStatusConfirmation user={items.find((user) => user.id === confirming.user.id) ?? confirming.user} change={confirming.change} onDone={done} onCancel={cancel} />
      ) : null}
      {items.length === 0 ? (
        <p className="govuk-body">No users match these filters.</p>
      ) : (
        <>
          <ResultCount total={total} limit={limit} offset={offset} noun="users" singular="user" />
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Users</caption>
            <TableHead columns={['Name', 'Role', 'Areas', 'Last signed in', 'Status', { label: 'Actions', hidden: true }]} />
            <tbody className="govuk-table__body">
              {items.map((user) => (
                <tr className="govuk-table__row" key={user.id}>
                  <td className="govuk-table__cell">
                    <strong>{user.name}</strong>
                    <br />
                    <span className="govuk-body-s">{user.email}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {ROLE_LABELS[user.role]}
                    {user.agencyId ? (
                      <>
                        <br />
                        <span className="govuk-body-s">{agencyName(user.agencyId)}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{areaNames(user.areaIds, areas.data)}</td>
                  <td className="govuk-table__cell">{user.lastSignedInAt ? formatTimestamp(user.lastSignedInAt) : 'Never'}</td>
                  <td className="govuk-table__cell">
                    {user.disabledAt ? <Tag colour="grey">Disabled</Tag> : <Tag colour="green">Active</Tag>}
                  </td>
                  <td className="govuk-table__cell app-table__actions">
                    <Link className="govuk-link" to={paths.admin.editUser(user.id)}>
                      Change{' '}<span className="govuk-visually-hidden">{user.name}</span>
                    </Link>
                    {user.id === currentUserId ? null : (
                      <button
                          type="button"
                          id={actionButtonId(user)}
                          className="app-link-button"
                          onClick={() => {
                            setNotice(null);
                            setConfirming({ user, change: user.disabledAt ? 'enable' : 'disable' });
                          }}
                        >
                          {user.disabledAt ? 'Enable' : 'Disable'}
                          {' '}<span className="govuk-visually-hidden">{user.name}</span>
                        </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination total={total} limit={limit} offset={offset} hrefFor={hrefForPage} noun="users" />
        </>
      )}
    </>
  );
}
