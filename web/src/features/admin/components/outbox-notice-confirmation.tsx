import type { FieldError, OutboxMessage } from '@marac/shared';
import { useEffect, useRef, useState } from 'react';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { fieldErrorsFromFailure } from '../../../lib/field-errors';
import { useCancelOutboxNotice } from '../api/cancel-outbox-notice';
import { useResendOutboxNotice } from '../api/resend-outbox-notice';

export type NoticeChange = 'resend' | 'cancel';

interface OutboxNoticeConfirmationProps {
  notice: OutboxMessage;
  change: NoticeChange;
  onDone: (notice: OutboxMessage, change: NoticeChange) => void;
  onCancel: () => void;
}

const NO_FIELDS = {};

/**
 * A second step before a notice is sent again or stopped for good. A refusal (sent meanwhile, on its
 * way, or its recipient now barred) is shown here, and the list behind it is read again. The table
 * keys it by notice and change, so another choice starts with no errors.
 */
export function OutboxNoticeConfirmation({ notice, change, onDone, onCancel }: OutboxNoticeConfirmationProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const resend = useResendOutboxNotice();
  const cancel = useCancelOutboxNotice();
  const mutation = change === 'resend' ? resend : cancel;

  useEffect(() => {
    heading.current?.focus();
  }, [notice.id, change]);

  const confirm = () => {
    if (mutation.isPending) return;
    mutation.mutate(notice.id, {
      onSuccess: (updated) => onDone(updated, change),
      onError: (error) => setErrors(fieldErrorsFromFailure(error)),
    });
  };

  return (
    <section className="app-confirmation" aria-labelledby="outbox-confirmation-heading">
      <ErrorSummary errors={errors} fieldIds={NO_FIELDS} />
      <h2 className="govuk-heading-m app-confirmation__heading" id="outbox-confirmation-heading" tabIndex={-1} ref={heading}>
        {change === 'resend' ? `Send the notice to ${notice.recipient} again?` : `Cancel the notice to ${notice.recipient}?`}
      </h2>
      <p className="govuk-body">
        {change === 'resend'
          ? `“${notice.subject}” will be sent at the next delivery, with all its attempts available again. Its recipient is checked again first: a notice about a case that now bars them is not sent.`
          : `“${notice.subject}” will never be sent. This cannot be undone.`}
      </p>
      {/* Not `StepActions`: its way out is called "Cancel", which beside "cancel the notice" would say the opposite of what it does. */}
      <ButtonGroup>
        <Button variant={change === 'resend' ? 'primary' : 'warning'} onClick={confirm} aria-disabled={mutation.isPending}>
          {change === 'resend' ? 'Yes, send it again' : 'Yes, cancel the notice'}
        </Button>
        <button type="button" className="app-link-button" onClick={onCancel}>
          No, go back
        </button>
      </ButtonGroup>
    </section>
  );
}
