import { Link, Outlet } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';

/** Administration pages are for administrators; the server enforces it, this says so plainly. */
export function AdminSection() {
  const me = useSession();
  if (me.user.role !== 'administrator') {
    return (
      <>
        <PageHeading title="You do not have access to this page" />
        <p className="govuk-body">Only administrators can manage areas, agencies and users, and read the audit log and the outbox.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={paths.home}>
            Go to your home page
          </Link>
        </p>
      </>
    );
  }
  return <Outlet />;
}
