import type { ReactNode } from 'react';
import { choiceId } from './choice-ids';
import { cx } from './class-names';
import { describedBy, ErrorMessage, FormGroup, Hint, type FieldDescription } from './form-group';

export interface CheckboxItem {
  value: string;
  label: string;
  hint?: ReactNode;
}

interface CheckboxesProps extends FieldDescription {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  items: readonly CheckboxItem[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  small?: boolean;
}

export function Checkboxes({ idPrefix, name, legend, hint, error, items, values, onChange, small }: CheckboxesProps) {
  const toggle = (value: string, checked: boolean) => {
    // Keep the order of the list rather than the order of clicking, so the request is stable.
    const next = new Set(values);
    if (checked) next.add(value);
    else next.delete(value);
    onChange(items.map((item) => item.value).filter((v) => next.has(v)));
  };

  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(idPrefix, { hint, error })}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? <Hint id={idPrefix}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={idPrefix}>{error}</ErrorMessage> : null}
        <div className={cx('govuk-checkboxes', small && 'govuk-checkboxes--small')}>
          {items.map((item, index) => {
            const id = choiceId(idPrefix, index);
            return (
              <div className="govuk-checkboxes__item" key={item.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={name}
                  type="checkbox"
                  value={item.value}
                  checked={values.includes(item.value)}
                  onChange={(event) => toggle(item.value, event.target.checked)}
                  aria-describedby={item.hint ? `${id}-item-hint` : undefined}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {item.label}
                </label>
                {item.hint ? (
                  <div id={`${id}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                    {item.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
