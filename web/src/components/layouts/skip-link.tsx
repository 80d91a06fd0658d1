import type { MouseEvent } from 'react';

export const MAIN_CONTENT_ID = 'main-content';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById(MAIN_CONTENT_ID);
  if (!main) return;
  // Focus the content itself (not just scroll to it) so the next Tab starts there, without a history entry.
  event.preventDefault();
  main.focus();
}

export function SkipLink() {
  return (
    <a href={`#${MAIN_CONTENT_ID}`} className="govuk-skip-link" onClick={skipToMain}>
      Skip to main content
    </a>
  );
}
