import { MeetingQuery } from '@marac/shared';
import { useSearchParams } from 'react-router';
import { ButtonGroup, ButtonLink } from '../../../components/ui/button';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { MeetingsFilters } from '../../../features/meetings/components/meetings-filters';
import { MeetingsTable } from '../../../features/meetings/components/meetings-table';
import { useFlashNotice } from '../../../lib/flash-notice';
import { formatLongDate } from '../../../lib/format';
import { parseSearchParams, toSearchParams } from '../../../lib/search-params';

function rangeText(from: string | undefined, to: string | undefined): string {
  if (from && to) return `From ${formatLongDate(from)} to ${formatLongDate(to)}.`;
  if (from) return `From ${formatLongDate(from)}, for 26 weeks.`;
  if (to) return `From today to ${formatLongDate(to)}.`;
  return 'From today, for the next 26 weeks.';
}

/**
 * The meetings of the user's areas; a representative sees the published agendas their agency is invited
 * to, an observer the published meetings they are recorded at.
 */
export function MeetingsRoute() {
  const me = useSession();
  const notice = useFlashNotice();
  const [params, setParams] = useSearchParams();
  const parsed = parseSearchParams(MeetingQuery, params);
  // An area from an old bookmark that the user no longer works in would only be refused.
  const filters = { ...parsed, areaId: me.areas.some((area) => area.id === parsed.areaId) ? parsed.areaId : undefined };
  const representative = me.user.role === 'agency_representative';
  const observer = me.user.role === 'observer';

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <PageHeading title="Meetings" caption={me.areas.length === 1 ? me.areas[0]?.name : 'Your MARAC areas'} />
      <p className="govuk-body">
        {representative
          ? 'Meetings whose agenda has been sent to your agency, soonest first. '
          : observer
            ? 'Meetings you are recorded as observing or attending, soonest first. '
            : 'Soonest first. '}
        {rangeText(filters.from, filters.to)}
      </p>
      {me.user.role === 'coordinator' ? (
        <ButtonGroup>
          <ButtonLink to={paths.meetings.newSeries}>Set up a meeting series</ButtonLink>
          <ButtonLink to={paths.meetings.newMeeting} variant="secondary">
            Arrange a one-off or emergency meeting
          </ButtonLink>
        </ButtonGroup>
      ) : null}
      <MeetingsFilters
        key={JSON.stringify(filters)}
        initial={filters}
        areas={me.areas}
        clearTo={paths.meetings.list}
        onApply={(applied) => setParams(toSearchParams(applied))}
      />
      <MeetingsTable
        query={filters}
        showArea={me.areas.length > 1 && filters.areaId === undefined}
        coordinator={me.user.role === 'coordinator'}
        empty={
          representative
            ? 'No agenda in these dates has been sent to your agency.'
            : observer
              ? 'You are not recorded at any meeting in these dates.'
              : 'There are no meetings in these dates.'
        }
      />
    </>
  );
}
