import { ACTION_STATUS_LABELS, Id, type ActionDetail } from '@marac/shared';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { useAction } from '../../../features/actions/api/get-action';
import { ActionClosedNote } from '../../../features/actions/components/action-closed-note';
import { ActionHistory } from '../../../features/actions/components/action-history';
import { ActionSummaryList } from '../../../features/actions/components/action-summary';
import { ReassignActionPanel } from '../../../features/actions/components/reassign-action-panel';
import { UpdateActionForm } from '../../../features/actions/components/update-action-form';
import { NotFoundRoute } from '../not-found';
import { TrackingOnly, tracksActions } from './tracking-only';

/** One action: what was agreed, its history, and the update (and reassignment) the viewer may make. */
export function ActionRoute() {
  const me = useSession();
  const { actionId = '' } = useParams();
  // Anything but an id is an address that cannot name an action: asking the server would only be refused.
  if (!Id.safeParse(actionId).success) return <NotFoundRoute />;
  if (!tracksActions(me.user.role)) return <TrackingOnly />;
  return <ActionPage key={actionId} actionId={actionId} />;
}

function ActionPage({ actionId }: { actionId: string }) {
  const me = useSession();
  const action = useAction(actionId);
  // A new object for each outcome, so the same words twice still move the focus.
  const [notice, setNotice] = useState<{ text: string } | null>(null);
  // The form may have gone with the choices (a completed action): the reader is taken up to the outcome.
  useEffect(() => {
    if (notice) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [notice]);
  const back = <BackLink to={paths.actions.filtered({ state: 'open' })}>Back to actions</BackLink>;
  const staff = me.user.role !== 'agency_representative';

  if (action.isPending || action.isError) {
    return (
      <>
        {back}
        <PageHeading title="Action" />
        {action.isPending ? <Loading label="Loading the action…" /> : <QueryProblem error={action.error} subject="the action" />}
      </>
    );
  }

  const detail = action.data;
  const updated = (next: ActionDetail) =>
    setNotice({ text: `The action has been updated: ${ACTION_STATUS_LABELS[next.status].toLowerCase()}. The update is at the top of its history.` });
  const reassigned = (next: ActionDetail) => setNotice({ text: `The action has been given to ${next.agencyName}. They have been told.` });

  return (
    <>
      {back}
      {notice ? <NotificationBanner type="success">{notice.text}</NotificationBanner> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title={`Action for case ${detail.caseReference}`} caption={detail.agencyName} />
          <ActionSummaryList action={detail} />
          {detail.allowedStatuses.length > 0 ? <UpdateActionForm action={detail} onUpdated={updated} /> : <ActionClosedNote maracStaff={staff} />}
          {detail.canReassign ? <ReassignActionPanel action={detail} onReassigned={reassigned} /> : null}
          <ActionHistory history={detail.history} headingId="history-heading" />
        </div>
      </div>
    </>
  );
}
