import { Link } from 'react-router';
import { Button, ButtonGroup } from './button';

interface FormActionsProps {
  submitLabel: string;
  /** While a save is in flight the button stays focusable but does nothing, so keyboard users keep their place. */
  pending: boolean;
  cancelTo: string;
}

/** The submit button and the way back that end every form. */
export function FormActions({ submitLabel, pending, cancelTo }: FormActionsProps) {
  return (
    <ButtonGroup>
      <Button type="submit" aria-disabled={pending}>
        {submitLabel}
      </Button>
      <Link className="govuk-link" to={cancelTo}>
        Cancel
      </Link>
    </ButtonGroup>
  );
}
