import { useEffect, useRef } from 'react';

/** The heading of a step opened on the page (recording someone, removing an entry): it takes focus so the step is announced. */
export function PanelHeading({ id, children }: { id: string; children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [children]);
  return (
    <h3 className="govuk-heading-m app-confirmation__heading" id={id} tabIndex={-1} ref={heading}>
      {children}
    </h3>
  );
}
