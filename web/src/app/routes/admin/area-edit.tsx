import { useNavigate, useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useAreas } from '../../../features/admin/api/get-areas';
import { AreaForm } from '../../../features/admin/components/area-form';
import { flashNotice } from '../../../lib/flash-notice';

export function EditAreaRoute() {
  const { areaId } = useParams();
  const navigate = useNavigate();
  const areas = useAreas();
  const area = areas.data?.find((candidate) => candidate.id === areaId);

  return (
    <>
      <BackLink to={paths.admin.areas}>Back to areas</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title={area ? `Change ${area.name}` : 'Change an area'} caption="Administration" />
          {areas.isPending ? <Loading /> : null}
          {areas.isError ? <QueryProblem error={areas.error} subject="the area" /> : null}
          {areas.isSuccess && !area ? <p className="govuk-body">There is no area at this address. It may have been removed.</p> : null}
          {area ? (
            <AreaForm
              key={area.id}
              area={area}
              cancelTo={paths.admin.areas}
              onSuccess={(saved) => void navigate(paths.admin.areas, { state: flashNotice(`${saved.name} has been changed`) })}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
