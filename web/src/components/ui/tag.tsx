import type { ReactNode } from 'react';
import { cx } from './class-names';

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={cx('govuk-tag', colour && `govuk-tag--${colour}`)}>{children}</strong>;
}
