import type { GeneratedAgenda } from '@marac/shared';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { formatCount, formatLongDate } from '../../../lib/format';

type OverflowCase = GeneratedAgenda['overflow'][number];

/** Cases the build could not fit: where each went, or that no later meeting had room. */
export function OverflowWarning({ overflow }: { overflow: readonly OverflowCase[] }) {
  if (overflow.length === 0) return null;
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        <strong>{`${formatCount(overflow.length, 'case')} did not fit on this agenda:`}</strong>
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2 govuk-!-margin-bottom-0">
          {overflow.map((item) => (
            <li key={item.caseId}>
              {item.caseReference}:{' '}
              {item.movedToMeetingId && item.movedToDate ? (
                <>
                  moved to the{' '}
                  <Link className="govuk-link" to={paths.meetings.detail(item.movedToMeetingId)}>
                    meeting on {formatLongDate(item.movedToDate)}
                  </Link>
                </>
              ) : (
                'no later meeting had room; it waits for the next agenda'
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
