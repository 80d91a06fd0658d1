import { EditMinutes, type FieldError, type MinutesCase, type MinutesContent } from '@marac/shared';
import { fieldErrorsFromZod } from '../../../lib/field-errors';

/** The form's own state: text as typed. Summaries are keyed by agenda item, which survives regeneration. */
export interface MinutesFormValues {
  notes: string;
  summaries: Readonly<Record<string, string>>;
}

export const NOTES_ID = 'minutes-notes';
export const summaryId = (itemId: string) => `minutes-summary-${itemId}`;

export const valuesOf = (content: MinutesContent): MinutesFormValues => ({
  notes: content.notes ?? '',
  summaries: Object.fromEntries(content.cases.map((item) => [item.itemId, item.summary ?? ''])),
});

/** A case added by regenerating since the form was filled starts from what the server holds. */
export const summaryOf = (values: MinutesFormValues, item: MinutesCase): string => values.summaries[item.itemId] ?? item.summary ?? '';

/**
 * Field path → input id, for the error summary's links. Every case is sent, in the minutes' order, so
 * the server's `cases.2.summary` is the third case's box.
 */
export const fieldIdsOf = (cases: readonly MinutesCase[]): Record<string, string> => ({
  notes: NOTES_ID,
  ...Object.fromEntries(cases.map((item, index) => [`cases.${index}`, summaryId(item.itemId)])),
});

/** The path the server and the shared schema use for a case's summary. */
export const summaryField = (index: number) => `cases.${index}.summary`;

export type MinutesReading = { edits: EditMinutes; problems: [] } | { edits: null; problems: FieldError[] };

/**
 * What a save would send: the notes and every case's summary, read with the shared `EditMinutes` (which
 * trims and measures each text) so a refusal for length is shown before anything is sent. Blank text
 * is sent as no text, however it arrives.
 */
export function readEdits(values: MinutesFormValues, cases: readonly MinutesCase[], version: number): MinutesReading {
  const parsed = EditMinutes.safeParse({
    version,
    notes: values.notes,
    cases: cases.map((item) => ({ itemId: item.itemId, summary: summaryOf(values, item) })),
  });
  if (!parsed.success) return { edits: null, problems: fieldErrorsFromZod(parsed.error) };
  const blankToNull = (text: string | null) => (text === null || text === '' ? null : text);
  return {
    edits: { version: parsed.data.version, notes: blankToNull(parsed.data.notes), cases: parsed.data.cases.map((item) => ({ itemId: item.itemId, summary: blankToNull(item.summary) })) },
    problems: [],
  };
}
