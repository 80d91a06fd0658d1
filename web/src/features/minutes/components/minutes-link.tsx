import type { MeetingStatus } from '@marac/shared';
import { Link } from 'react-router';

/** Minutes exist only once a meeting has started (the server generates them then), so the link shows from then on. */
const HAS_MINUTES: readonly MeetingStatus[] = ['in_progress', 'minuted', 'closed'];

const WORDS = {
  coordinator: 'Generate the minutes from what was recorded, add notes and case summaries, and distribute them once the chair has signed them off.',
  chair: 'Read the minutes and sign them off.',
  agency: 'Once distributed, the minutes hold the cases your agency was invited for.',
} as const;

interface MinutesLinkProps {
  to: string;
  meetingStatus: MeetingStatus;
  reader: keyof typeof WORDS;
}

/** The meeting page's way to its minutes. It asks the server nothing: the meeting's status says enough. */
export function MinutesLink({ to, meetingStatus, reader }: MinutesLinkProps) {
  if (!HAS_MINUTES.includes(meetingStatus)) return null;
  return (
    <section aria-labelledby="minutes-link-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="minutes-link-heading">
        Minutes
      </h2>
      <p className="govuk-body">{WORDS[reader]}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={to}>
          Go to the minutes
        </Link>
      </p>
    </section>
  );
}
