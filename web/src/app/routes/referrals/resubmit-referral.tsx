// Replaced by the page itself.
export function ResubmitReferralRoute() {
  return null;
}
