import { isApiRequestError } from '../../lib/api-client';

interface QueryProblemProps {
  error: unknown;
  /** What could not be shown, e.g. "the list of users". */
  subject: string;
}

/** Why part of a page could not be shown, in the person's words, with the reference support needs. */
export function QueryProblem({ error, subject }: QueryProblemProps) {
  const message = isApiRequestError(error) ? error.message : 'Something went wrong. Try again later.';
  const reference = isApiRequestError(error) ? error.requestId : null;
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">Sorry, {subject} could not be shown</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{message}</p>
        {reference ? <p className="govuk-body-s">Reference: {reference}</p> : null}
      </div>
    </div>
  );
}
