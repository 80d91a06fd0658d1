import { useEffect, useRef } from 'react';
import { StepActions } from '../../../components/ui/step';
import { formatCount } from '../../../lib/format';

interface ChaseConfirmationProps {
  outstanding: number;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A second step before e-mailing agencies: its heading takes focus so the question is announced. */
export function ChaseConfirmation({ outstanding, pending, onConfirm, onCancel }: ChaseConfirmationProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="app-confirmation" aria-labelledby="research-chase-heading">
      <h3 className="govuk-heading-m app-confirmation__heading" id="research-chase-heading" tabIndex={-1} ref={heading}>
        Chase outstanding research?
      </h3>
      <p className="govuk-body">
        Each agency with research not started or in draft ({formatCount(outstanding, 'task')} in all) gets an e-mail to its secure mailbox with a link
        to this meeting, the number of its tasks outstanding and the deadline. The e-mails hold no personal data: no names and no case details.
      </p>
      <p className="govuk-body">An agency is reminded at most once a day, and only where it has a secure mailbox.</p>
      <StepActions confirm="Yes, send the reminders" pending={pending} onConfirm={onConfirm} onCancel={onCancel} />
    </section>
  );
}
