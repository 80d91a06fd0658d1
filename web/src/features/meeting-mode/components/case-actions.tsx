import { ACTION_CATEGORIES, ACTION_CATEGORY_LABELS, compareIsoDates, CreateAction, type FieldError, type MeetingCaseView } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { DateInput, emptyDate, readDate, type DateParts } from '../../../components/ui/date-input';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Select, type Option } from '../../../components/ui/select';
import { TableHead } from '../../../components/ui/table-head';
import { TextInput } from '../../../components/ui/text-input';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor, fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { formatDate } from '../../../lib/format';
import { useAddAction } from '../api/add-action';

type Action = MeetingCaseView['record']['actions'][number];

const FIELD_IDS = {
  agencyId: 'action-agency',
  ownerName: 'action-owner',
  description: 'action-description',
  linkedRisk: 'action-risk',
  category: 'action-category',
  dueDate: 'action-due-day',
} as const;

/** The actions agreed for the case at this meeting, in the order they were recorded. */
export function CaseActions({ actions }: { actions: readonly Action[] }) {
  return (
    <section aria-labelledby="case-actions-heading" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-m" id="case-actions-heading">
        Actions agreed
      </h3>
      {actions.length === 0 ? (
        <p className="govuk-body">No actions have been agreed for this case yet.</p>
      ) : (
        <table className="govuk-table" aria-labelledby="case-actions-heading">
          <TableHead columns={['Agency', 'Action', 'Risk and category', 'Due']} />
          <tbody className="govuk-table__body">
            {actions.map((action) => (
              <tr className="govuk-table__row" key={action.id}>
                <td className="govuk-table__cell">
                  {action.agencyName}
                  {action.ownerName ? (
                    <>
                      <br />
                      <span className="govuk-hint">{action.ownerName}</span>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{action.description}</td>
                <td className="govuk-table__cell">
                  {action.linkedRisk ? (
                    <>
                      {action.linkedRisk}
                      <br />
                    </>
                  ) : null}
                  <span className="govuk-hint">{ACTION_CATEGORY_LABELS[action.category]}</span>
                </td>
                <td className="govuk-table__cell">{formatDate(action.dueDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface Values {
  agencyId: string;
  ownerName: string;
  description: string;
  linkedRisk: string;
  category: string;
  due: DateParts;
}

const EMPTY: Values = { agencyId: '', ownerName: '', description: '', linkedRisk: '', category: 'victim_safety', due: emptyDate };

interface ActionFormProps {
  meetingId: string;
  itemId: string;
  /** The agencies that may own an action: those serving the meeting's area. */
  agencies: readonly Option[];
  /** Today in London: an action cannot be due before it is agreed. */
  today: string;
}

/**
 * A new action: the owning agency, what is to be done, the risk it answers and its category, and the
 * date it is due. The shared rules and the due date are checked before sending; the server names the
 * same fields. The form empties only once the action is recorded.
 */
export function ActionForm({ meetingId, itemId, agencies, today }: ActionFormProps) {
  const add = useAddAction();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const due = readDate(values.due);
    const problems: FieldError[] = [];
    if (due.kind === 'invalid') problems.push({ field: 'dueDate', message: 'Enter the due date as a real date, like 27 3 2027' });
    else if (due.kind === 'date' && compareIsoDates(due.isoDate, today) < 0) problems.push({ field: 'dueDate', message: 'The due date must be today or later' });
    const parsed = CreateAction.safeParse({
      agencyId: values.agencyId || undefined,
      ownerName: values.ownerName.trim() || null,
      description: values.description,
      linkedRisk: values.linkedRisk.trim() || null,
      category: values.category,
      dueDate: due.kind === 'date' ? due.isoDate : undefined,
    });
    if (!parsed.success) problems.push(...fieldErrorsFromZod(parsed.error).filter((error) => !(error.field === 'dueDate' && problems.some((p) => p.field === 'dueDate'))));
    if (!parsed.success || problems.length > 0) {
      setErrors(problems);
      return;
    }
    setErrors([]);
    add.mutate(
      { meetingId, itemId, action: parsed.data },
      {
        onSuccess: () => setValues(EMPTY),
        onError: (error) => setErrors(fieldErrorsFromFailure(error)),
      },
    );
  };

  return (
    <section aria-labelledby="add-action-heading" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-m" id="add-action-heading">
        Add an action
      </h3>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <Select
          id={FIELD_IDS.agencyId}
          label="Agency that owns the action"
          options={[{ value: '', label: 'Choose an agency' }, ...agencies]}
          value={values.agencyId}
          onChange={(event) => set('agencyId', event.target.value)}
          error={errorFor(errors, 'agencyId')}
        />
        <TextInput
          id={FIELD_IDS.ownerName}
          label="Named owner (optional)"
          hint="The person in the agency who will do it, if known."
          value={values.ownerName}
          onChange={(event) => set('ownerName', event.target.value)}
          error={errorFor(errors, 'ownerName')}
        />
        <Textarea id={FIELD_IDS.description} label="Action to be taken" value={values.description} onChange={(event) => set('description', event.target.value)} error={errorFor(errors, 'description')} />
        <TextInput
          id={FIELD_IDS.linkedRisk}
          label="Risk it answers (optional)"
          value={values.linkedRisk}
          onChange={(event) => set('linkedRisk', event.target.value)}
          error={errorFor(errors, 'linkedRisk')}
        />
        <Select
          id={FIELD_IDS.category}
          label="Category"
          options={ACTION_CATEGORIES.map((category) => ({ value: category, label: ACTION_CATEGORY_LABELS[category] }))}
          value={values.category}
          onChange={(event) => set('category', event.target.value)}
          error={errorFor(errors, 'category')}
        />
        <DateInput idPrefix="action-due" legend="Due date" hint="For example, 27 3 2027" value={values.due} onChange={(due) => set('due', due)} error={errorFor(errors, 'dueDate')} />
        <Button type="submit" aria-disabled={add.isPending}>
          Add the action
        </Button>
      </form>
    </section>
  );
}
