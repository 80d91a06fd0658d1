import type { ReactNode } from 'react';
import { cx } from './class-names';

export interface FieldDescription {
  hint?: ReactNode;
  error?: string | undefined;
}

/** The ids that tie a field's hint and error to its input, for `aria-describedby`. */
export function describedBy(id: string, { hint, error }: FieldDescription): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

export function FormGroup({ error, children }: { error?: string | undefined; children: ReactNode }) {
  return <div className={cx('govuk-form-group', error && 'govuk-form-group--error')}>{children}</div>;
}
