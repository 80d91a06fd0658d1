import { useEffect, useRef } from 'react';
import { Button, ButtonGroup } from './button';

/**
 * The heading of a step opened on the page (record, remove, move, publish, lift): it takes focus so the
 * step is announced, and again when the step changes to another question.
 */
export function StepHeading({ id, children }: { id: string; children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [children]);
  return (
    <h3 className="govuk-heading-m app-confirmation__heading" id={id} tabIndex={-1} ref={heading}>
      {children}
    </h3>
  );
}

interface StepActionsProps {
  /** The words of the button that answers the step; left out when there is nothing to choose, only the way out. */
  confirm?: string;
  /** Warning for what takes something away (remove, withdraw, lift, delete). */
  variant?: 'primary' | 'warning';
  /** While the answer is on its way the button stays focusable but does nothing, so keyboard users keep their place. */
  pending: boolean;
  /** Left out where the step is a form: the button submits it, so Enter answers it too. */
  onConfirm?: () => void;
  onCancel: () => void;
}

/** The answer to a step opened on the page, and the way out of it; a page's own forms end with `FormActions`. */
export function StepActions({ confirm, variant = 'primary', pending, onConfirm, onCancel }: StepActionsProps) {
  return (
    <ButtonGroup>
      {confirm === undefined ? null : (
        <Button type={onConfirm ? 'button' : 'submit'} variant={variant} onClick={onConfirm} aria-disabled={pending}>
          {confirm}
        </Button>
      )}
      <button type="button" className="app-link-button" onClick={onCancel}>
        Cancel
      </button>
    </ButtonGroup>
  );
}
