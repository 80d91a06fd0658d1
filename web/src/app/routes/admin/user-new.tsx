import { useNavigate } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { UserForm } from '../../../features/admin/components/user-form';
import { flashNotice } from '../../../lib/flash-notice';

export function NewUserRoute() {
  const navigate = useNavigate();
  return (
    <>
      <BackLink to={paths.admin.users}>Back to users</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title="Add a user" caption="Administration" />
          <UserForm
            cancelTo={paths.admin.users}
            onSuccess={(user) =>
              void navigate(paths.admin.users, { state: flashNotice(`${user.name} has been added and can now sign in`) })
            }
          />
        </div>
      </div>
    </>
  );
}
