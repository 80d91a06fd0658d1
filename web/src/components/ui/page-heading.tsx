import { useEffect } from 'react';

interface PageHeadingProps {
  title: string;
  caption?: string | null | undefined;
  /** The browser title, where it should differ from the heading (a person's name makes a poor tab title). */
  documentTitle?: string;
}

/**
 * The page's one h1, and the browser title that matches it. The heading takes focus after each
 * navigation (see the root route), so it can be focused but is not in the tab order.
 */
export function PageHeading({ title, caption, documentTitle }: PageHeadingProps) {
  const browserTitle = documentTitle ?? title;
  useEffect(() => {
    document.title = `${browserTitle} – MARAC`;
  }, [browserTitle]);

  return (
    <h1 className="govuk-heading-l app-page-heading" tabIndex={-1}>
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      {title}
    </h1>
  );
}
