import type { Me, ReferralDetail } from '@marac/shared';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { paths } from '../../../config/paths';
import { DraftLoader } from './draft-loader';
import { ReferralForm } from './referral-form';
import { draftResubmits, newReferralValues, valuesFromDraft } from './referral-form-values';

interface NewReferralFormProps {
  me: Me;
  /** The draft named in the address when the form opened. */
  draftId: string | null;
  onDraftCreated: (draftId: string) => void;
  onSubmitted: (referral: ReferralDetail) => void;
}

/** A new referral, empty or continued from a draft. */
export function NewReferralForm({ me, draftId, onDraftCreated, onSubmitted }: NewReferralFormProps) {
  // The address gains the draft's id once the first save makes one; that must not reopen the form.
  const [openedDraftId] = useState(draftId);
  const [initialValues] = useState(() => newReferralValues(me));

  if (openedDraftId === null) {
    return (
      <ReferralForm
        me={me}
        initialValues={initialValues}
        draft={null}
        onDraftCreated={onDraftCreated}
        onSubmitted={onSubmitted}
        cancelTo={paths.referrals.mine}
      />
    );
  }
  return (
    <DraftLoader draftId={openedDraftId}>
      {(draft) => {
        // A draft of more information for a referral belongs on that referral's page.
        const resubmits = draftResubmits(draft.payload);
        if (resubmits) return <Navigate to={`${paths.referrals.resubmit(resubmits)}?draft=${draft.id}`} replace />;
        return (
          <ReferralForm
            me={me}
            initialValues={valuesFromDraft(draft.payload)}
            draft={{ id: draft.id, savedAt: draft.updatedAt }}
            onDraftCreated={onDraftCreated}
            onSubmitted={onSubmitted}
            cancelTo={paths.referrals.mine}
          />
        );
      }}
    </DraftLoader>
  );
}
