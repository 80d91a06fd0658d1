import type { Flag, FlagKind } from '@marac/shared';
import { formatCount, formatDate } from '../../lib/format';
import { SummaryRow } from './summary-row';
import { Tag, type TagColour } from './tag';

/** Red for what puts someone in danger, orange for what changes how the case is handled, blue for context. */
const FLAG_COLOURS: Record<FlagKind, TagColour> = {
  repeat: 'red',
  repeat_perpetrator: 'red',
  serial_perpetrator: 'red',
  role_conflict: 'red',
  children_in_household: 'blue',
  pregnancy_or_baby: 'orange',
  victim_aged_16_17: 'orange',
  perpetrator_under_18: 'orange',
  transferred_in: 'purple',
  cross_area_history: 'purple',
  window_lapsing: 'yellow',
};

/**
 * Flags on a referral or case, wherever one is shown (screening, the referral, the agenda, research
 * packets). `tags` is the compact form for a table row or a packet (`label` tells two lists in one row
 * apart); the full form explains each flag and names the related cases the viewer may open, counting
 * the others without saying anything about them.
 */
type FlagListProps =
  | { variant: 'tags'; flags: readonly { kind: FlagKind; label: string }[]; label?: string }
  | { variant?: 'full'; flags: readonly Flag[]; heading?: string };

export function FlagList(props: FlagListProps) {
  if (props.variant === 'tags') {
    if (props.flags.length === 0) return null;
    return (
      <ul className="govuk-list" aria-label={props.label ?? 'Flags'}>
        {props.flags.map((flag) => (
          <li key={flag.kind} className="govuk-!-margin-bottom-1">
            <Tag colour={FLAG_COLOURS[flag.kind]}>{flag.label}</Tag>
          </li>
        ))}
      </ul>
    );
  }

  const { flags, heading = 'Flags' } = props;
  return (
    <section aria-labelledby="flags-heading" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="flags-heading">
        {heading}
      </h2>
      {flags.length === 0 ? (
        <p className="govuk-body">No flags.</p>
      ) : (
        <dl className="govuk-summary-list">
          {flags.map((flag) => (
            <SummaryRow key={flag.kind} label={<Tag colour={FLAG_COLOURS[flag.kind]}>{flag.label}</Tag>}>
              <FlagDetail flag={flag} />
            </SummaryRow>
          ))}
        </dl>
      )}
    </section>
  );
}

function FlagDetail({ flag }: { flag: Flag }) {
  const facts = [
    flag.previousReferralDate ? `Previous referral: ${formatDate(flag.previousReferralDate)}` : null,
    flag.anchorDate ? `12-month window counted from ${formatDate(flag.anchorDate)}` : null,
    flag.daysLeft !== null ? `${formatCount(flag.daysLeft, 'day')} left in the window` : null,
  ].filter((fact): fact is string => fact !== null);
  const hidden = flag.hiddenRelatedCount;

  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-2">{flag.detail}</p>
      {facts.length > 0 ? (
        <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-2">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      ) : null}
      {flag.relatedCases.length > 0 || hidden > 0 ? (
        <div className="govuk-body-s govuk-!-margin-bottom-0">
          {/* There is no case page yet: references are read out, not linked. */}
          {flag.relatedCases.length > 0 ? (
            <>
              Related cases:{' '}
              {flag.relatedCases.map((related, index) => (
                <span key={related.id}>
                  {index > 0 ? ', ' : null}
                  <strong>{related.reference}</strong> ({related.areaName})
                </span>
              ))}
              {hidden > 0 ? ` and ${hidden} other ${hidden === 1 ? 'case' : 'cases'} you cannot see` : null}
            </>
          ) : (
            `${hidden} related ${hidden === 1 ? 'case' : 'cases'} you cannot see`
          )}
        </div>
      ) : null}
    </>
  );
}
