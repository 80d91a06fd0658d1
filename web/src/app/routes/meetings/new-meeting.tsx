// Replaced by the page itself.
export function NewMeetingRoute() {
  return null;
}
