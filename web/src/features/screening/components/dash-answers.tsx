import { DASH_QUESTIONS, RISK_TOOL_LABELS, YES_NO_NOT_KNOWN_LABELS, type RiskAssessment } from '@marac/shared';
import { TableHead } from '../../../components/ui/table-head';
import { formatDate } from '../../../lib/format';

/** Question topics are the DASH checklist's; other tools number their questions without a topic here. */
const topicOf = (assessment: RiskAssessment, question: number): string =>
  assessment.tool === 'dash' ? (DASH_QUESTIONS[question - 1]?.topic ?? `Question ${question}`) : `Question ${question}`;

/** Every question of a DASH checklist is listed, answered or not; other tools list the answers they hold. */
function questionNumbers(assessment: RiskAssessment): number[] {
  if (assessment.tool === 'dash') return DASH_QUESTIONS.map((question) => question.number);
  return [...new Set(assessment.answers.map((answer) => answer.question))].sort((a, b) => a - b);
}

export function DashAnswers({ assessment }: { assessment: RiskAssessment }) {
  const answers = new Map(assessment.answers.map((answer) => [answer.question, answer]));
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">
        {RISK_TOOL_LABELS[assessment.tool]} (version {assessment.version}), completed {formatDate(assessment.completedOn)}: score{' '}
        {assessment.score}
      </caption>
      <TableHead columns={[{ label: 'Number', hidden: true }, 'Question', 'Answer', 'Comment']} />
      <tbody className="govuk-table__body">
        {questionNumbers(assessment).map((number) => {
          const answer = answers.get(number);
          return (
            <tr className="govuk-table__row" key={number}>
              <td className="govuk-table__cell">{number}</td>
              <th scope="row" className="govuk-table__header">
                {topicOf(assessment, number)}
              </th>
              <td className="govuk-table__cell">
                {!answer ? 'Not answered' : answer.answer === 'yes' ? <strong>Yes</strong> : YES_NO_NOT_KNOWN_LABELS[answer.answer]}
              </td>
              <td className="govuk-table__cell">{answer?.comment ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
