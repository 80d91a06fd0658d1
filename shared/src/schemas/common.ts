import { z } from 'zod';

/** Every record is keyed by a UUID so keys stay portable across databases and never reveal volumes. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** A calendar date, `YYYY-MM-DD`, with no time zone: dates of birth, meeting dates, due dates. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** An instant, always stored and sent in UTC. */
export const Timestamp = z.iso.datetime({ offset: false });

/** Local wall-clock time of day, `HH:MM`, used for meeting start times and agenda slots. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM, for example 09:30');

/**
 * How many times a record two people can change has been changed. A change names the version it
 * started from, and one from an older version is refused (409, a field error on `version`) rather than
 * silently undoing what someone else did meanwhile.
 */
export const Version = z.number({ error: 'Open the page again: the version this change started from is missing' }).int().min(0);
/** A change with nothing to send but the version of the record it started from (sign-off, publish…). */
export const VersionOnly = z.object({ version: Version });
export type VersionOnly = z.infer<typeof VersionOnly>;
/** The same, in the query string of a DELETE, which carries no body. */
export const VersionQuery = z.object({ version: z.coerce.number({ error: 'Open the page again: the version this change started from is missing' }).int().min(0) });
export type VersionQuery = z.infer<typeof VersionQuery>;

/** Free text typed by a person: trimmed, and never blank where the field is required. */
export const RequiredText = (max = 200) =>
  z.string().trim().min(1, 'Enter a value').max(max, `Must be ${max} characters or fewer`);
export const OptionalText = (max = 2000) =>
  z.string().trim().max(max, `Must be ${max} characters or fewer`).nullable().default(null);

export const Email = z.string().trim().toLowerCase().pipe(z.email('Enter an e-mail address in the right format, like name@example.org'));

/** UK postcode, normalised to upper case with a single space before the inward code. */
export const Postcode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/, 'Enter a real UK postcode, like DE1 2AB'))
  .transform((v) => `${v.slice(0, -3)} ${v.slice(-3)}`);

/** The outward part of a postcode ("DE1", "NG10"), used to route a referral to the area covering it. */
export const PostcodeDistrict = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, 'Enter a postcode district, like DE1 or NG10');

export const Address = z.object({
  line1: RequiredText(200),
  line2: OptionalText(200),
  town: OptionalText(100),
  postcode: Postcode.nullable().default(null),
});
export type Address = z.infer<typeof Address>;

export const Gender = z.enum(['female', 'male', 'non_binary', 'other', 'not_known']);
export type Gender = z.infer<typeof Gender>;

export const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  other: 'Other',
  not_known: 'Not known',
};

/** A page of results: lists are always bounded so a query can never dump a whole table. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().min(0), limit: z.number().int(), offset: z.number().int() });

type Undefaulted<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The schema of a partial update built from a create schema's fields. Defaults are removed first: in
 * zod 4 a default inside an optional field still applies, which would silently reset every field the
 * update did not mention.
 */
export function patchOf<S extends z.ZodRawShape>(shape: S) {
  const fields: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    fields[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional();
  }
  return z.object(fields) as unknown as z.ZodObject<{ [K in keyof S]: z.ZodOptional<Undefaulted<S[K]>> }>;
}
