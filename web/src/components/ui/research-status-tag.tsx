import { RESEARCH_STATUS_LABELS, type ResearchStatus } from '@marac/shared';
import { Tag, type TagColour } from './tag';

/** Grey for nothing done, yellow for work in hand, green and blue for the two ways research is in. */
const RESEARCH_STATUS_COLOURS: Record<ResearchStatus, TagColour> = {
  not_started: 'grey',
  draft: 'yellow',
  submitted: 'green',
  not_known: 'blue',
};

/** An agency's research for a case, in the same words and colour before the meeting and at it. */
export function ResearchStatusTag({ status }: { status: ResearchStatus }) {
  return <Tag colour={RESEARCH_STATUS_COLOURS[status]}>{RESEARCH_STATUS_LABELS[status]}</Tag>;
}
