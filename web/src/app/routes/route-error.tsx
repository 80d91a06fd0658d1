import { PageLayout } from '../../components/layouts/page-layout';
import { PageHeading } from '../../components/ui/page-heading';

/** Last resort for a fault while showing a page; the details stay out of sight. */
export function RouteError() {
  return (
    <PageLayout demo={false}>
      <PageHeading title="Sorry, there is a problem with the service" />
      <p className="govuk-body">Try again later. Anything you saved before this happened has been kept.</p>
      <p className="govuk-body">
        <a className="govuk-link" href="/">
          Go to the home page
        </a>
      </p>
    </PageLayout>
  );
}
