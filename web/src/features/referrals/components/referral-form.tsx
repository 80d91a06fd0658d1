import { DEFAULT_CRITERIA_SETTINGS, type FieldError, type Me, type ReferralDetail } from '@marac/shared';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { FormActions } from '../../../components/ui/form-actions';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { useAgencyDirectory } from '../../../lib/api/get-agency-directory';
import { fieldErrorsFromFailure } from '../../../lib/field-errors';
import { useDeleteReferralDraft } from '../api/delete-referral-draft';
import { useResubmitReferral } from '../api/resubmit-referral';
import { useSubmitReferral } from '../api/submit-referral';
import { useDraftAutosave } from '../hooks/use-draft-autosave';
import { todayInLondon } from '../../../lib/today';
import { CriteriaSection } from './criteria-section';
import { DashSection } from './dash-section';
import { DraftStatus } from './draft-status';
import { SectionContents } from './form-section';
import { HouseholdSection } from './household-section';
import { NarrativeSection } from './narrative-section';
import { PerpetratorsSection } from './perpetrators-section';
import { ReferralDetailsSection } from './referral-details-section';
import { referralFieldIds } from './referral-field-ids';
import { draftPayload, type ReferralFormValues } from './referral-form-values';
import { checkReferral, errorsOnPage, liveCriteria, summaryOf } from './referral-submission';
import { SafetySection } from './safety-section';
import type { SetField } from './section-props';
import { VictimSection } from './victim-section';

const SECTIONS = [
  { id: 'section-referral', title: 'About the referral' },
  { id: 'section-victim', title: 'Victim' },
  { id: 'section-perpetrators', title: 'Perpetrators' },
  { id: 'section-household', title: 'Children and other household members' },
  { id: 'section-safety', title: 'Consent and safety' },
  { id: 'section-dash', title: 'DASH risk checklist' },
  { id: 'section-criteria', title: 'Referral criteria' },
  { id: 'section-narrative', title: 'What has happened' },
] as const;

// An area may set its own criteria, but referrers are not sent them (`Me.areas` carries no settings), so
// the form shows the national ones. The server checks again with the area's and names any shortfall
// against the professional-judgement field, where the form shows it.
const SETTINGS = DEFAULT_CRITERIA_SETTINGS;

interface ReferralFormProps {
  me: Me;
  initialValues: ReferralFormValues;
  /** The draft the form was opened from; without one, a draft is made on the first change. */
  draft: { id: string; savedAt: string } | null;
  onDraftCreated: (draftId: string) => void;
  /** The referral whose request for more information this answers; leave out for a new referral. */
  resubmitting?: ReferralDetail;
  onSubmitted: (referral: ReferralDetail) => void;
  cancelTo: string;
}

/**
 * The whole referral on one page, in sections. Nothing typed is ever lost: the form saves itself as a
 * draft, and a rejected submission (by the browser's checks or the server's) keeps every value and
 * marks each field that needs attention.
 */
export function ReferralForm({ me, initialValues, draft, onDraftCreated, resubmitting, onSubmitted, cancelTo }: ReferralFormProps) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);
  const [today] = useState(() => todayInLondon());
  const agencies = useAgencyDirectory();
  const submitReferral = useSubmitReferral();
  const resubmitReferral = useResubmitReferral();
  const deleteDraft = useDeleteReferralDraft();
  const choosesAgency = me.user.role !== 'agency_representative';

  const resubmits = resubmitting?.id ?? null;
  const payload = useMemo(() => draftPayload(values, resubmits), [values, resubmits]);
  const autosave = useDraftAutosave({ draftId: draft?.id ?? null, savedAt: draft?.savedAt ?? null, payload, onCreated: onDraftCreated });
  const { flush } = autosave;
  const leaveSection = useCallback(() => void flush(), [flush]);

  const set = useCallback<SetField>((key, value) => setValues((current) => ({ ...current, [key]: value })), []);

  const { assessment, professionalJudgementReasons, incidentDates, referralDate, knownRepeat } = values;
  // Worked out again only when a field the criteria read changes, not on every keystroke elsewhere.
  const live = useMemo(
    () => liveCriteria({ assessment, professionalJudgementReasons, incidentDates, referralDate, knownRepeat }, today),
    [assessment, professionalJudgementReasons, incidentDates, referralDate, knownRepeat, today],
  );
  const fieldIds = useMemo(() => referralFieldIds(values, { choosesAgency }), [values, choosesAgency]);
  const summary = useMemo(() => summaryOf(errors), [errors]);

  if (agencies.isPending) return <Loading label="Loading the list of agencies…" />;
  if (agencies.isError) return <QueryProblem error={agencies.error} subject="the list of agencies" />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const check = checkReferral(values, { today, choosesAgency });
    if (check.errors.length > 0) {
      setErrors(check.errors);
      void flush();
      return;
    }
    setSending(true);
    // Whatever was typed since the last save is saved first, so a refused submission loses nothing.
    const draftId = await flush();
    autosave.pause();
    const onError = (error: Error) => {
      setSending(false);
      autosave.resume();
      setErrors(errorsOnPage(fieldErrorsFromFailure(error), check.rows, values));
    };
    const onSuccess = (referral: ReferralDetail) => {
      autosave.stop();
      // A new referral's draft goes with it on the server; more information's draft is removed here.
      if (resubmitting && draftId) deleteDraft.mutate(draftId);
      onSubmitted(referral);
    };
    if (resubmitting) resubmitReferral.mutate({ id: resubmitting.id, input: check.submission }, { onSuccess, onError });
    else submitReferral.mutate(draftId ? { ...check.submission, draftId } : check.submission, { onSuccess, onError });
  };

  return (
    <>
      <ErrorSummary errors={summary} fieldIds={fieldIds} />
      <DraftStatus status={autosave.status} onRetry={leaveSection} />
      <SectionContents sections={SECTIONS} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ReferralDetailsSection
          values={values}
          set={set}
          errors={errors}
          onLeave={leaveSection}
          areas={me.areas}
          ownAgency={choosesAgency ? null : me.agency}
          agencies={agencies.data}
        />
        <VictimSection values={values} set={set} errors={errors} onLeave={leaveSection} />
        <PerpetratorsSection values={values} set={set} errors={errors} onLeave={leaveSection} />
        <HouseholdSection values={values} set={set} errors={errors} onLeave={leaveSection} />
        <SafetySection values={values} set={set} errors={errors} onLeave={leaveSection} agencies={agencies.data} />
        <DashSection
          values={values}
          set={set}
          errors={errors}
          onLeave={leaveSection}
          score={live.score}
          answered={live.answered}
          threshold={SETTINGS.visibleHighRiskThreshold}
        />
        <CriteriaSection
          values={values}
          set={set}
          errors={errors}
          onLeave={leaveSection}
          score={live.score}
          unanswered={live.unanswered}
          met={live.met.join(',')}
          incidentsInWindow={live.incidentsInWindow}
          settings={SETTINGS}
        />
        <NarrativeSection values={values} set={set} errors={errors} onLeave={leaveSection} />
        <p className="govuk-body">
          {resubmitting
            ? 'The referral goes back to the coordinator for screening with the information you have added.'
            : 'The referral goes to the MARAC coordinator for screening. Remember to refer the victim to the IDVA service as well.'}
        </p>
        <FormActions submitLabel={resubmitting ? 'Resubmit referral' : 'Send referral'} pending={sending} cancelTo={cancelTo} />
      </form>
    </>
  );
}
