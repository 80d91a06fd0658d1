// Replaced by the page itself.
export function MeetingsRoute() {
  return null;
}
