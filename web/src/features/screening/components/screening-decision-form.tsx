import {
  ScreeningDecisionInput,
  type FieldError,
  type Me,
  type ReferralDetail,
  type ReferralStatus,
  type ScreeningOutcome,
  type ScreeningQuery,
} from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { FormActions } from '../../../components/ui/form-actions';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { Radios } from '../../../components/ui/radios';
import { Select } from '../../../components/ui/select';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor, fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { formatDate } from '../../../lib/format';
import { useDecideReferral } from '../api/decide-referral';
import { useScreeningQueue } from '../api/get-screening-queue';

type Decision = ScreeningDecisionInput['decision'];

/** Screening decides once, while the referral waits for it. */
export const OPEN_FOR_SCREENING: readonly ReferralStatus[] = ['submitted', 'more_information_requested'];

/** What another referral can be merged into, as the server allows it: in play and not folded into anything. */
const MERGE_TARGET_STATUSES: ReferralStatus[] = ['submitted', 'more_information_requested', 'accepted'];
const MERGE_TARGETS_SHOWN = 200;

const REASON_IDS = { reject: 'decision-reject-reason', request_information: 'decision-information-reason' } as const;

function fieldIdsFor(decision: string): Record<string, string> {
  return {
    decision: 'decision',
    areaId: 'decision-area',
    intoReferralId: 'decision-merge-into',
    reason: decision === 'reject' ? REASON_IDS.reject : REASON_IDS.request_information,
  };
}

interface Values {
  decision: string;
  areaId: string;
  rejectReason: string;
  informationReason: string;
  intoReferralId: string;
}

const EMPTY: Values = { decision: '', areaId: '', rejectReason: '', informationReason: '', intoReferralId: '' };

/** The decision as the API takes it, or what is wrong with the form. */
function readDecision(values: Values, askArea: boolean): { input: ScreeningDecisionInput } | { errors: FieldError[] } {
  let raw: unknown;
  switch (values.decision) {
    case 'accept':
      if (askArea && values.areaId === '') return { errors: [{ field: 'areaId', message: 'Choose the MARAC area that will hear the case' }] };
      raw = askArea ? { decision: 'accept', areaId: values.areaId } : { decision: 'accept' };
      break;
    case 'reject':
      raw = { decision: 'reject', reason: values.rejectReason };
      break;
    case 'request_information':
      raw = { decision: 'request_information', reason: values.informationReason };
      break;
    case 'merge':
      if (values.intoReferralId === '') return { errors: [{ field: 'intoReferralId', message: 'Choose the referral to merge this one into' }] };
      raw = { decision: 'merge', intoReferralId: values.intoReferralId };
      break;
    default:
      return { errors: [{ field: 'decision', message: 'Choose what to do with this referral' }] };
  }
  const parsed = ScreeningDecisionInput.safeParse(raw);
  return parsed.success ? { input: parsed.data } : { errors: fieldErrorsFromZod(parsed.error) };
}

interface ScreeningDecisionFormProps {
  referral: ReferralDetail;
  /** The coordinator's areas, offered when the server cannot tell which area covers the victim's address. */
  areas: Me['areas'];
  cancelTo: string;
  /** With what any bar the decision brought took away, so the page can tell the coordinator. */
  onDecided: (outcome: ScreeningOutcome, decision: Decision) => void;
}

