import type { ResearchTask } from '@marac/shared';
import { ResearchContent } from './research-content';

/** The research as it stands once it can no longer change. */
export function ResearchReadOnly({ task }: { task: ResearchTask }) {
  return (
    <>
      <div className="govuk-inset-text">Research is not editable: the meeting has started. Share anything new at the meeting.</div>
      {task.status === 'not_started' ? (
        <p className="govuk-body">Nothing was saved for this case before the meeting started.</p>
      ) : (
        <>
          <h2 className="govuk-heading-m">Your agency’s research</h2>
          <ResearchContent content={task} />
        </>
      )}
    </>
  );
}
