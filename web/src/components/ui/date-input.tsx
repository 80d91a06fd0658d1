import { isIsoDate } from '@marac/shared';
import type { ReactNode } from 'react';
import { cx } from './class-names';
import { describedBy, ErrorMessage, FormGroup, Hint, type FieldDescription } from './form-group';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate: DateParts = { day: '', month: '', year: '' };

/** `2026-03-27` → its three boxes; anything else leaves them empty. */
export function datePartsFrom(isoDate: string | undefined): DateParts {
  if (!isoDate || !isIsoDate(isoDate)) return emptyDate;
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export type DateReading = { kind: 'empty' } | { kind: 'date'; isoDate: string } | { kind: 'invalid' };

/** Reads the three boxes as a calendar date, the way a person types them ("7", "3", "2026"). */
export function readDate(parts: DateParts): DateReading {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return { kind: 'empty' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { kind: 'invalid' };
  const isoDate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(isoDate) ? { kind: 'date', isoDate } : { kind: 'invalid' };
}

interface DateInputProps extends FieldDescription {
  /** The day box gets `${idPrefix}-day`, which is what an error summary should link to. */
  idPrefix: string;
  legend: ReactNode;
  value: DateParts;
  onChange: (value: DateParts) => void;
}

const BOXES = [
  { key: 'day', label: 'Day', width: '2' },
  { key: 'month', label: 'Month', width: '2' },
  { key: 'year', label: 'Year', width: '4' },
] as const;

export function DateInput({ idPrefix, legend, hint, error, value, onChange }: DateInputProps) {
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(idPrefix, { hint, error })}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? <Hint id={idPrefix}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={idPrefix}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input" id={idPrefix}>
          {BOXES.map((box) => (
            <div className="govuk-date-input__item" key={box.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${idPrefix}-${box.key}`}>
                  {box.label}
                </label>
                <input
                  className={cx(
                    'govuk-input govuk-date-input__input',
                    `govuk-input--width-${box.width}`,
                    error && 'govuk-input--error',
                  )}
                  id={`${idPrefix}-${box.key}`}
                  name={`${idPrefix}-${box.key}`}
                  type="text"
                  inputMode="numeric"
                  value={value[box.key]}
                  onChange={(event) => onChange({ ...value, [box.key]: event.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </FormGroup>
  );
}
