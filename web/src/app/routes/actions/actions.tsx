import type { ActionFilter } from '@marac/shared';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { useMeetingChoices } from '../../../features/actions/api/get-meeting-choices';
import { actionSearchParams, readActionFilter } from '../../../features/actions/components/action-list-filters';
import { ActionsFilters } from '../../../features/actions/components/actions-filters';
import { ActionsList } from '../../../features/actions/components/actions-list';
import { agencyDirectoryQueryOptions } from '../../../lib/api/get-agency-directory';
import { pageFrom, withPage } from '../../../lib/search-params';
import { todayInLondon } from '../../../lib/today';
import { TrackingOnly, tracksActions } from './tracking-only';

/**
 * The actions the user may follow: a representative's agency's ("My agency's actions"), or every
 * agency's in the areas of a coordinator or chair, filtered by state, area, agency, meeting, case,
 * status and due dates, all kept in the address.
 */
export function ActionsRoute() {
  const me = useSession();
  if (!tracksActions(me.user.role)) return <TrackingOnly />;
  return <ActionsPage />;
}

function ActionsPage() {
  const me = useSession();
  const staff = me.user.role !== 'agency_representative';
  const [params, setParams] = useSearchParams();
  const parsed = readActionFilter(params);
  // An area from an old bookmark that the user no longer works in would only be refused.
  const filter: ActionFilter = { ...parsed, areaId: me.areas.some((area) => area.id === parsed.areaId) ? parsed.areaId : undefined };
  const page = pageFrom(params);
  // Only coordinators and chairs choose an agency: a representative's list is their own agency's.
  const agencies = useQuery({ ...agencyDirectoryQueryOptions(), enabled: staff });
  const meetings = useMeetingChoices(todayInLondon());
  const areaCaption = me.areas.length === 1 ? me.areas[0]?.name : 'Your MARAC areas';

  return (
    <>
      <PageHeading title={staff ? 'Actions' : 'My agency’s actions'} caption={staff ? areaCaption : (me.agency?.name ?? areaCaption)} />
      <p className="govuk-body">
        {staff
          ? 'Actions agreed at the meetings of your areas. Open actions come back at the next meeting’s review of outstanding actions.'
          : 'Actions your agency agreed at MARAC meetings. Update each one as you work on it: the MARAC reviews every open action at its next meeting.'}
      </p>
      {staff ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={paths.actions.review}>
            See the review of your area’s actions by agency
          </Link>
        </p>
      ) : null}
      <ActionsFilters
        key={JSON.stringify(filter)}
        initial={filter}
        areas={me.areas}
        agencies={staff ? (agencies.data ?? []) : null}
        meetings={meetings.data}
        clearTo={paths.actions.filtered({ state: filter.state })}
        onApply={(applied) => setParams(actionSearchParams(applied))}
      />
      <ActionsList
        filter={filter}
        page={page}
        hrefForPage={(target) => `${paths.actions.list}${withPage(params, target)}`}
        showAgency={staff}
        showArea={me.areas.length > 1 && filter.areaId === undefined}
      />
    </>
  );
}
