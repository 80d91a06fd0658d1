import { longDate, type IsoDate, type Minutes } from '@marac/shared';
import type { ReactNode } from 'react';
import { SummaryRow } from '../../../components/ui/summary-row';
import { Tag } from '../../../components/ui/tag';
import { formatTimestamp } from '../../../lib/format';
import { todayInLondon } from '../../../lib/today';
import { deadlineRule, deadlineStatus } from './minutes-deadline';
import { MinutesStatusTag } from './minutes-status-tag';

/** The heading takes focus after a command whose button goes (generate, sign off, distribute). */
export const STATUS_HEADING = 'minutes-status-heading';

interface MinutesStatusProps {
  meetingDate: IsoDate;
  /** The meeting's deadline: the minutes carry the one they were generated with, the meeting the current one. */
  dueDate: IsoDate;
  minutes: Minutes | null;
  /** What "no minutes" means to this reader: not generated yet, or not distributed to their agency yet. */
  missing: string;
}

/** Where the minutes stand: their status, the deadline counted in working days, sign-off and distribution. */
export function MinutesStatus({ meetingDate, dueDate, minutes, missing }: MinutesStatusProps) {
  const deadline = deadlineStatus({ meetingDate, dueDate, signedOffAt: minutes?.signedOffAt ?? null }, todayInLondon());
  const rows: { key: string; value: ReactNode }[] = [
    { key: 'Status', value: minutes ? <MinutesStatusTag status={minutes.status} /> : missing },
    {
      key: 'Minutes due by',
      value: (
        <>
          {longDate(dueDate)} ({deadlineRule({ meetingDate, dueDate, signedOffAt: null })})
          <br />
          <Tag colour={deadline.colour}>{deadline.text}</Tag>
          {deadline.note ? ` – ${deadline.note}` : null}
        </>
      ),
    },
  ];
  if (minutes?.signedOffAt) rows.push({ key: 'Signed off', value: `${formatTimestamp(minutes.signedOffAt)}${minutes.signedOffByName ? ` by ${minutes.signedOffByName}` : ''}` });
  if (minutes?.distributedAt) rows.push({ key: 'Distributed', value: formatTimestamp(minutes.distributedAt) });
  return (
    <section aria-labelledby={STATUS_HEADING} className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id={STATUS_HEADING} tabIndex={-1}>
        Status
      </h2>
      <dl className="govuk-summary-list">
        {rows.map((row) => (
          <SummaryRow key={row.key} label={row.key}>{row.value}</SummaryRow>
        ))}
      </dl>
    </section>
  );
}
