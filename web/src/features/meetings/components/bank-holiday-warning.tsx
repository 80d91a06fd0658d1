import { Link } from 'react-router';
import { WarningText } from '../../../components/ui/warning-text';

interface BankHolidayWarningProps {
  holiday: string | null;
  /** The form that moves the meeting: for its coordinators, while it has not started. */
  moveTo?: string;
  /** Which meeting the link moves, for screen readers, where several meetings are listed. */
  meetingName?: string;
}

/**
 * A meeting on a bank holiday is kept where the series put it, for the coordinator to move: they know
 * whether the room and the chair are free another day.
 */
export function BankHolidayWarning({ holiday, moveTo, meetingName }: BankHolidayWarningProps) {
  if (holiday === null) return null;
  return (
    <WarningText>
      Falls on {holiday}: move it
      {moveTo ? (
        <>
          <br />
          <Link className="govuk-link" to={moveTo}>
            Move this meeting
            {meetingName ? (
              <>
                {' '}
                <span className="govuk-visually-hidden">on {meetingName}</span>
              </>
            ) : null}
          </Link>
        </>
      ) : null}
    </WarningText>
  );
}
