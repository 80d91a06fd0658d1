// Replaced by the page itself.
export function ReferralDetailRoute() {
  return null;
}
