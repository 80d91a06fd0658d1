// Replaced by the page itself.
export function OutboxRoute() {
  return null;
}
