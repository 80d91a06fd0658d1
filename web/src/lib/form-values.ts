export type WholeNumberReading = { ok: true; value: number | null } | { ok: false };

/**
 * A whole number as people type it ("120,000", " 14 "); empty means no value. Anything else is
 * reported to the person rather than sent, because the server can only say "expected a number".
 */
export function readWholeNumber(text: string): WholeNumberReading {
  const compact = text.replace(/[\s,]/g, '');
  if (compact === '') return { ok: true, value: null };
  if (!/^\d{1,9}$/.test(compact)) return { ok: false };
  return { ok: true, value: Number(compact) };
}

/** "DE1, de21  NG10" → ["DE1", "DE21", "NG10"]: commas, spaces and new lines all separate. */
export function readList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((item) => item.trim().toUpperCase())
    .filter((item) => item !== '');
}

/** Empty optional text is sent as null, so "no description" is stored the same way however it arrives. */
export const optionalText = (text: string): string | null => (text.trim() === '' ? null : text);
