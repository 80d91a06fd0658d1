import { ActionReviewQuery } from '@marac/shared';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { useActionReview } from '../../../features/actions/api/get-action-review';
import { ReviewFilters } from '../../../features/actions/components/review-filters';
import { ReviewHeadlines, ReviewTable } from '../../../features/actions/components/review-table';
import { formatLongDate } from '../../../lib/format';
import { parseSearchParams, toSearchParams } from '../../../lib/search-params';
import { TrackingOnly, tracksActions } from './tracking-only';

const ReviewParams = ActionReviewQuery.partial();

function rangeText(from: string | null, to: string | null): string {
  if (from && to) return `Actions due from ${formatLongDate(from)} to ${formatLongDate(to)}.`;
  if (from) return `Actions due from ${formatLongDate(from)}.`;
  if (to) return `Actions due up to ${formatLongDate(to)}.`;
  return 'Every action agreed at the area’s meetings.';
}

/**
 * The area's review of its action plans: completion rate, overdue, not possible against not completed,
 * and time to completion, by agency. One area at a time, the first of the user's unless chosen.
 */
export function ActionReviewRoute() {
  const me = useSession();
  if (!tracksActions(me.user.role) || me.areas.length === 0) return <TrackingOnly />;
  return <ActionReviewPage />;
}

function ActionReviewPage() {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const parsed = parseSearchParams(ReviewParams, params);
  const areaId = me.areas.some((area) => area.id === parsed.areaId) ? (parsed.areaId as string) : (me.areas[0]?.id ?? '');
  const query: ActionReviewQuery = { areaId, dueFrom: parsed.dueFrom, dueTo: parsed.dueTo };
  const review = useActionReview(query);
  const areaName = me.areas.find((area) => area.id === areaId)?.name;

  return (
    <>
      <PageHeading title="Action review" caption={areaName} />
      <p className="govuk-body">
        How the agencies are getting on with the actions agreed at the area’s meetings. Each number links to the actions behind it. An action is not possible when
        circumstances changed; not completed when the agency did not do it.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={paths.actions.filtered({ areaId, state: 'open' })}>
          Go to the area’s open actions
        </Link>
      </p>
      <ReviewFilters
        key={JSON.stringify(query)}
        initial={query}
        areas={me.areas}
        clearTo={me.areas.length > 1 ? `${paths.actions.review}?areaId=${areaId}` : paths.actions.review}
        onApply={(applied) => setParams(toSearchParams({ areaId: me.areas.length > 1 ? applied.areaId : undefined, dueFrom: applied.dueFrom, dueTo: applied.dueTo }))}
      />
      {review.isPending ? (
        <Loading label="Loading the review…" />
      ) : review.isError ? (
        <QueryProblem error={review.error} subject="the review" />
      ) : (
        <>
          <p className="govuk-body">{rangeText(review.data.dueFrom, review.data.dueTo)}</p>
          <ReviewHeadlines review={review.data} />
          <ReviewTable review={review.data} />
        </>
      )}
    </>
  );
}
