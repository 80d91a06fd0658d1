// Replaced by the page itself.
export function NewSeriesRoute() {
  return null;
}
