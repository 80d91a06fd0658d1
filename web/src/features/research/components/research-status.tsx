import type { ResearchStatus } from '@marac/shared';

/** Not started or in draft: what the deadline and a chase are about. */
export const isOutstanding = (status: ResearchStatus): boolean => status === 'not_started' || status === 'draft';
