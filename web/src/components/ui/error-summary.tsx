import type { FieldError } from '@marac/shared';
import { useEffect, useRef, type MouseEvent } from 'react';
import { belongsTo } from '../../lib/field-errors';

interface ErrorSummaryProps {
  errors: readonly FieldError[];
  /** Form field path → id of the input to link to; the most specific matching path wins. */
  fieldIds: Readonly<Record<string, string>>;
  title?: string;
}

const ERROR_PREFIX = 'Error: ';

function targetFor(field: string, fieldIds: Readonly<Record<string, string>>): string | undefined {
  let best: string | undefined;
  for (const path of Object.keys(fieldIds)) {
    if (belongsTo(field, path) && (best === undefined || path.length > best.length)) best = path;
  }
  return best === undefined ? undefined : fieldIds[best];
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const input = document.getElementById(id);
  if (!input) return;
  // Following the fragment would add a history entry and leave focus on the page; the person wants to
  // be in the field, ready to correct it.
  event.preventDefault();
  input.focus();
}

/**
 * The GOV.UK error summary. A new list of errors (each failed submit makes one) moves focus here so the
 * problem is announced, and each entry links to its field.
 */
export function ErrorSummary({ errors, fieldIds, title = 'There is a problem' }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length === 0) return;
    ref.current?.focus();
    // GOV.UK pattern: the browser title starts with "Error:" so screen reader users hear it first.
    if (!document.title.startsWith(ERROR_PREFIX)) document.title = `${ERROR_PREFIX}${document.title}`;
    return () => {
      if (document.title.startsWith(ERROR_PREFIX)) document.title = document.title.slice(ERROR_PREFIX.length);
    };
  }, [errors]);

  if (errors.length === 0) return null;

  const seen = new Set<string>();
  const entries = errors.filter((error) => {
    const key = `${error.field}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 className="govuk-error-summary__title" id="error-summary-title">
          {title}
        </h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map((error) => {
              const target = targetFor(error.field, fieldIds);
              return (
                <li key={`${error.field}:${error.message}`}>
                  {target ? (
                    <a href={`#${target}`} onClick={(event) => focusField(event, target)}>
                      {error.message}
                    </a>
                  ) : (
                    error.message
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </div>
  );
}
