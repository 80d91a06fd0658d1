import { useId, type ReactNode } from 'react';
import { Button, ButtonGroup } from './button';

interface ChangedMeanwhileProps {
  /** What was changed, as the heading says it: "this action", "your agency’s research for this case". */
  what: string;
  /** Their version, or what it changed, for the person to compare with what they typed. */
  children?: ReactNode;
  /** Offered where the form's fields would overwrite theirs: load their version into the form. */
  onTakeTheirs?: () => void;
  /** Offered with `onTakeTheirs`: keep what was typed, to save it over theirs. */
  onKeepMine?: () => void;
}

/**
 * Someone else changed the record while the person was working on it (the server refused their save,
 * or a refresh brought the change in). Their version is shown here, what the person typed stays in the
 * form, and the words say what to do next. A refused save has already moved the focus to the error
 * summary, which says so, and this follows it on the page.
 */
export function ChangedMeanwhile({ what, children, onTakeTheirs, onKeepMine }: ChangedMeanwhileProps) {
  const headingId = useId();
  return (
    <div className="govuk-inset-text" role="region" aria-labelledby={headingId}>
      <h3 className="govuk-heading-s" id={headingId}>
        Someone else changed {what} while you were working on it
      </h3>
      <p className="govuk-body">
        {onTakeTheirs
          ? 'Their version is below; what you typed is kept in the form. Take their version, or check yours against it and save yours over it.'
          : 'It now stands as shown; what you typed is kept. Check it still fits, then save it again.'}
      </p>
      {children}
      {onTakeTheirs ? (
        <ButtonGroup>
          <Button variant="secondary" onClick={onTakeTheirs}>
            Take their version
          </Button>
          {onKeepMine ? (
            <Button variant="secondary" onClick={onKeepMine}>
              Keep mine
            </Button>
          ) : null}
        </ButtonGroup>
      ) : null}
    </div>
  );
}
