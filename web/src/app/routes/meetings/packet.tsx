// Replaced by the page itself.
export function PacketRoute() {
  return null;
}
