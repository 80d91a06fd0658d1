/** The platform's clock. Injected so tests can move time (session expiry, lock-outs) without sleeping. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const isoNow = (clock: Clock) => clock().toISOString();

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in England and Wales, where every MARAC deadline is counted. */
export const todayInLondon = (clock: Clock): string => londonDate.format(clock());

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The UTC instant at which a calendar day starts in London (23:00 UTC the day before, in summer time). */
export function startOfLondonDay(isoDate: string): Date {
  const utcMidnight = new Date(`${isoDate}T00:00:00.000Z`);
  const parts = Object.fromEntries(londonParts.formatToParts(utcMidnight).map((p) => [p.type, p.value]));
  // London is UTC or UTC+1, so at UTC midnight the London clock reads 00:xx or 01:xx on the same day.
  const offsetMinutes = Number(parts.hour) * 60 + Number(parts.minute);
  return new Date(utcMidnight.getTime() - offsetMinutes * 60_000);
}
