// Replaced by the page itself.
export function ResearchRoute() {
  return null;
}
