import { Link } from 'react-router';
import { Button } from './button';

/** The end of every filter form: apply what was chosen, or go back to the unfiltered list. */
export function FilterActions({ clearTo }: { clearTo: string }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-button-group">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Link className="govuk-link" to={clearTo}>
          Clear filters
        </Link>
      </div>
    </div>
  );
}
