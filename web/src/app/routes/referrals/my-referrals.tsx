// Replaced by the page itself.
export function MyReferralsRoute() {
  return null;
}
