import type { AgendaEntry, FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor } from '../../../lib/field-errors';
import { PanelHeading } from './panel-heading';

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
      <PanelHeading id="agenda-remove-heading">{`Take ${entry.caseReference} off the agenda`}</PanelHeading>
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
        <ButtonGroup>
          <Button type="submit" variant="warning" aria-disabled={pending}>
            Take the case off
          </Button>
          <button type="button" className="app-link-button" onClick={onCancel}>
            Cancel
          </button>
        </ButtonGroup>
      </form>
    </section>
  );
}
