// The server checks dates against today in London (England and Wales), whatever the browser's zone.
const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in London, `YYYY-MM-DD`, as the server's referral checks see it. */
export const todayInLondon = (now: Date = new Date()): string => londonDate.format(now);
