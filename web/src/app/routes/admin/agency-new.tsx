import { useNavigate } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { AgencyForm } from '../../../features/admin/components/agency-form';
import { flashNotice } from '../../../lib/flash-notice';

export function NewAgencyRoute() {
  const navigate = useNavigate();
  return (
    <>
      <BackLink to={paths.admin.agencies}>Back to agencies</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title="Add an agency" caption="Administration" />
          <AgencyForm
            cancelTo={paths.admin.agencies}
            onSuccess={(agency) => void navigate(paths.admin.agencies, { state: flashNotice(`${agency.name} has been added`) })}
          />
        </div>
      </div>
    </>
  );
}
