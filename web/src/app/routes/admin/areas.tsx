import { ButtonLink } from '../../../components/ui/button';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { AreasTable } from '../../../features/admin/components/areas-table';
import { useFlashNotice } from '../../../lib/flash-notice';

export function AreasRoute() {
  const notice = useFlashNotice();
  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <PageHeading title="MARAC areas" caption="Administration" />
      <p className="govuk-body">Each area holds its own meetings. Referrals are routed to the area covering the victim&apos;s address.</p>
      <ButtonLink to={paths.admin.newArea}>Add an area</ButtonLink>
      <AreasTable />
    </>
  );
}
