import { useNavigate, useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { WarningText } from '../../../components/ui/warning-text';
import { paths } from '../../../config/paths';
import { useUser } from '../../../features/admin/api/get-user';
import { useSession } from '../../../features/auth/components/require-session';
import { UserForm } from '../../../features/admin/components/user-form';
import { flashNotice } from '../../../lib/flash-notice';

export function EditUserRoute() {
  const { userId = '' } = useParams();
  const navigate = useNavigate();
  const me = useSession();
  const user = useUser(userId);

  return (
    <>
      <BackLink to={paths.admin.users}>Back to users</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title={user.data ? `Change ${user.data.name}` : 'Change a user'} caption="Administration" />
          {user.isPending ? <Loading /> : null}
          {user.isError ? <QueryProblem error={user.error} subject="the user" /> : null}

          {user.data ? (
            <>
              <p className="govuk-body">
                E-mail address: <strong>{user.data.email}</strong>
              </p>
              {/* The server ends the sessions of anyone whose role or areas change, to apply the new access at once. */}
              {user.data.id === me.user.id ? (
                <WarningText>This is your own account. Changing your role or areas signs you out.</WarningText>
              ) : null}
              <UserForm
                key={user.data.id}
                user={user.data}
                cancelTo={paths.admin.users}
                onSuccess={(saved) => void navigate(paths.admin.users, { state: flashNotice(`${saved.name} has been changed`) })}
              />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
