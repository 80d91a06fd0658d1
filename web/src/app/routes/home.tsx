import { ROLE_LABELS } from '@marac/shared';
import { PageHeading } from '../../components/ui/page-heading';
import { useSession } from '../../features/auth/components/require-session';
import { HomeSummaryView } from '../../features/home/components/home-summary';

export function HomeRoute() {
  const me = useSession();
  const areas = me.areas.map((area) => area.name).join(', ');
  return (
    <>
      <PageHeading title={me.user.name} caption={ROLE_LABELS[me.user.role]} documentTitle="Home" />
      {me.agency || areas ? (
        <p className="govuk-body-l">
          {me.agency ? me.agency.name : null}
          {me.agency && areas ? ' · ' : null}
          {areas}
        </p>
      ) : null}
      <HomeSummaryView />
    </>
  );
}
