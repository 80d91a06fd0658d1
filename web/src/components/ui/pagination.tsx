import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';

interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  /** The address of a 1-based page, keeping the page's filters. */
  hrefFor: (page: number) => string;
  /** Plural noun for the count, e.g. "users". */
  noun: string;
}

/** Pages to offer: the first, the last, and the current page with its neighbours; null marks a gap. */
function pageWindow(current: number, count: number): (number | null)[] {
  const wanted = new Set([1, count, current - 1, current, current + 1].filter((p) => p >= 1 && p <= count));
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const page of sorted) {
    const previous = result[result.length - 1];
    if (typeof previous === 'number' && page - previous > 1) result.push(null);
    result.push(page);
  }
  return result;
}

export function ResultCount({ total, limit, offset, noun, singular }: Omit<PaginationProps, 'hrefFor'> & { singular: string }) {
  if (total === 0) return null;
  if (total === 1) {
    return (
      <p className="govuk-body" role="status">
        Showing 1 {singular}
      </p>
    );
  }
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  return (
    <p className="govuk-body" role="status">
      Showing {formatNumber(first)} to {formatNumber(last)} of {formatNumber(total)} {noun}
    </p>
  );
}

export function Pagination({ total, limit, offset, hrefFor, noun }: PaginationProps) {
  const count = Math.max(1, Math.ceil(total / limit));
  const current = Math.min(count, Math.floor(offset / limit) + 1);
  if (count <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={`Pages of ${noun}`}>
      {current > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(current - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous{' '}<span className="govuk-visually-hidden">page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageWindow(current, count).map((page, index) =>
          page === null ? (
            <li key={`gap-${index}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              ⋯
            </li>
          ) : (
            <li key={page} className={`govuk-pagination__item${page === current ? ' govuk-pagination__item--current' : ''}`}>
              <Link
                className="govuk-link govuk-pagination__link"
                to={hrefFor(page)}
                aria-label={`Page ${page}`}
                aria-current={page === current ? 'page' : undefined}
              >
                {page}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < count ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(current + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next{' '}<span className="govuk-visually-hidden">page</span>
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
