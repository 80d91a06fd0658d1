import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { paths } from '../../config/paths';

export function NotFoundRoute() {
  return (
    <>
      <PageHeading title="Page not found" />
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={paths.home}>
          Go to your home page
        </Link>
      </p>
    </>
  );
}
