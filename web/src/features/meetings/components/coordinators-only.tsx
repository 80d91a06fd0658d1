import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';

/** Setting up and changing meetings is the coordinator’s job; the server refuses anyone else, this says so plainly. */
export function CoordinatorsOnly() {
  return (
    <>
      <PageHeading title="You do not have access to this page" />
      <p className="govuk-body">Only MARAC coordinators can arrange and change meetings.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={paths.meetings.list}>
          Go to meetings
        </Link>
      </p>
    </>
  );
}
