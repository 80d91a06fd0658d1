import type { Me, ReferralDetail } from '@marac/shared';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useReferral } from '../../../lib/api/get-referral';
import { formatTimestamp } from '../../../lib/format';
import { DraftLoader } from './draft-loader';
import { ReferralForm } from './referral-form';
import { draftResubmits, valuesFromDraft, valuesFromReferral } from './referral-form-values';

interface ResubmitReferralFormProps {
  me: Me;
  referralId: string;
  /** A draft of this answer saved earlier, named in the address when the page opened. */
  draftId: string | null;
  onDraftCreated: (draftId: string) => void;
  onSubmitted: (referral: ReferralDetail) => void;
}

/** What the coordinator asked, most recent first in the history. */
function latestRequest(referral: ReferralDetail) {
  return [...referral.history].reverse().find((entry) => entry.kind === 'more_information_requested') ?? null;
}

/**
 * The referral as it was sent, to change and send again when screening has asked for more
 * information. It is the same form as a new referral, filled in.
 */
export function ResubmitReferralForm({ me, referralId, draftId, onDraftCreated, onSubmitted }: ResubmitReferralFormProps) {
  const [openedDraftId] = useState(draftId);
  const referral = useReferral(referralId);

  if (referral.isPending) return <Loading label="Loading the referral…" />;
  if (referral.isError) return <QueryProblem error={referral.error} subject="the referral" />;
  const detail = referral.data;
  if (detail.status !== 'more_information_requested') {
    return (
      <p className="govuk-body">
        Referral {detail.reference} is not waiting for more information, so it cannot be changed.{' '}
        <Link className="govuk-link" to={paths.referrals.detail(detail.id)}>
          See the referral
        </Link>
        .
      </p>
    );
  }

  const request = latestRequest(detail);
  const form = (initialValues: ReturnType<typeof valuesFromReferral>, draft: { id: string; savedAt: string } | null) => (
    <ReferralForm
      me={me}
      initialValues={initialValues}
      draft={draft}
      onDraftCreated={onDraftCreated}
      resubmitting={detail}
      onSubmitted={onSubmitted}
      cancelTo={paths.referrals.detail(detail.id)}
    />
  );

  return (
    <>
      {request ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s govuk-!-margin-bottom-2">
            The coordinator asked for more information on {formatTimestamp(request.at)}
          </h2>
          {request.reason ? <p className="govuk-body">{request.reason}</p> : null}
        </div>
      ) : null}
      {openedDraftId === null ? (
        <ReferralFromDetail detail={detail} me={me} render={form} />
      ) : (
        <DraftLoader draftId={openedDraftId}>
          {(draft) =>
            // A draft made for another referral, or for a new one, does not belong here.
            draftResubmits(draft.payload) === detail.id ? (
              form(valuesFromDraft(draft.payload), { id: draft.id, savedAt: draft.updatedAt })
            ) : (
              <ReferralFromDetail detail={detail} me={me} render={form} />
            )
          }
        </DraftLoader>
      )}
    </>
  );
}

interface ReferralFromDetailProps {
  detail: ReferralDetail;
  me: Me;
  render: (values: ReturnType<typeof valuesFromReferral>, draft: null) => ReactNode;
}

/** Fills the form from the referral once: later refreshes of the referral must not reset what is typed. */
function ReferralFromDetail({ detail, me, render }: ReferralFromDetailProps) {
  const [values] = useState(() => valuesFromReferral(detail, me));
  return render(values, null);
}
