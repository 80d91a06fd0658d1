// Replaced by the page itself.
export function NewReferralRoute() {
  return null;
}
