import type { AgendaEntry, FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { StepActions, StepHeading } from '../../../components/ui/step';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor } from '../../../lib/field-errors';

interface RemoveCasePanelProps {
  entry: AgendaEntry;
  errors: readonly FieldError[];
  pending: boolean;
  onRemove: (reason: string) => void;
  onCancel: () => void;
}

/** Takes a case off the agenda with the reason; it waits for a later meeting and can be restored. */
export function RemoveCasePanel({ entry, errors, pending, onRemove, onCancel }: RemoveCasePanelProps) {
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pending) onRemove(reason);
  };

  return (
    <section className="app-confirmation" aria-labelledby="agenda-remove-heading">
      <StepHeading id="agenda-remove-heading">{`Take ${entry.caseReference} off the agenda`}</StepHeading>
      <form onSubmit={submit} noValidate>
        <Textarea
          id="agenda-remove-reason"
          label="Why is the case taken off the agenda?"
          hint="Coordinators and chairs see this with the agenda. The referral waits to be listed for a later meeting."
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errorFor(errors, 'reason')}
        />
        <StepActions confirm="Take the case off" variant="warning" pending={pending} onCancel={onCancel} />
      </form>
    </section>
  );
}
