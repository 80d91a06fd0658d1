import { ACTION_STATUS_LABELS, actionNoteRequirement, ActionStatus, longDate, type ActionDetail, type ActionStatus as Status, type FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { ChangedMeanwhile } from '../../../components/ui/changed-meanwhile';
import { DateInput, emptyDate } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Radios } from '../../../components/ui/radios';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor, fieldErrorsFromFailure } from '../../../lib/field-errors';
import { todayInLondon } from '../../../lib/today';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { useUpdateAction } from '../api/update-action';
import { readUpdate, UPDATE_FIELD_IDS, type UpdateFormValues } from './update-form-values';

const EMPTY: UpdateFormValues = { status: '', note: '', occurredOn: emptyDate };
const empty = () => EMPTY;

/** What each choice means, beside the shared word for it. */
function hintFor(from: Status, to: Status): string | undefined {
  if (to === from) return 'No change of status: add a note of progress.';
  switch (to) {
    case 'completed':
      return 'Everything the action asked for has been done.';
    case 'not_possible':
      return 'Circumstances changed so that the action could not be done (for example, the victim moved away).';
    case 'not_completed':
      return 'The agency did not do what it agreed. Only the MARAC records this.';
    case 'escalated':
      return 'Something stands in the way and the MARAC coordinator needs to step in.';
    case 'open':
    case 'in_progress':
      return from === 'completed' || from === 'not_possible' || from === 'not_completed' ? 'Reopen the action.' : undefined;
  }
}

interface UpdateActionFormProps {
  action: ActionDetail;
  onUpdated: (updated: ActionDetail) => void;
}

/**
 * An update by the owning agency or the MARAC: the statuses offered are the ones the server says this
 * viewer may choose; the note is required as the shared rules require it, and the date defaults to
 * today. Nothing is sent while a problem is found; the server's refusals go on their fields, and what
 * was typed stays. The update names the version of the action the person was shown: when someone else
 * changed it first, the server refuses it, the page shows the action as it now stands, and the next
 * save is from that.
 */
export function UpdateActionForm({ action, onUpdated }: UpdateActionFormProps) {
  const form = useVersionedForm(action, empty);
  const { values, setValues } = form;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const update = useUpdateAction();
  const chosen = ActionStatus.safeParse(values.status);
  const needed = chosen.success ? actionNoteRequirement(action.status, chosen.data) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    const reading = readUpdate(values, action, todayInLondon(), form.version);
    setErrors(reading.errors);
    if (reading.input === null) return;
    update.mutate(
      { actionId: action.id, input: reading.input },
      {
        onSuccess: (updated) => {
          form.saved(updated);
          onUpdated(updated);
        },
        onError: (error) => setErrors(fieldErrorsFromFailure(error)),
      },
    );
  };

  return (
    <section aria-labelledby="update-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="update-heading">
        Update the action
      </h2>
      <ErrorSummary errors={errors} fieldIds={UPDATE_FIELD_IDS} />
      {form.changed ? (
        <ChangedMeanwhile what="this action">
          <p className="govuk-body">
            It is now {ACTION_STATUS_LABELS[form.changed.status].toLowerCase()}, with {form.changed.agencyName}, due {longDate(form.changed.dueDate)}; the latest update is at the top of its
            history.
          </p>
        </ChangedMeanwhile>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Radios
          idPrefix={UPDATE_FIELD_IDS.status}
          name="status"
          legend="Status"
          items={action.allowedStatuses.map((status) => ({
            value: status,
            label: status === action.status ? `${ACTION_STATUS_LABELS[status]} (no change)` : ACTION_STATUS_LABELS[status],
            hint: hintFor(action.status, status),
          }))}
          value={values.status}
          onChange={(status) => setValues((current) => ({ ...current, status }))}
          error={errorFor(errors, 'status')}
        />
        <Textarea
          id={UPDATE_FIELD_IDS.note}
          name="note"
          label={needed ? 'What was done' : 'What was done (optional)'}
          hint={needed ? `${needed}.` : 'Anything the MARAC should know about progress.'}
          rows={5}
          value={values.note}
          onChange={(event) => setValues((current) => ({ ...current, note: event.target.value }))}
          error={errorFor(errors, 'note')}
        />
        <DateInput
          idPrefix="update-occurred-on"
          legend="When did it happen?"
          hint={`Leave blank for today. Not before the meeting that agreed the action (${longDate(action.meetingDate)}).`}
          value={values.occurredOn}
          onChange={(occurredOn) => setValues((current) => ({ ...current, occurredOn }))}
          error={errorFor(errors, 'occurredOn')}
        />
        <ButtonGroup>
          <Button type="submit" aria-disabled={update.isPending}>
            Save the update
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
