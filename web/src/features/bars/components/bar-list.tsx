import type { CaseBar } from '@marac/shared';
import type { ReactNode } from 'react';
import { Paragraphs, TextOrNone } from '../../../components/ui/paragraphs';
import { SummaryRow } from '../../../components/ui/summary-row';
import { formatTimestamp } from '../../../lib/format';

const none = (text: string) => <span className="govuk-hint govuk-!-margin-bottom-0">{text}</span>;

/** Where the bar came from: the referral that named them, or the coordinator who recorded it. */
function sourceOf(bar: CaseBar): string {
  if (bar.referralId) return `Named as unsafe to contact on referral ${bar.referralReference ?? 'no longer on record'}`;
  return `Recorded by ${bar.recordedByName ?? 'a coordinator'}`;
}

interface BarCardProps {
  bar: CaseBar;
  /** The card's own action ("Lift this bar"), for a coordinator and an active bar. */
  action?: ReactNode;
}

/** One bar as a GOV.UK summary card: who (their agency and e-mail), why, from where, since when, and any lifting. */
export function BarCard({ bar, action }: BarCardProps) {
  const headingId = `bar-${bar.id}`;
  return (
    <section className="govuk-summary-card" aria-labelledby={headingId}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={headingId}>
          {bar.name}
        </h3>
        {action ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">{action}</li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <SummaryRow label="Agency">{bar.agencyName ?? none('No agency named')}</SummaryRow>
          <SummaryRow label="E-mail">{bar.email ?? none('No e-mail given')}</SummaryRow>
          <SummaryRow label="Why">
            <TextOrNone text={bar.reason} none="No reason given" />
          </SummaryRow>
          <SummaryRow label="From">{sourceOf(bar)}</SummaryRow>
          <SummaryRow label="Since">{formatTimestamp(bar.recordedAt)}</SummaryRow>
          {bar.liftedAt ? (
            <>
              <SummaryRow label="Lifted">
                {formatTimestamp(bar.liftedAt)} by {bar.liftedByName ?? 'a coordinator'}
              </SummaryRow>
              <SummaryRow label="Why it was lifted">{bar.liftReason ? <Paragraphs text={bar.liftReason} /> : none('No reason recorded')}</SummaryRow>
            </>
          ) : null}
        </dl>
      </div>
    </section>
  );
}
