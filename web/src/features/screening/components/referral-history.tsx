import type { ReferralHistoryEntry } from '@marac/shared';
import { formatTimestamp } from '../../../lib/format';

/** What happened to the referral, oldest first, with who did it and the reason the referrer was given. */
export function ReferralHistory({ history }: { history: readonly ReferralHistoryEntry[] }) {
  return (
    <section aria-labelledby="history-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="history-heading">
        History
      </h2>
      {history.length === 0 ? (
        <p className="govuk-body">Nothing has happened to this referral yet.</p>
      ) : (
        <ol className="govuk-list" aria-label="History of this referral">
          {history.map((entry, index) => (
            <li key={`${entry.kind}-${entry.at}-${index}`} className="govuk-!-margin-bottom-4">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{entry.label}</h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <time dateTime={entry.at}>{formatTimestamp(entry.at)}</time>
                {entry.byName ? ` by ${entry.byName}` : null}
              </p>
              {entry.reason ? <p className="govuk-body govuk-!-margin-bottom-0">Reason: {entry.reason}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
