import { LiftCaseBar, RecordCaseBar, type FieldError } from '@marac/shared';
import { fieldErrorsFromZod } from '../../../lib/field-errors';
import { optionalText } from '../../../lib/form-values';

/** Field path → input id, for the error summary's links and each field's own error. */
export const RECORD_FIELD_IDS = {
  name: 'bar-name',
  agencyId: 'bar-agency',
  email: 'bar-email',
  reason: 'bar-reason',
} as const;

export const LIFT_FIELD_IDS = { reason: 'bar-lift-reason' } as const;

/** The record form's own state: text as typed, and "" for no agency. */
export interface RecordBarValues {
  name: string;
  agencyId: string;
  email: string;
  reason: string;
}

export const EMPTY_RECORD: RecordBarValues = { name: '', agencyId: '', email: '', reason: '' };

export type Reading<Input> = { input: Input; errors: [] } | { input: null; errors: FieldError[] };

/**
 * The bar as the API takes it, read with the shared `RecordCaseBar` so the same checks (a name, a
 * reason, an agency or an e-mail or both, an e-mail that is one) are made before anything is sent.
 */
export function readRecordBar(values: RecordBarValues): Reading<RecordCaseBar> {
  const parsed = RecordCaseBar.safeParse({
    name: values.name,
    agencyId: values.agencyId === '' ? null : values.agencyId,
    email: optionalText(values.email),
    reason: values.reason,
  });
  return parsed.success ? { input: parsed.data, errors: [] } : { input: null, errors: fieldErrorsFromZod(parsed.error) };
}

export function readLiftBar(reason: string): Reading<LiftCaseBar> {
  const parsed = LiftCaseBar.safeParse({ reason });
  return parsed.success ? { input: parsed.data, errors: [] } : { input: null, errors: fieldErrorsFromZod(parsed.error) };
}
