import type { FieldError } from '@marac/shared';
import { memo, type FunctionComponent } from 'react';
import type { ReferralFormValues } from './referral-form-values';

export type SetField = <K extends keyof ReferralFormValues>(key: K, value: ReferralFormValues[K]) => void;

export interface SectionProps {
  values: ReferralFormValues;
  set: SetField;
  /** The errors from the last check; the same array until the next submission, so sections can skip drawing. */
  errors: readonly FieldError[];
  onLeave: () => void;
}

/**
 * A section drawn again only when the fields it shows change: typing in one part of a form this long
 * should not redraw every other part.
 */
export function sectionOf<P extends SectionProps>(component: FunctionComponent<P>, fields: readonly (keyof ReferralFormValues)[]) {
  return memo(component, (previous, next) =>
    (Object.keys(next) as (keyof P)[]).every((prop) =>
      prop === 'values' ? fields.every((field) => previous.values[field] === next.values[field]) : previous[prop] === next[prop],
    ),
  );
}
