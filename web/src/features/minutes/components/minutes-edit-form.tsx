import type { FieldError, Minutes } from '@marac/shared';
import type { FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ChangedMeanwhile } from '../../../components/ui/changed-meanwhile';
import { SummaryRow } from '../../../components/ui/summary-row';
import { Textarea } from '../../../components/ui/textarea';
import { WarningText } from '../../../components/ui/warning-text';
import { errorFor, fieldErrorsFromFailure } from '../../../lib/field-errors';
import { formatTimestamp } from '../../../lib/format';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { useEditMinutes } from '../api/edit-minutes';
import { MinutesDocument } from './minutes-document';
import { NOTES_ID, readEdits, summaryField, summaryId, summaryOf, valuesOf } from './minutes-form-values';

const contentValues = (minutes: Minutes) => valuesOf(minutes.content);

interface MinutesEditFormProps {
  minutes: Minutes;
  /** What the last save was refused for (by the shared checks or the server): shown on the fields. */
  errors: readonly FieldError[];
  /** Called before anything is sent, so the page clears its last notice and refusal. */
  onSend: () => void;
  onRefused: (errors: FieldError[]) => void;
  onSaved: (minutes: Minutes) => void;
}

/**
 * The draft minutes with the coordinator's words in place: the notes above the attendance (read by
 * every agency, so the server refuses notes naming a case on the agenda), a summary under each case
 * (read by those allowed the case), and one save for them all. Everything generated from the record is read-only here:
 * it is changed where it was recorded, then the minutes are generated again. A refused save keeps
 * everything typed, with the refusals on their fields and in the page's error summary. A save names the
 * version it started from: another coordinator's newer save is shown beside what was typed.
 */
export function MinutesEditForm({ minutes, errors, onSend, onRefused, onSaved }: MinutesEditFormProps) {
  const form = useVersionedForm(minutes, contentValues);
  const { values, setValues } = form;
  const save = useEditMinutes();
  const { cases } = minutes.content;
  // As in every form: submitted errors stay until the next save, live problems (too long) follow the typing.
  const live = readEdits(values, cases, form.version).problems;
  const shown = [...live, ...errors];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    onSend();
    const reading = readEdits(values, cases, form.version);
    if (reading.edits === null) {
      onRefused(reading.problems);
      return;
    }
    save.mutate(
      { meetingId: minutes.meetingId, edits: reading.edits },
      {
        onSuccess: (saved) => {
          // The boxes show what was stored (trimmed), so what is on the page is what the minutes say.
          form.saved(saved);
          onSaved(saved);
        },
        onError: (error) => onRefused(fieldErrorsFromFailure(error)),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      {form.changed ? (
        <ChangedMeanwhile what="these minutes" onTakeTheirs={form.takeTheirs} onKeepMine={form.keepMine}>
          <TheirWords minutes={form.changed} />
        </ChangedMeanwhile>
      ) : null}
      <MinutesDocument
        content={minutes.content}
        noCases="No case was heard at this meeting."
        notes={
          <>
            <WarningText>Every agency that receives these minutes reads these notes. Write nothing about a single case here: use that case’s summary.</WarningText>
            <Textarea
              id={NOTES_ID}
              name="notes"
              label="Notes for the whole meeting"
              hint="Read by every agency that receives the minutes. For example, whether the meeting was quorate, apologies followed up, or anything the chair asked to be minuted. Kept when the minutes are generated again."
              rows={5}
              value={values.notes}
              error={errorFor(shown, 'notes')}
              onChange={(event) => setValues((current) => ({ ...current, notes: event.target.value }))}
            />
          </>
        }
        summary={(item, index) => (
          <Textarea
            id={summaryId(item.itemId)}
            name={summaryField(index)}
            label={`Summary of ${item.caseReference}`}
            hint="In your own words: what the meeting concluded about this case. Only those allowed this case read it. Kept when the minutes are generated again."
            rows={4}
            value={summaryOf(values, item)}
            error={errorFor(shown, summaryField(index))}
            onChange={(event) => {
              const text = event.target.value;
              setValues((current) => ({ ...current, summaries: { ...current.summaries, [item.itemId]: text } }));
            }}
          />
        )}
      />
      <Button type="submit" aria-disabled={save.isPending}>
        Save the minutes
      </Button>
      <p className="govuk-body-s">Last changed {formatTimestamp(minutes.updatedAt)}.</p>
    </form>
  );
}

/** Another coordinator's saved words, to compare with what the person typed. */
function TheirWords({ minutes }: { minutes: Minutes }) {
  return (
    <dl className="govuk-summary-list">
      <SummaryRow label="Notes for the whole meeting">{minutes.content.notes ?? 'None'}</SummaryRow>
      {minutes.content.cases.map((item) => (
        <SummaryRow key={item.itemId} label={`Summary of ${item.caseReference}`}>
          {item.summary ?? 'None'}
        </SummaryRow>
      ))}
    </dl>
  );
}
