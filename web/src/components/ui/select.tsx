import type { ReactNode, SelectHTMLAttributes } from 'react';
import { cx } from './class-names';
import { describedBy, ErrorMessage, FormGroup, Hint, type FieldDescription } from './form-group';

export interface Option {
  value: string;
  label: string;
}

interface SelectProps extends FieldDescription, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  id: string;
  label: ReactNode;
  options: readonly Option[];
}

export function Select({ id, label, hint, error, options, ...select }: SelectProps) {
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <select
        id={id}
        name={select.name ?? id}
        {...select}
        className={cx('govuk-select', error && 'govuk-select--error')}
        aria-describedby={describedBy(id, { hint, error })}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
