import { ATTENDANCE_KIND_LABELS, ATTENDANCE_KINDS, AttendanceInput, type AttendanceEntry, type FieldError, type MeetingSummary } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Checkboxes } from '../../../components/ui/checkboxes';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { Radios } from '../../../components/ui/radios';
import { Select, type Option } from '../../../components/ui/select';
import { StepActions, StepHeading } from '../../../components/ui/step';
import { TextInput } from '../../../components/ui/text-input';
import { useAgencyDirectory } from '../../../lib/api/get-agency-directory';
import { errorFor, fieldErrorsFromZod } from '../../../lib/field-errors';
import { optionalText } from '../../../lib/form-values';
import { useRecentAttendees, type RecentAttendee } from '../api/get-recent-attendees';

/** Where each field's error sends the person; `userId` is the person chosen here, or "Add myself". */
export const FORM_FIELD_IDS = {
  kind: 'attendance-kind',
  informationSent: 'attendance-information-sent',
  who: 'attendance-who',
  userId: 'attendance-person',
  name: 'attendance-name',
  agencyId: 'attendance-agency',
} as const;

const HEADING = 'attendance-record-heading';

type Who = '' | 'account' | 'other';

interface Values {
  kind: string;
  informationSent: boolean;
  who: Who;
  userId: string;
  name: string;
  agencyId: string;
}

/** The form's fields in the order they are asked, so the error summary lists problems in that order. */
const FIELD_ORDER: readonly string[] = Object.keys(FORM_FIELD_IDS);
const inFormOrder = (a: FieldError, b: FieldError) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field);

const EMPTY: Values = { kind: '', informationSent: false, who: '', userId: '', name: '', agencyId: '' };

/**
 * People with an account who can be chosen: the meeting's chair and those recorded at the area's
 * recent meetings, less whoever is already recorded here and the coordinator (who adds themselves).
 */
function accountChoices(meeting: MeetingSummary, recent: readonly RecentAttendee[], entries: readonly AttendanceEntry[], myId: string): Option[] {
  const taken = new Set([myId, ...entries.flatMap((entry) => (entry.userId === null ? [] : [entry.userId]))]);
  const words = (person: RecentAttendee) => (person.agencyName ? `${person.name}, ${person.agencyName}` : person.name);
  const options = recent
    .filter((person) => !taken.has(person.userId))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((person) => ({ value: person.userId, label: person.userId === meeting.chairUserId ? `${words(person)} (the meeting’s chair)` : words(person) }));
  const chair = meeting.chairUserId;
  if (chair === null || taken.has(chair)) return options;
  // The chair comes first, named when an earlier meeting recorded them.
  const named = options.find((option) => option.value === chair);
  return [named ?? { value: chair, label: 'The meeting’s chair' }, ...options.filter((option) => option.value !== chair)];
}

interface RecordAttendanceFormProps {
  meeting: MeetingSummary;
  entries: readonly AttendanceEntry[];
  /** The signed-in coordinator, who is never offered here: "Add myself" records them. */
  myId: string;
  errors: readonly FieldError[];
  pending: boolean;
  /** `done` empties the form once the entry is recorded; on a refusal the form keeps what was typed. */
  onRecord: (input: AttendanceInput, done: () => void) => void;
  onProblems: (errors: FieldError[]) => void;
  onCancel: () => void;
}

/**
 * Records someone for the meeting: attending, sending apologies (and whether their agency sent its
 * information instead) or observing. Someone with an account is chosen from the people the platform
 * knows here, so that they can sign the statement on their own account; anyone else is named, with
 * their agency. The server checks the rest (a name, an agency for apologies, someone not yet recorded).
 */
