import { formatCount } from '../../../lib/format';

/**
 * Cases on the agenda that a bar keeps from the reader (their agency or e-mail is named as unsafe to
 * contact about it): counted so the agenda's size and the running order make sense, never described.
 */
export function WithheldCases({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
        {formatCount(count, 'case on this agenda is', 'cases on this agenda are')} withheld from you.
      </p>
      <p className="govuk-body govuk-!-margin-bottom-0">
        A bar names you or your agency as someone who must not receive anything about {count === 1 ? 'that case' : 'those cases'}, so nothing about{' '}
        {count === 1 ? 'it' : 'them'} is shown here, and the numbering of the agenda skips {count === 1 ? 'it' : 'them'}.
      </p>
    </div>
  );
}
