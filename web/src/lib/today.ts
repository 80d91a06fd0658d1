// The server counts every date (referral checks, meeting days) in London, whatever the browser's zone.
const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in London (England and Wales), `YYYY-MM-DD`. */
export const todayInLondon = (now: Date = new Date()): string => londonDate.format(now);
