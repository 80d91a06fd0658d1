import type { FieldError, Me } from '@marac/shared';
import { readWholeNumber } from '../../../lib/form-values';

/**
 * Reading the text of the meeting forms. Numbers and required choices are checked here because the
 * server could only say "expected a number"; ranges, the time's shape and the link are the shared
 * schema's to word, so they go to the server as typed.
 */
export class FormReader {
  readonly errors: FieldError[] = [];

  /** A whole number, or null with a message for the field when it is empty or not a number. */
  wholeNumber(field: string, text: string, message: string): number | null {
    const reading = readWholeNumber(text);
    if (!reading.ok || reading.value === null) {
      this.errors.push({ field, message });
      return null;
    }
    return reading.value;
  }

  /** A choice that must be made, checked against the values offered. */
  choice<T extends string>(field: string, value: string, allowed: readonly T[], message: string): T | null {
    const chosen = allowed.find((option) => option === value);
    if (chosen === undefined) this.errors.push({ field, message });
    return chosen ?? null;
  }

  problem(field: string, message: string): void {
    this.errors.push({ field, message });
  }
}

/** "9:30" and "9.30" as the API's "09:30"; anything else is sent as typed for the server to explain. */
export function readTime(text: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : text.trim();
}

/** The coordinator's one area is chosen for them; with several they pick. */
export const initialArea = (areas: Me['areas']): string => (areas.length === 1 ? (areas[0]?.id ?? '') : '');

export const areaOptions = (areas: Me['areas']) => [
  { value: '', label: 'Choose an area' },
  ...areas.map((area) => ({ value: area.id, label: area.name })),
];
