import type { ReactNode } from 'react';
import { choiceId } from './choice-ids';
import { cx } from './class-names';
import { describedBy, ErrorMessage, FormGroup, Hint, type FieldDescription } from './form-group';

export interface RadioItem {
  value: string;
  label: string;
  hint?: ReactNode;
  /** Shown under the item while it is chosen, for a follow-up question that only applies to it. */
  conditional?: ReactNode;
}

interface RadiosProps extends FieldDescription {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  items: readonly RadioItem[];
  value: string;
  onChange: (value: string) => void;
  inline?: boolean;
  small?: boolean;
}

export function Radios({ idPrefix, name, legend, hint, error, items, value, onChange, inline, small }: RadiosProps) {
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(idPrefix, { hint, error })}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? <Hint id={idPrefix}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={idPrefix}>{error}</ErrorMessage> : null}
        <div className={cx('govuk-radios', inline && 'govuk-radios--inline', small && 'govuk-radios--small')}>
          {items.map((item, index) => {
            const id = choiceId(idPrefix, index);
            const checked = item.value === value;
            return (
              <div key={item.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name={name}
                    type="radio"
                    value={item.value}
                    checked={checked}
                    onChange={() => onChange(item.value)}
                    aria-describedby={item.hint ? `${id}-item-hint` : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {item.label}
                  </label>
                  {item.hint ? (
                    <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
                      {item.hint}
                    </div>
                  ) : null}
                </div>
                {item.conditional && checked ? <div className="govuk-radios__conditional">{item.conditional}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
