/**
 * Why no update form is offered when the server offers no status to choose: to a representative, the
 * action is closed; to the MARAC, who may reopen closed actions, the case's involvement is closed.
 */
export function ActionClosedNote({ maracStaff }: { maracStaff: boolean }) {
  return (
    <section aria-labelledby="update-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="update-heading">
        Update the action
      </h2>
      <p className="govuk-body">
        {maracStaff
          ? 'The MARAC involvement in this case is closed, so its actions can no longer be changed or reopened.'
          : 'This action is closed. Only the MARAC coordinator or chair can reopen it.'}
      </p>
    </section>
  );
}
