import { useEffect, useRef, type ReactNode } from 'react';
import { StepActions } from '../../../components/ui/step';

interface MinutesConfirmationProps {
  id: string;
  heading: string;
  confirm: string;
  pending: boolean;
  children: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A second step before a command with no way back (sign off, distribute): its heading takes focus so the question is announced. */
export function MinutesConfirmation({ id, heading, confirm, pending, children, onConfirm, onCancel }: MinutesConfirmationProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section className="app-confirmation" aria-labelledby={id}>
      <h3 className="govuk-heading-m app-confirmation__heading" id={id} tabIndex={-1} ref={ref}>
        {heading}
      </h3>
      {children}
      <p className="govuk-body">This cannot be undone.</p>
      <StepActions confirm={confirm} pending={pending} onConfirm={onConfirm} onCancel={onCancel} />
    </section>
  );
}
