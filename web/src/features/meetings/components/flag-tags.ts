import type { FlagKind } from '@marac/shared';
import type { ReactNode } from 'react';

/**
 * How a case's flags are drawn. Flags belong to screening (features/screening/components/flag-list.tsx);
 * a feature does not import another, so the route that combines them passes the drawing in.
 */
export type FlagTags = (flags: readonly { kind: FlagKind; label: string }[]) => ReactNode;
