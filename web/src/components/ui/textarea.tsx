import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { cx } from './class-names';
import { describedBy, ErrorMessage, FormGroup, Hint, type FieldDescription } from './form-group';

interface TextareaProps extends FieldDescription, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> {
  id: string;
  label: ReactNode;
}

export function Textarea({ id, label, hint, error, rows = 3, ...textarea }: TextareaProps) {
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <textarea
        id={id}
        name={textarea.name ?? id}
        rows={rows}
        {...textarea}
        className={cx('govuk-textarea', error && 'govuk-textarea--error')}
        aria-describedby={describedBy(id, { hint, error })}
      />
    </FormGroup>
  );
}
