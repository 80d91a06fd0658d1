import { ButtonLink } from '../../../components/ui/button';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { AgenciesTable } from '../../../features/admin/components/agencies-table';
import { useFlashNotice } from '../../../lib/flash-notice';

export function AgenciesRoute() {
  const notice = useFlashNotice();
  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <PageHeading title="Agencies" caption="Administration" />
      <p className="govuk-body">The agencies invited to research cases and take actions, and the areas they serve.</p>
      <ButtonLink to={paths.admin.newAgency}>Add an agency</ButtonLink>
      <AgenciesTable />
    </>
  );
}
