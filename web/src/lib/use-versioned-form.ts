import { useState } from 'react';

interface Versioned {
  version: number;
}

/** What a form that adds a record starts from: nothing is there yet for anyone else to change. */
export const NO_RECORD = { version: 0 } as const;
export type NoRecord = typeof NO_RECORD;

/** Typed values compared as a person sees them: spaces at either end of a text do not count. */
export function sameValues(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValues(item, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValues((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return a === b;
}

/**
 * A form over a record two people can change (an action, research, minutes, a meeting, an area…): what
 * the person typed, and the version of the record they started from, which every save sends so the
 * server refuses (409) a save over a change they have not seen.
 *
 * While nothing is typed the form follows the record: a newer version fills it in. Once something is
 * typed it stays. A newer version arriving then (read again after such a refusal, or by a refresh)
 * becomes the version the form works from, and is `changed` until the person saves or takes it: the form
 * shows it beside what they typed and says what happened, so a save after that is made knowingly. A
 * newer version that says what was typed anyway (the person's own save coming back) changes nothing.
 */
export function useVersionedForm<R extends Versioned, V>(record: R, valuesOf: (record: R) => V) {
  const [base, setBase] = useState<R>(record);
  const [values, setValues] = useState<V>(() => valuesOf(record));
  const [changed, setChanged] = useState<R | null>(null);
  const typing = !sameValues(values, valuesOf(base));

  if (record.version !== base.version) {
    setBase(record);
    if (!typing) setValues(valuesOf(record));
    else if (!sameValues(values, valuesOf(record))) setChanged(record);
  }

  return {
    values,
    setValues,
    typing,
    /** The version a save sends: the one the person has been shown. */
    version: base.version,
    /** Someone else's version, arrived while the person was typing; null once saved or taken. */
    changed,
    /** After a save: the record as saved is the new starting point, and the form shows it. */
    saved: (next: R) => {
      setBase(next);
      setValues(valuesOf(next));
      setChanged(null);
    },
    /** The person takes the other version: what they typed gives way to it. */
    takeTheirs: () => {
      setValues(valuesOf(changed ?? base));
      setChanged(null);
    },
    /** The person has read the other version and keeps what they typed, to save over it. */
    keepMine: () => setChanged(null),
  };
}