export function ScreeningDecisionForm({ referral, areas, cancelTo, onDecided }: ScreeningDecisionFormProps) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [askArea, setAskArea] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const decide = useDecideReferral();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (decide.isPending) return;
    const read = readDecision(values, askArea);
    if ('errors' in read) {
      setErrors(read.errors);
      return;
    }
    decide.mutate(
      { id: referral.id, input: read.input },
      {
        onSuccess: (updated) => onDecided(updated, read.input.decision),
        onError: (error) => {
          const problems = fieldErrorsFromFailure(error);
          // The server could not place the victim's address in one of the coordinator's areas: ask for it.
          if (problems.some((problem) => problem.field === 'areaId')) setAskArea(true);
          setErrors(problems);
        },
      },
    );
  };

  const set = (changes: Partial<Values>) => setValues((current) => ({ ...current, ...changes }));

  const areaQuestion = askArea ? (
    <Select
      id="decision-area"
      label="MARAC area that will hear the case"
      options={[{ value: '', label: 'Choose an area' }, ...areas.map((area) => ({ value: area.id, label: area.name }))]}
      value={values.areaId}
      onChange={(event) => set({ areaId: event.target.value })}
      error={errorFor(errors, 'areaId')}
    />
  ) : null;

  const reasonQuestion = (decision: 'reject' | 'request_information') => (
    <Textarea
      id={REASON_IDS[decision]}
      label={decision === 'reject' ? 'Why is it rejected?' : 'What more does the referrer need to provide?'}
      hint="The referrer sees this. Do not include anything they should not know."
      rows={4}
      value={decision === 'reject' ? values.rejectReason : values.informationReason}
      onChange={(event) => set(decision === 'reject' ? { rejectReason: event.target.value } : { informationReason: event.target.value })}
      error={values.decision === decision ? errorFor(errors, 'reason') : undefined}
    />
  );

  return (
    <section aria-labelledby="decision-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="decision-heading">
        Screening decision
      </h2>
      <ErrorSummary errors={errors} fieldIds={fieldIdsFor(values.decision)} />
      <form onSubmit={submit} noValidate>
        <Radios
          idPrefix="decision"
          name="decision"
          legend="What do you want to do with this referral?"
          items={[
            {
              value: 'accept',
              label: 'Accept',
              hint: 'It goes onto the victim’s case in the area that covers their address, ready for the next agenda',
              conditional: areaQuestion,
            },
            { value: 'request_information', label: 'Ask the referrer for more information', conditional: reasonQuestion('request_information') },
            { value: 'reject', label: 'Reject', conditional: reasonQuestion('reject') },
            {
              value: 'merge',
              label: 'Merge into another referral',
              hint: 'For a referral about the same incident as one already received',
              conditional: (
                <MergeTargetQuestion
                  referral={referral}
                  value={values.intoReferralId}
                  onChange={(intoReferralId) => set({ intoReferralId })}
                  error={errorFor(errors, 'intoReferralId')}
                />
              ),
            },
          ]}
          value={values.decision}
          onChange={(decision) => set({ decision })}
          error={errorFor(errors, 'decision')}
        />
        {/* A complaint about the area stays visible even if another decision is now chosen. */}
        {values.decision !== 'accept' && errorFor(errors, 'areaId') ? areaQuestion : null}
        <FormActions submitLabel="Save decision" pending={decide.isPending} cancelTo={cancelTo} />
      </form>
    </section>
  );
}

interface MergeTargetQuestionProps {
  referral: ReferralDetail;
  value: string;
  onChange: (referralId: string) => void;
  error: string | undefined;
}

/** Referrals of the same area that this one could be folded into, newest first, read from the screening queue. */
function MergeTargetQuestion({ referral, value, onChange, error }: MergeTargetQuestionProps) {
  const query: ScreeningQuery = {
    areaId: referral.areaId ?? undefined,
    status: MERGE_TARGET_STATUSES,
    sort: 'newest',
    limit: MERGE_TARGETS_SHOWN,
    offset: 0,
  };
  const targets = useScreeningQueue(query);

  if (targets.isPending) return <Loading label="Loading referrals in this area…" />;
  if (targets.isError) return <QueryProblem error={targets.error} subject="the referrals this one could be merged into" />;

  const others = targets.data.items.filter((item) => item.id !== referral.id);
  if (others.length === 0) return <p className="govuk-body">There is no other referral in this area to merge into.</p>;

  return (
    <Select
      id="decision-merge-into"
      label="Referral to merge this one into"
      hint={
        targets.data.total > MERGE_TARGETS_SHOWN
          ? `The ${MERGE_TARGETS_SHOWN} most recent referrals in ${referral.areaName ?? 'this area'} that are awaiting screening or accepted`
          : `Referrals in ${referral.areaName ?? 'this area'} that are awaiting screening or accepted`
      }
      options={[
        { value: '', label: 'Choose a referral' },
        ...others.map((item) => ({
          value: item.id,
          label: `${item.reference}: ${item.victim.displayName}, referred ${formatDate(item.referralDate)} (${item.statusLabel})`,
        })),
      ]}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}