export function RecordAttendanceForm({ meeting, entries, myId, errors, pending, onRecord, onProblems, onCancel }: RecordAttendanceFormProps) {
  const [values, setValues] = useState<Values>(EMPTY);
  const agencies = useAgencyDirectory();
  const recent = useRecentAttendees(meeting);
  const set = (change: Partial<Values>) => setValues((current) => ({ ...current, ...change }));

  if (agencies.isPending || recent.isPending || agencies.isError) {
    return (
      <section aria-labelledby={HEADING}>
        <StepHeading id={HEADING}>Record someone</StepHeading>
        {agencies.isError ? <QueryProblem error={agencies.error} subject="the agencies to choose from" /> : <Loading label="Loading the agencies and people to choose from…" />}
        <p className="govuk-body">
          <button type="button" className="app-link-button" onClick={onCancel}>
            Cancel
          </button>
        </p>
      </section>
    );
  }

  // Without the earlier meetings, people are still recorded by name.
  const people = recent.isError ? [] : accountChoices(meeting, recent.data, entries, myId);
  const choosing = people.length > 0;
  const agencyOptions: Option[] = [
    { value: '', label: 'No agency' },
    ...agencies.data
      .filter((agency) => agency.areaIds.includes(meeting.areaId))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((agency) => ({ value: agency.id, label: agency.name })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const who: Who = choosing ? values.who : 'other';
    const problems: FieldError[] = [];
    if (who === '') problems.push({ field: 'who', message: 'Say whether they have an account on the platform' });
    if (who === 'account' && values.userId === '') problems.push({ field: 'userId', message: 'Choose the person' });
    const account = who === 'account';
    const parsed = AttendanceInput.safeParse({
      kind: values.kind,
      userId: account ? values.userId || null : null,
      name: account ? null : optionalText(values.name),
      agencyId: account || values.agencyId === '' ? null : values.agencyId,
      informationSent: values.kind === 'apology' && values.informationSent,
    });
    if (!parsed.success) problems.push(...fieldErrorsFromZod(parsed.error));
    if (problems.length > 0 || !parsed.success) {
      onProblems(problems.sort(inFormOrder));
      return;
    }
    onRecord(parsed.data, () => setValues(EMPTY));
  };

  const nameAndAgency = (
    <>
      <TextInput
        id={FORM_FIELD_IDS.name}
        name="name"
        label="Name"
        width="20"
        autoComplete="off"
        value={values.name}
        onChange={(event) => set({ name: event.target.value })}
        error={errorFor(errors, 'name')}
      />
      <Select
        id={FORM_FIELD_IDS.agencyId}
        name="agencyId"
        label="Agency"
        hint={`The agencies serving ${meeting.areaName}. Apologies are sent by an agency, so choose one for them.`}
        options={agencyOptions}
        value={values.agencyId}
        onChange={(event) => set({ agencyId: event.target.value })}
        error={errorFor(errors, 'agencyId')}
      />
    </>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={HEADING}>
      <StepHeading id={HEADING}>Record someone</StepHeading>
      <Radios
        idPrefix={FORM_FIELD_IDS.kind}
        name="kind"
        legend="Attending, apologies or observing?"
        items={ATTENDANCE_KINDS.map((kind) => ({
          value: kind,
          label: ATTENDANCE_KIND_LABELS[kind],
          ...(kind === 'apology'
            ? {
                conditional: (
                  <Checkboxes
                    idPrefix={FORM_FIELD_IDS.informationSent}
                    name="informationSent"
                    legend="Their agency’s information"
                    items={[{ value: 'sent', label: 'Their agency sent its information instead' }]}
                    values={values.informationSent ? ['sent'] : []}
                    onChange={(sent) => set({ informationSent: sent.includes('sent') })}
                    error={errorFor(errors, 'informationSent')}
                    small
                  />
                ),
              }
            : {}),
        }))}
        value={values.kind}
        onChange={(kind) => set({ kind })}
        error={errorFor(errors, 'kind')}
        small
      />
      {choosing ? (
        <Radios
          idPrefix={FORM_FIELD_IDS.who}
          name="who"
          legend="Who is it?"
          items={[
            {
              value: 'account',
              label: 'Someone with an account on the platform',
              hint: 'They sign the confidentiality statement on their own account. Their name and agency come from their account.',
              conditional: (
                <Select
                  id={FORM_FIELD_IDS.userId}
                  name="userId"
                  label="Person"
                  hint={`The meeting’s chair and the people recorded at ${meeting.areaName}’s recent meetings.`}
                  options={[{ value: '', label: 'Choose the person' }, ...people]}
                  value={values.userId}
                  onChange={(event) => set({ userId: event.target.value })}
                  error={errorFor(errors, 'userId')}
                />
              ),
            },
            {
              value: 'other',
              label: 'Someone else',
              hint: 'They cannot sign the statement on the platform.',
              conditional: nameAndAgency,
            },
          ]}
          value={values.who}
          onChange={(who) => set({ who: who as Who })}
          error={errorFor(errors, 'who')}
          small
        />
      ) : (
        nameAndAgency
      )}
      <StepActions confirm="Record" pending={pending} onCancel={onCancel} />
    </form>
  );
}
