// Replaced by the page itself.
export function MeetingRoute() {
  return null;
}
