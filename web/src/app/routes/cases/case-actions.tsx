import { Id, type CaseActions } from '@marac/shared';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { useCaseActions } from '../../../features/actions/api/get-case-actions';
import { CaseBarsSection } from '../../../features/bars/components/case-bars-section';
import { CaseActionsByMeeting, CaseSummary, OutcomeReviews } from '../../../features/actions/components/case-actions-view';
import { OutcomeReviewForm } from '../../../features/actions/components/outcome-review-form';
import { TrackingOnly, tracksActions } from '../actions/tracking-only';
import { NotFoundRoute } from '../not-found';

/**
 * A case's actions across all its meetings with their histories, and the chair's outcome review; for
 * its coordinators and chairs, who is barred from the case.
 */
export function CaseActionsRoute() {
  const me = useSession();
  const { caseId = '' } = useParams();
  if (!Id.safeParse(caseId).success) return <NotFoundRoute />;
  if (!tracksActions(me.user.role)) return <TrackingOnly />;
  // Who is barred from a case is for its coordinators and chairs: a representative's page never asks.
  const staff = me.user.role === 'coordinator' || me.user.role === 'chair';
  return <CaseActionsPage key={caseId} caseId={caseId} staff={staff} />;
}

function CaseActionsPage({ caseId, staff }: { caseId: string; staff: boolean }) {
  const view = useCaseActions(caseId);
  const [notice, setNotice] = useState<{ text: string } | null>(null);
  // The form has been emptied (or the case closed): the reader is taken up to the outcome.
  useEffect(() => {
    if (notice) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [notice]);
  const back = <BackLink to={paths.actions.filtered({ state: 'open' })}>Back to actions</BackLink>;

  if (view.isPending || view.isError) {
    return (
      <>
        {back}
        <PageHeading title="The case’s actions" />
        {view.isPending ? <Loading label="Loading the case’s actions…" /> : <QueryProblem error={view.error} subject="the case’s actions" />}
      </>
    );
  }

  const data = view.data;
  const recorded = (next: CaseActions, closed: boolean) =>
    setNotice({
      text: closed ? `The outcome has been recorded and the MARAC involvement in ${next.case.reference} closed. Its 12-month repeat window keeps running.` : 'The outcome of the review has been recorded.',
    });

  return (
    <>
      {back}
      {notice ? <NotificationBanner type="success">{notice.text}</NotificationBanner> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title={`Actions for case ${data.case.reference}`} caption={data.case.areaName} />
          <CaseSummary view={data} />
          {staff ? <CaseBarsSection caseId={data.case.id} areaId={data.case.areaId} /> : null}
          <p className="govuk-body">
            <Link className="govuk-link" to={paths.actions.filtered({ caseId: data.case.id })}>
              Show the case’s actions in the actions list
            </Link>
          </p>
          <CaseActionsByMeeting view={data} />
          <OutcomeReviews reviews={data.reviews} />
          {data.canReview ? <OutcomeReviewForm view={data} onRecorded={recorded} /> : null}
        </div>
      </div>
    </>
  );
}
