import { DASH_ANSWERS, DASH_QUESTION_COUNT, DASH_QUESTIONS, YES_NO_NOT_KNOWN_LABELS } from '@marac/shared';
import { DateInput } from '../../../components/ui/date-input';
import { Radios } from '../../../components/ui/radios';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor } from '../../../lib/field-errors';
import { FormSection } from './form-section';
import { errorAt } from './referral-errors';
import { dashQuestionPath, fieldId } from './referral-field-ids';
import type { DashAnswerValues } from './referral-form-values';
import { sectionOf, type SectionProps } from './section-props';

const ANSWER_ITEMS = DASH_ANSWERS.map((answer) => ({ value: answer, label: YES_NO_NOT_KNOWN_LABELS[answer] }));

interface DashSectionProps extends SectionProps {
  score: number;
  answered: number;
  threshold: number;
}

function Dash({ values, set, errors, onLeave, score, answered, threshold }: DashSectionProps) {
  const { assessment } = values;
  const setAnswer = (index: number, next: DashAnswerValues) =>
    set('assessment', { ...assessment, answers: assessment.answers.map((given, i) => (i === index ? next : given)) });

  return (
    <FormSection
      id="section-dash"
      title="DASH risk checklist"
      onLeave={onLeave}
      description={
        <p className="govuk-body">
          Answer each of the 24 questions of the DASH Risk Identification Checklist as you asked them of the victim. ‘Not known’ does not
          count as ‘yes’.
        </p>
      }
    >
      <DateInput
        idPrefix={fieldId('assessment.completedOn')}
        legend="Date the checklist was completed"
        hint="For example, 27 3 2026"
        value={assessment.completedOn}
        onChange={(completedOn) => set('assessment', { ...assessment, completedOn })}
        error={errorFor(errors, 'assessment.completedOn')}
      />
      <p className="govuk-body govuk-!-font-weight-bold" role="status">
        Score so far: {score} “yes” {score === 1 ? 'answer' : 'answers'} (the threshold is {threshold}). {answered} of {DASH_QUESTION_COUNT}{' '}
        questions answered.
      </p>
      {DASH_QUESTIONS.map((question, index) => {
        const path = dashQuestionPath(question.number);
        const given = assessment.answers[index] ?? { answer: '', comment: '' };
        return (
          <div key={question.number} className="govuk-!-margin-bottom-6">
            <Radios
              idPrefix={fieldId(path)}
              name={`dash-question-${question.number}`}
              legend={`${question.number}. ${question.topic}`}
              inline
              small
              items={ANSWER_ITEMS}
              value={given.answer}
              onChange={(answer) => setAnswer(index, { ...given, answer: DASH_ANSWERS.find((a) => a === answer) ?? '' })}
              error={errorAt(errors, path)}
            />
            <TextInput
              id={fieldId(`${path}.comment`)}
              label={
                <>
                  Comment <span className="govuk-visually-hidden">on question {question.number}</span> (optional)
                </>
              }
              value={given.comment}
              onChange={(event) => setAnswer(index, { ...given, comment: event.target.value })}
              error={errorAt(errors, `${path}.comment`)}
            />
          </div>
        );
      })}
    </FormSection>
  );
}

export const DashSection = sectionOf(Dash, ['assessment']);
