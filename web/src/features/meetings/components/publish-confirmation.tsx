import type { MeetingSummary } from '@marac/shared';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { formatCount } from '../../../lib/format';
import { PanelHeading } from './panel-heading';

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
      <PanelHeading id="agenda-publish-heading">{version === 1 ? 'Publish the agenda?' : `Publish the changes as version ${version}?`}</PanelHeading>
      <p className="govuk-body">
        The agenda of {formatCount(listed, 'case')} becomes version {version}. Each invited agency gets a research task for every case and a notice in its
        mailbox, except agencies a referral names as unsafe to contact, which are not told about that case.
      </p>
      <ButtonGroup>
        <Button onClick={onPublish} aria-disabled={pending}>
          {version === 1 ? 'Yes, publish the agenda' : `Yes, publish version ${version}`}
        </Button>
        <button type="button" className="app-link-button" onClick={onCancel}>
          Cancel
        </button>
      </ButtonGroup>
    </section>
  );
}
