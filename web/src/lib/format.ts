import { format, isValid, parseISO } from 'date-fns';

// Calendar dates (`YYYY-MM-DD`) parse to local midnight, so they read the same day in any time zone.
// Instants are shown in the browser's local time, which for this service's users is UK time.

function parsed(value: string): Date | null {
  const date = parseISO(value);
  return isValid(date) ? date : null;
}

/** "Tuesday 1 December 2026" */
export function formatLongDate(isoDate: string): string {
  const date = parsed(isoDate);
  return date ? format(date, 'EEEE d MMMM yyyy') : isoDate;
}

/** "1 December 2026" */
export function formatDate(isoDate: string): string {
  const date = parsed(isoDate);
  return date ? format(date, 'd MMMM yyyy') : isoDate;
}

/** "1 December 2026, 14:03:09": audit times need the seconds to put events in order. */
export function formatTimestampWithSeconds(timestamp: string): string {
  const date = parsed(timestamp);
  return date ? format(date, 'd MMMM yyyy, HH:mm:ss') : timestamp;
}

/** "1 December 2026, 14:03" */
export function formatTimestamp(timestamp: string): string {
  const date = parsed(timestamp);
  return date ? format(date, 'd MMMM yyyy, HH:mm') : timestamp;
}

/** "14:03": the time of day of an instant, for things that happened today such as a draft saved. */
export function formatTime(timestamp: string): string {
  const date = parsed(timestamp);
  return date ? format(date, 'HH:mm') : timestamp;
}

/** "1,234": thousands separated the UK way. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-GB');
}

/** "1 day", "12 days", "1 case": a count with its noun; "-1 day" too, for callers that say "ago" themselves. */
export function formatCount(n: number, one: string, many = `${one}s`): string {
  return `${n} ${Math.abs(n) === 1 ? one : many}`;
}

/** "agenda_published" → "Agenda published", for codes the shared package has no label for. */
export function humanise(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
