import { DASH_QUESTION_COUNT, REFERRAL_CRITERION_LABELS, type CriteriaSettings, type ReferralCriterion } from '@marac/shared';
import { Checkboxes } from '../../../components/ui/checkboxes';
import { DateInput } from '../../../components/ui/date-input';
import { ErrorMessage } from '../../../components/ui/form-group';
import { Textarea } from '../../../components/ui/textarea';
import { errorFor } from '../../../lib/field-errors';
import { useFocusAfterRender } from '../hooks/use-focus-after-render';
import { AddButton, FormSection } from './form-section';
import { errorAt } from './referral-errors';
import { dateTargetId, fieldId, SCORE_PANEL_ID } from './referral-field-ids';
import { emptyRows } from './referral-form-values';
import { sectionOf, type SectionProps } from './section-props';

export const MAX_INCIDENT_DATES = 50;

/** Each criterion's name, then what it means in the referrer's words, with the area's numbers. */
function criterionLabels(settings: CriteriaSettings): Record<ReferralCriterion, string> {
  const names = REFERRAL_CRITERION_LABELS;
  return {
    visible_high_risk: `${names.visible_high_risk}: ${settings.visibleHighRiskThreshold} or more “yes” answers on the DASH checklist`,
    professional_judgement: `${names.professional_judgement}: you have explained why the case is high risk`,
    potential_escalation: `${names.potential_escalation}: ${settings.escalationIncidents} or more incidents in ${settings.escalationMonths} months`,
    repeat: `${names.repeat}: the victim was referred to a MARAC in the last 12 months`,
  };
}

interface CriteriaSectionProps extends SectionProps {
  score: number;
  unanswered: number;
  /** Joined with commas, so the section is redrawn only when the criteria met change. */
  met: string;
  incidentsInWindow: number;
  settings: CriteriaSettings;
}

/** The score and the criteria met, worked out by the shared rules as the form is filled in. */
function CriteriaPanel({ score, unanswered, met, incidentsInWindow, settings, error }: Omit<CriteriaSectionProps, keyof SectionProps> & { error?: string | undefined }) {
  const labels = criterionLabels(settings);
  const criteria = met === '' ? [] : (met.split(',') as ReferralCriterion[]);
  const below = score < settings.visibleHighRiskThreshold;
  return (
    <div id={SCORE_PANEL_ID} tabIndex={-1} className={error ? 'govuk-inset-text govuk-form-group--error' : 'govuk-inset-text'}>
      <h3 className="govuk-heading-m">
        DASH score: {score} of {DASH_QUESTION_COUNT}
      </h3>
      {error ? <ErrorMessage id={SCORE_PANEL_ID}>{error}</ErrorMessage> : null}
      <div role="status">
        {unanswered > 0 ? (
          <p className="govuk-body">
            {unanswered} {unanswered === 1 ? 'question is' : 'questions are'} not answered yet.
          </p>
        ) : null}
        <h4 className="govuk-heading-s">Criteria met</h4>
        {criteria.length > 0 ? (
          <ul className="govuk-list govuk-list--bullet" aria-label="Criteria met">
            {criteria.map((criterion) => (
              <li key={criterion}>{labels[criterion]}</li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">None yet. A referral needs at least one.</p>
        )}
        {below ? (
          <p className="govuk-body">
            The score is below the threshold of {settings.visibleHighRiskThreshold} “yes” answers. The referral can still be made if you
            explain your professional judgement below, or record {settings.escalationIncidents} or more incidents in the last{' '}
            {settings.escalationMonths} months (potential escalation), or it is a repeat referral.
          </p>
        ) : null}
        {incidentsInWindow > 0 ? (
          <p className="govuk-body">
            {incidentsInWindow} {incidentsInWindow === 1 ? 'incident' : 'incidents'} in the {settings.escalationMonths} months before the
            referral.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Criteria({ values, set, errors, onLeave, score, unanswered, met, incidentsInWindow, settings }: CriteriaSectionProps) {
  const focusSoon = useFocusAfterRender();
  const { incidentDates } = values;
  const add = () => {
    set('incidentDates', [...incidentDates, emptyRows.date()]);
    focusSoon(dateTargetId(`incidentDates.${incidentDates.length}`));
  };
  const remove = (index: number) => {
    set('incidentDates', incidentDates.filter((_, i) => i !== index));
    focusSoon(fieldId('incidentDates'));
  };

  return (
    <FormSection id="section-criteria" title="Referral criteria" onLeave={onLeave}>
      <CriteriaPanel
        score={score}
        unanswered={unanswered}
        met={met}
        incidentsInWindow={incidentsInWindow}
        settings={settings}
        error={errorAt(errors, 'dashScore')}
      />
      <Textarea
        id={fieldId('professionalJudgementReasons')}
        label="Professional judgement (optional when the score meets the threshold)"
        hint={`Why you believe the victim is at high risk of serious harm. Needed when the score is below ${settings.visibleHighRiskThreshold} and no other criterion is met. It can add to a high score but never lowers one.`}
        rows={5}
        value={values.professionalJudgementReasons}
        onChange={(event) => set('professionalJudgementReasons', event.target.value)}
        error={errorFor(errors, 'professionalJudgementReasons')}
      />

      <h3 className="govuk-heading-m">Incidents of domestic abuse</h3>
      <p className="govuk-body">
        Dates of incidents known to any agency, not only police call-outs. {settings.escalationIncidents} or more in {settings.escalationMonths}{' '}
        months is potential escalation.
      </p>
      {incidentDates.map((row, index) => (
        <div key={row.key}>
          <DateInput
            idPrefix={fieldId(`incidentDates.${index}`)}
            legend={`Incident ${index + 1}`}
            value={row.date}
            onChange={(date) => set('incidentDates', incidentDates.map((r, i) => (i === index ? { ...r, date } : r)))}
            error={errorFor(errors, `incidentDates.${index}`)}
          />
          <p className="govuk-body">
            <button type="button" className="app-link-button" onClick={() => remove(index)}>
              Remove incident {index + 1}
            </button>
          </p>
        </div>
      ))}
      {incidentDates.length < MAX_INCIDENT_DATES ? (
        <AddButton id={fieldId('incidentDates')} onClick={add} error={errorAt(errors, 'incidentDates')}>
          {incidentDates.length === 0 ? 'Add an incident date' : 'Add another incident date'}
        </AddButton>
      ) : null}

      <Checkboxes
        idPrefix={fieldId('knownRepeat')}
        name="knownRepeat"
        legend="Repeat referral"
        hint="Any further incident within 12 months of the last MARAC referral makes a repeat referral, whatever its severity"
        items={[{ value: 'yes', label: 'The victim has been referred to a MARAC in the last 12 months' }]}
        values={values.knownRepeat ? ['yes'] : []}
        onChange={(checked) => set('knownRepeat', checked.includes('yes'))}
        error={errorFor(errors, 'knownRepeat')}
      />
    </FormSection>
  );
}

export const CriteriaSection = sectionOf(Criteria, ['professionalJudgementReasons', 'incidentDates', 'knownRepeat']);
