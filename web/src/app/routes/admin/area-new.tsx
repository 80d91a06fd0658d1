import { useNavigate } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { AreaForm } from '../../../features/admin/components/area-form';
import { flashNotice } from '../../../lib/flash-notice';

export function NewAreaRoute() {
  const navigate = useNavigate();
  return (
    <>
      <BackLink to={paths.admin.areas}>Back to areas</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title="Add an area" caption="Administration" />
          <AreaForm
            cancelTo={paths.admin.areas}
            onSuccess={(area) => void navigate(paths.admin.areas, { state: flashNotice(`${area.name} has been added`) })}
          />
        </div>
      </div>
    </>
  );
}
