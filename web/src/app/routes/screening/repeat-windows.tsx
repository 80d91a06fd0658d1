// Replaced by the page itself.
export function RepeatWindowsRoute() {
  return null;
}
