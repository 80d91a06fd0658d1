import type { InputHTMLAttributes, ReactNode } from 'react';
import { cx } from './class-names';
import { describedBy, ErrorMessage, FormGroup, Hint, type FieldDescription } from './form-group';

type Width = '2' | '3' | '4' | '5' | '10' | '20' | '30' | 'full';

interface TextInputProps extends FieldDescription, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string;
  label: ReactNode;
  width?: Width;
}

export function TextInput({ id, label, hint, error, width, ...input }: TextInputProps) {
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <input
        id={id}
        name={input.name ?? id}
        type="text"
        {...input}
        className={cx(
          'govuk-input',
          error && 'govuk-input--error',
          width && width !== 'full' && `govuk-input--width-${width}`,
        )}
        aria-describedby={describedBy(id, { hint, error })}
      />
    </FormGroup>
  );
}
