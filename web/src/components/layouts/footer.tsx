export function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p className="govuk-body app-footer__marking">
              <strong>OFFICIAL-SENSITIVE</strong>
            </p>
            <p className="govuk-body-s">
              This service holds information about people at high risk of harm. Share it only under your
              area&apos;s information-sharing protocol, and only with people who need it to keep someone safe.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
