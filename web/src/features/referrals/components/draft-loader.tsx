import type { ReferralDraft } from '@marac/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useReferralDraft } from '../api/get-referral-draft';

interface DraftLoaderProps {
  draftId: string;
  children: (draft: ReferralDraft) => ReactNode;
}

/** Opens a saved draft, or says why it cannot be opened (submitted already, deleted, someone else's). */
export function DraftLoader({ draftId, children }: DraftLoaderProps) {
  const draft = useReferralDraft(draftId);
  if (draft.isPending) return <Loading label="Opening your draft…" />;
  if (draft.isError) {
    return (
      <>
        <QueryProblem error={draft.error} subject="the draft" />
        <p className="govuk-body">
          It may have been sent as a referral already, or deleted. See{' '}
          <Link className="govuk-link" to={paths.referrals.mine}>
            your referrals and drafts
          </Link>
          , or{' '}
          <Link className="govuk-link" to={paths.referrals.new}>
            start a new referral
          </Link>
          .
        </p>
      </>
    );
  }
  return children(draft.data);
}
