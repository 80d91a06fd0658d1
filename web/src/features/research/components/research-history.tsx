import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { formatTimestamp } from '../../../lib/format';
import { useResearchHistory } from '../api/get-research-history';
import { ResearchContent } from './research-content';
import { ResearchStatusTag } from '../../../components/ui/research-status-tag';

/**
 * Every saved version of the agency's research for one case, newest first: who saved it, when, as what,
 * and what it said, folded away until opened.
 */
export function ResearchHistoryList({ meetingId, caseId }: { meetingId: string; caseId: string }) {
  const history = useResearchHistory(meetingId, caseId);
  return (
    <section aria-labelledby="research-history-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="research-history-heading">
        Saved versions
      </h2>
      {history.isPending ? (
        <Loading label="Loading the saved versions…" />
      ) : history.isError ? (
        <QueryProblem error={history.error} subject="the saved versions" />
      ) : history.data.length === 0 ? (
        <p className="govuk-body">Nothing has been saved yet.</p>
      ) : (
        <ol className="govuk-list" aria-labelledby="research-history-heading" reversed>
          {history.data
            .map((revision, index) => ({ revision, version: index + 1 }))
            .reverse()
            .map(({ revision, version }) => (
              <li key={revision.id} className="govuk-!-margin-bottom-4">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  Version {version} <ResearchStatusTag status={revision.status} />
                </h3>
                <p className="govuk-body-s govuk-!-margin-bottom-2">
                  Saved {formatTimestamp(revision.savedAt)} by {revision.savedByName ?? 'a user no longer on the platform'}
                </p>
                <details className="govuk-details govuk-!-margin-bottom-0">
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">What version {version} said</span>
                  </summary>
                  <div className="govuk-details__text">
                    <ResearchContent content={revision.content} />
                  </div>
                </details>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
