/** The platform's clock. Injected so tests can move time (session expiry, lock-outs) without sleeping. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const isoNow = (clock: Clock) => clock().toISOString();

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in England and Wales, where every MARAC deadline is counted. */
export const todayInLondon = (clock: Clock): string => londonDate.format(clock());
