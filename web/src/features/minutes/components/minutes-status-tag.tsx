import { MINUTES_STATUS_LABELS, type MinutesStatus } from '@marac/shared';
import { Tag, type TagColour } from '../../../components/ui/tag';

const COLOURS: Record<MinutesStatus, TagColour> = {
  draft: 'yellow',
  signed_off: 'blue',
  distributed: 'green',
};

export function MinutesStatusTag({ status }: { status: MinutesStatus }) {
  return <Tag colour={COLOURS[status]}>{MINUTES_STATUS_LABELS[status]}</Tag>;
}
