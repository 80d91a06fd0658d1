import { useEffect, useState } from 'react';
import { Tag } from '../../../components/ui/tag';

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * Time spent on the case since the chair opened it, against the minutes the meeting gives each case:
 * the chair sees at a glance when discussion is running into the next case's slot.
 */
export function CaseTimer({ openedAt, minutesPerCase }: { openedAt: string; minutesPerCase: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const elapsed = Math.max(0, Math.floor((now - Date.parse(openedAt)) / 1000));
  const over = elapsed - minutesPerCase * 60;
  return (
    <p className="govuk-body" role="timer" aria-label="Time on this case">
      <span className="govuk-!-font-weight-bold govuk-!-font-size-24">{clock(elapsed)}</span> of {minutesPerCase} minutes{' '}
      {over > 0 ? <Tag colour="red">{`Over by ${clock(over)}`}</Tag> : over > -120 ? <Tag colour="yellow">Less than 2 minutes left</Tag> : null}
    </p>
  );
}
