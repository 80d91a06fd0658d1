import type { FieldError, ResearchTask } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { ChangedMeanwhile } from '../../../components/ui/changed-meanwhile';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Radios } from '../../../components/ui/radios';
import { TextInput } from '../../../components/ui/text-input';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor, fieldErrorsFromFailure } from '../../../lib/field-errors';
import { useVersionedForm } from '../../../lib/use-versioned-form';
import { useSaveResearch } from '../api/save-research';
import { ResearchContent } from './research-content';
import { liveProblems, readResearch, RESEARCH_FIELD_IDS, valuesOf, type ResearchFormValues, type TextField } from './research-form-values';

interface ResearchFormProps {
  meetingId: string;
  task: ResearchTask;
  cancelTo: string;
  onSaved: (task: ResearchTask) => void;
}

/**
 * The agency's research for one case. Facts (what the records show) and professional opinion (what the
 * agency makes of them) are separate boxes because the meeting and the minutes treat them differently.
 * A draft can be saved with anything missing; a submission needs the answer to "known to your agency",
 * the facts when the answer is yes, and who did the research. Both run the shared checks before
 * anything is sent, and keep everything typed when the server refuses. Colleagues share the task: a
 * save names the version it started from, and a colleague's newer save is shown beside what was typed.
 */
export function ResearchForm({ meetingId, task, cancelTo, onSaved }: ResearchFormProps) {
  const form = useVersionedForm(task, valuesOf);
  const { values, setValues } = form;
  // As in every form: submitted errors stay until the next submission, live problems follow the typing.
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [summary, setSummary] = useState<FieldError[]>([]);
  const save = useSaveResearch();
  const live = liveProblems(values);
  const shown = [...live, ...errors];

  const change = (next: Partial<ResearchFormValues>) => setValues((current) => ({ ...current, ...next }));
  const textProps = (field: TextField) => ({
    id: RESEARCH_FIELD_IDS[field],
    name: field,
    value: values[field],
    error: errorFor(shown, field),
    onChange: (event: { target: { value: string } }) => change({ [field]: event.target.value }),
  });

  const send = (submit: boolean) => {
    if (save.isPending) return;
    const reading = readResearch(values, submit, form.version);
    if (reading.input === null) {
      setErrors(reading.problems);
      setSummary(reading.problems);
      return;
    }
    save.mutate(
      { meetingId, caseId: task.caseId, input: reading.input },
      {
        onSuccess: (saved) => {
          form.saved(saved);
          onSaved(saved);
        },
        onError: (error) => {
          const failed = fieldErrorsFromFailure(error);
          setErrors(failed);
          setSummary(failed);
        },
      },
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(true);
  };

  return (
    <>
      <ErrorSummary errors={summary} fieldIds={RESEARCH_FIELD_IDS} />
      {form.changed ? (
        <ChangedMeanwhile what="your agency’s research for this case" onTakeTheirs={form.takeTheirs} onKeepMine={form.keepMine}>
          <TheirResearch task={form.changed} />
        </ChangedMeanwhile>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Radios
          idPrefix={RESEARCH_FIELD_IDS.knownToAgency}
          name="knownToAgency"
          legend="Is anyone in this case known to your agency?"
          hint="Search for every person in the research packet, under every name and date of birth it gives."
          items={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No', hint: 'Submitting records the case as not known to your agency.' },
          ]}
          value={values.knownToAgency}
          onChange={(known) => change({ knownToAgency: known === 'yes' ? 'yes' : 'no' })}
          error={errorFor(shown, 'knownToAgency')}
        />

        <Textarea
          {...textProps('facts')}
          label="Facts: what your records show"
          hint="Only what your agency’s records say, with dates: incidents, call-outs, convictions, orders, visits and contact with the people in the case. Keep your view of them for the next box. Required to submit when someone is known to your agency."
          rows={8}
        />
        <Textarea
          {...textProps('opinion')}
          label="Professional opinion"
          hint="What your agency makes of the facts: its assessment of the risk and what it expects may happen. The minutes keep it apart from the facts."
          rows={5}
        />
        <Textarea {...textProps('risksIdentified')} label="Risks identified" hint="Risks to the victim, children or others that your records point to." rows={4} />
        <Textarea
          {...textProps('protectiveFactors')}
          label="Protective factors"
          hint="What is keeping people safer: support in place, orders, services and people involved."
          rows={4}
        />

        <h2 className="govuk-heading-m">Anything held back</h2>
        <p className="govuk-body">Share only what is relevant, proportionate and focused on risk. Say here if your agency holds something it will not share.</p>
        <Textarea
          {...textProps('withheld')}
          label="What your agency holds but will not share"
          hint="For example, that there is a live investigation. Leave blank when nothing is held back."
          rows={3}
        />
        <Textarea {...textProps('withheldReason')} label="Why it is held back" hint="Required when something is held back." rows={3} />

        <TextInput
          {...textProps('researchedBy')}
          label="Researched by"
          hint="The name and role of the person in your agency who searched the records. Required to submit."
          autoComplete="off"
          spellCheck={false}
        />

        <ButtonGroup>
          <Button type="submit" aria-disabled={save.isPending}>
            Submit research
          </Button>
          <Button variant="secondary" onClick={() => send(false)} aria-disabled={save.isPending}>
            Save as draft
          </Button>
          <Link className="govuk-link" to={cancelTo}>
            Cancel
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}

/** A colleague's saved research, to compare with what the person typed: read as any saved version is. */
function TheirResearch({ task }: { task: ResearchTask }) {
  return <ResearchContent content={task} />;
}
