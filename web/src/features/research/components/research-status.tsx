import type { ResearchTask } from '@marac/shared';
import { Tag, type TagColour } from '../../../components/ui/tag';

export type ResearchStatus = ResearchTask['status'];

// Shared has no words for research statuses yet (its RESEARCH_STATUSES has no *_LABELS map beside it);
// only this feature shows them, so they live here until another side needs them.
export const RESEARCH_STATUS_LABELS: Record<ResearchStatus, string> = {
  not_started: 'Not started',
  draft: 'Draft',
  submitted: 'Submitted',
  not_known: 'Not known',
};

/** Grey for nothing done, yellow for work in hand, green and blue for the two ways research is in. */
const RESEARCH_STATUS_COLOURS: Record<ResearchStatus, TagColour> = {
  not_started: 'grey',
  draft: 'yellow',
  submitted: 'green',
  not_known: 'blue',
};

/** Not started or in draft: what the deadline and a chase are about. */
export const isOutstanding = (status: ResearchStatus): boolean => status === 'not_started' || status === 'draft';

export function ResearchStatusTag({ status }: { status: ResearchStatus }) {
  return <Tag colour={RESEARCH_STATUS_COLOURS[status]}>{RESEARCH_STATUS_LABELS[status]}</Tag>;
}
