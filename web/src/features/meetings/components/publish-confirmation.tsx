import type { MeetingSummary } from '@marac/shared';
import { StepActions, StepHeading } from '../../../components/ui/step';
import { formatCount } from '../../../lib/format';

interface PublishConfirmationProps {
  meeting: MeetingSummary;
  listed: number;
  pending: boolean;
  onPublish: () => void;
  onCancel: () => void;
}

/** A second step before publishing: it sends notices and research tasks to the invited agencies. */
export function PublishConfirmation({ meeting, listed, pending, onPublish, onCancel }: PublishConfirmationProps) {
  const version = meeting.agendaVersion + 1;
  return (
    <section className="app-confirmation" aria-labelledby="agenda-publish-heading">
      <StepHeading id="agenda-publish-heading">{version === 1 ? 'Publish the agenda?' : `Publish the changes as version ${version}?`}</StepHeading>
      <p className="govuk-body">
        The agenda of {formatCount(listed, 'case')} becomes version {version}. Each invited agency gets a research task for every case and a notice in its
        mailbox, except agencies a bar on the case names as unsafe to contact, which are sent nothing about it.
      </p>
      <StepActions
        confirm={version === 1 ? 'Yes, publish the agenda' : `Yes, publish version ${version}`}
        pending={pending}
        onConfirm={onPublish}
        onCancel={onCancel}
      />
    </section>
  );
}
