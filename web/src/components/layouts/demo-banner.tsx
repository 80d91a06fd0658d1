/**
 * Shown on every page of a demonstration deployment, so nobody mistakes invented records for real
 * people, or types a real person's details into it.
 */
export function DemoBanner() {
  return (
    <div className="app-demo-banner" role="region" aria-label="Demonstration service">
      <p className="govuk-width-container app-demo-banner__text">
        <strong className="govuk-tag app-demo-banner__tag">DEMO</strong> — invented data, not real people
      </p>
    </div>
  );
}
