import { useNavigate, useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useAgencies } from '../../../features/admin/api/get-agencies';
import { AgencyForm } from '../../../features/admin/components/agency-form';
import { flashNotice } from '../../../lib/flash-notice';

export function EditAgencyRoute() {
  const { agencyId } = useParams();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const agency = agencies.data?.find((candidate) => candidate.id === agencyId);

  return (
    <>
      <BackLink to={paths.admin.agencies}>Back to agencies</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title={agency ? `Change ${agency.name}` : 'Change an agency'} caption="Administration" />
          {agencies.isPending ? <Loading /> : null}
          {agencies.isError ? <QueryProblem error={agencies.error} subject="the agency" /> : null}
          {agencies.isSuccess && !agency ? (
            <p className="govuk-body">There is no agency at this address. It may have been removed.</p>
          ) : null}
          {agency ? (
            <AgencyForm
              key={agency.id}
              agency={agency}
              cancelTo={paths.admin.agencies}
              onSuccess={(saved) => void navigate(paths.admin.agencies, { state: flashNotice(`${saved.name} has been changed`) })}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
