import type { ReactNode } from 'react';
import { SummaryRow } from '../../../components/ui/summary-row';

export interface SummaryListRow {
  key: string;
  /** Nothing to show reads as "Not given", so an empty answer is never mistaken for a missing row. */
  value: ReactNode;
}

const isEmpty = (value: ReactNode) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The GOV.UK summary list: one question and its answer per row. */
export function SummaryList({ rows, noBorder }: { rows: readonly SummaryListRow[]; noBorder?: boolean }) {
  return (
    <dl className={`govuk-summary-list${noBorder ? ' govuk-summary-list--no-border' : ''}`}>
      {rows.map((row) => (
        <SummaryRow key={row.key} label={row.key}>
          {isEmpty(row.value) ? <span className="govuk-hint govuk-!-margin-bottom-0">Not given</span> : row.value}
        </SummaryRow>
      ))}
    </dl>
  );
}

/** Text as typed, one paragraph per line break, so a narrative keeps its shape without raw HTML. */
export function Paragraphs({ text }: { text: string | null }) {
  if (text === null || text.trim() === '') return null;
  return (
    <>
      {text
        .split(/\n+/)
        .filter((line) => line.trim() !== '')
        .map((line, index) => (
          <p className="govuk-body govuk-!-margin-bottom-2" key={index}>
            {line}
          </p>
        ))}
    </>
  );
}

/** Typed text for a summary row: nothing when blank, so the row reads "Not given". */
export const multiline = (text: string | null): ReactNode => (text === null || text.trim() === '' ? null : <Paragraphs text={text} />);

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
