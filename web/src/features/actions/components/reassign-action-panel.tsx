import { ACTION_STATUS_LABELS, ReassignActionInput, compareIsoDates, longDate, type ActionDetail, type FieldError } from '@marac/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ChangedMeanwhile } from '../../../components/ui/changed-meanwhile';
import { DateInput, emptyDate, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Select } from '../../../components/ui/select';
import { StepActions } from '../../../components/ui/step';
import { TextInput } from '../../../components/ui/text-input';
import { Textarea } from '../../../components/ui/textarea';
import { useAgencyDirectory } from '../../../lib/api/get-agency-directory';
import { errorFor, fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { optionalText } from '../../../lib/form-values';
import { todayInLondon } from '../../../lib/today';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { useReassignAction } from '../api/reassign-action';

const FIELD_IDS = {
  agencyId: 'reassign-agency',
  note: 'reassign-note',
  ownerName: 'reassign-owner',
  dueDate: 'reassign-due-date-day',
} as const;

const OPEN_BUTTON = 'reassign-open';

interface Values {
  agencyId: string;
  note: string;
  ownerName: string;
  dueDate: DateParts;
}

const EMPTY: Values = { agencyId: '', note: '', ownerName: '', dueDate: emptyDate };
const empty = () => EMPTY;

function readReassignment(values: Values, today: string, version: number): { input: ReassignActionInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const due = readDate(values.dueDate);
  if (due.kind === 'invalid') errors.push({ field: 'dueDate', message: 'Enter the new due date as a real date, like 30 11 2026' });
  else if (due.kind === 'date' && compareIsoDates(due.isoDate, today) < 0) errors.push({ field: 'dueDate', message: 'The due date must be today or later' });
  const parsed = ReassignActionInput.safeParse({
    version,
    agencyId: values.agencyId,
    note: values.note,
    ownerName: optionalText(values.ownerName),
    ...(due.kind === 'date' ? { dueDate: due.isoDate } : {}),
  });
  if (!parsed.success) errors.push(...fieldErrorsFromZod(parsed.error).filter((problem) => !errors.some((error) => error.field === problem.field)));
  return errors.length > 0 || !parsed.success ? { input: null, errors } : { input: parsed.data, errors };
}

interface ReassignActionPanelProps {
  action: ActionDetail;
  onReassigned: (updated: ActionDetail) => void;
}

/**
 * The coordinator or chair gives an open action to another agency serving the area, saying why, and
 * may name the owner there and agree a new due date. Only the server knows which agencies have signed
 * the area's information-sharing protocol, so that refusal comes back on the agency. Like an update, it
 * names the version of the action the person was shown (`useVersionedForm`).
 */
export function ReassignActionPanel({ action, onReassigned }: ReassignActionPanelProps) {
  const [open, setOpen] = useState(false);
  const form = useVersionedForm(action, empty);
  const { values, setValues } = form;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const reassign = useReassignAction();
  // The agencies serving the user's areas: the ones serving the action's area are offered.
  const agencies = useAgencyDirectory().data;
  const heading = useRef<HTMLHeadingElement>(null);
  // Cancel gives the focus back to the button that opened the panel, once it is drawn again.
  const returnFocus = useRef(false);

  useEffect(() => {
    if (open) heading.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      document.getElementById(OPEN_BUTTON)?.focus();
    }
  }, [open]);

  const options = [
    { value: '', label: 'Choose an agency' },
    ...[...(agencies ?? [])]
      .filter((agency) => agency.areaIds.includes(action.areaId) && agency.id !== action.agencyId)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((agency) => ({ value: agency.id, label: agency.name })),
  ];

  const close = () => {
    returnFocus.current = true;
    setOpen(false);
    setErrors([]);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reassign.isPending) return;
    const reading = readReassignment(values, todayInLondon(), form.version);
    setErrors(reading.errors);
    if (reading.input === null) return;
    reassign.mutate(
      { actionId: action.id, input: reading.input },
      {
        onSuccess: (updated) => {
          form.saved(updated);
          setOpen(false);
          onReassigned(updated);
        },
        onError: (error) => setErrors(fieldErrorsFromFailure(error)),
      },
    );
  };

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));

  return (
    <section aria-labelledby="reassign-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m app-confirmation__heading" id="reassign-heading" tabIndex={-1} ref={heading}>
        Give the action to another agency
      </h2>
      {!open ? (
        <>
          <p className="govuk-body">The MARAC can give an open action to another agency that serves the area and has signed its information-sharing protocol. The agency is told in the platform and by e-mail.</p>
          <Button id={OPEN_BUTTON} variant="secondary" onClick={() => setOpen(true)}>
            Reassign the action
          </Button>
        </>
      ) : (
        <>
          <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
          {form.changed ? (
            <ChangedMeanwhile what="this action">
              <p className="govuk-body">
                It is now with {form.changed.agencyName}, {ACTION_STATUS_LABELS[form.changed.status].toLowerCase()}, due {longDate(form.changed.dueDate)}.
              </p>
            </ChangedMeanwhile>
          ) : null}
          <form onSubmit={submit} noValidate>
            <Select id={FIELD_IDS.agencyId} label="Agency to take the action over" options={options} value={values.agencyId} onChange={(event) => set('agencyId', event.target.value)} error={errorFor(errors, 'agencyId')} />
            <Textarea id={FIELD_IDS.note} label="Why is the action reassigned?" hint="Kept in the action’s history." rows={3} value={values.note} onChange={(event) => set('note', event.target.value)} error={errorFor(errors, 'note')} />
            <TextInput id={FIELD_IDS.ownerName} label="Named owner in the new agency (optional)" value={values.ownerName} onChange={(event) => set('ownerName', event.target.value)} error={errorFor(errors, 'ownerName')} autoComplete="off" />
            <DateInput idPrefix="reassign-due-date" legend="New due date (optional)" hint="Leave blank to keep the current due date." value={values.dueDate} onChange={(dueDate) => set('dueDate', dueDate)} error={errorFor(errors, 'dueDate')} />
            <StepActions confirm="Reassign the action" pending={reassign.isPending} onCancel={close} />
          </form>
        </>
      )}
    </section>
  );
}
