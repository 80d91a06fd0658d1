import type { FieldError, MyReferralDraft } from '@marac/shared';
import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { StepActions } from '../../../components/ui/step';
import { fieldErrorsFromFailure } from '../../../lib/field-errors';
import { formatTimestamp } from '../../../lib/format';
import { useDeleteReferralDraft } from '../api/delete-referral-draft';

interface DraftDeleteConfirmationProps {
  draft: MyReferralDraft;
  onDone: () => void;
  onCancel: () => void;
}

const NO_FIELDS = {};

/** A second step before a draft goes: deleting it cannot be undone. */
export function DraftDeleteConfirmation({ draft, onDone, onCancel }: DraftDeleteConfirmationProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const remove = useDeleteReferralDraft();

  useEffect(() => {
    heading.current?.focus();
  }, [draft.id]);

  const confirm = () => {
    if (remove.isPending) return;
    remove.mutate(draft.id, { onSuccess: onDone, onError: (error) => setErrors(fieldErrorsFromFailure(error)) });
  };

  return (
    <section className="app-confirmation" aria-labelledby="draft-delete-heading">
      <ErrorSummary errors={errors} fieldIds={NO_FIELDS} />
      <h2 className="govuk-heading-m app-confirmation__heading" id="draft-delete-heading" tabIndex={-1} ref={heading}>
        Delete the draft last saved {formatTimestamp(draft.updatedAt)}?
      </h2>
      <p className="govuk-body">Everything typed in this draft will be deleted. This cannot be undone.</p>
      <StepActions confirm="Yes, delete draft" variant="warning" pending={remove.isPending} onConfirm={confirm} onCancel={onCancel} />
    </section>
  );
}
