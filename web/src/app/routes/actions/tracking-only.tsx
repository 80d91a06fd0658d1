import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';

/** Actions are followed by the agencies that own them and the MARAC's coordinators and chairs; the server refuses anyone else. */
export function TrackingOnly() {
  return (
    <>
      <PageHeading title="You do not have access to this page" />
      <p className="govuk-body">Actions agreed at MARAC meetings are followed by the representatives of the agencies that own them, and by the MARAC coordinators and chairs.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={paths.home}>
          Go to your home page
        </Link>
      </p>
    </>
  );
}

export const tracksActions = (role: string): boolean => role === 'agency_representative' || role === 'coordinator' || role === 'chair';
