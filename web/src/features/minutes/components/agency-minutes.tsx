import type { MeetingSummary, Minutes } from '@marac/shared';
import { minutesPdfUrl } from '../api/minutes-pdf';
import { MinutesDocument } from './minutes-document';
import { MinutesStatus } from './minutes-status';

interface AgencyMinutesProps {
  meeting: MeetingSummary;
  /** Null until the minutes are distributed: the server tells a representative nothing before then. */
  minutes: Minutes | null;
  agencyName: string | null;
}

/**
 * The minutes as an agency's representative reads them once distributed: the cases their agency was
 * invited for, as the server sent them, with the deadline and a PDF marked with who it was made for.
 */
export function AgencyMinutes({ meeting, minutes, agencyName }: AgencyMinutesProps) {
  const yours = agencyName ? `for ${agencyName}` : 'for your agency';
  return (
    <>
      <MinutesStatus meetingDate={meeting.date} dueDate={meeting.minutesDueDate} minutes={minutes} missing="Not distributed yet" />
      {minutes === null ? (
        <p className="govuk-body">
          The minutes of this meeting have not been distributed to your agency yet. Your agency’s secure mailbox is sent a notice when they are.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            These are the minutes {yours}: only the cases your agency was invited for. Keep them in your agency’s secure records and share them no
            further than your agency needs to act on the actions agreed.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={minutesPdfUrl(meeting.id)}>
              Download the minutes {yours} (PDF)
            </a>
          </p>
          <MinutesDocument content={minutes.content} noCases="None of the cases heard at this meeting were for your agency." />
        </>
      )}
    </>
  );
}
