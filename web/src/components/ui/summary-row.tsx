import type { ReactNode } from 'react';

/** One row of a GOV.UK summary list (`<dl className="govuk-summary-list">`): what it is, then its value. */
export function SummaryRow({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}
