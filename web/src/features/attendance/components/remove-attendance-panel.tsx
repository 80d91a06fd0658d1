import { ATTENDANCE_KIND_LABELS, type AttendanceEntry } from '@marac/shared';
import { Button, ButtonGroup } from '../../../components/ui/button';
import { PanelHeading } from './panel-heading';

interface RemoveAttendancePanelProps {
  entry: AttendanceEntry;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A second step before removing an entry: the server keeps no copy of it. */
export function RemoveAttendancePanel({ entry, pending, onConfirm, onCancel }: RemoveAttendancePanelProps) {
  return (
    <section className="app-confirmation" aria-labelledby="attendance-remove-heading">
      <PanelHeading id="attendance-remove-heading">{`Remove ${entry.name} from ${ATTENDANCE_KIND_LABELS[entry.kind]}?`}</PanelHeading>
      <p className="govuk-body">Remove an entry only when it was recorded by mistake. It can be recorded again while the meeting is not minuted.</p>
      <ButtonGroup>
        <Button variant="warning" onClick={onConfirm} aria-disabled={pending}>
          Yes, remove
        </Button>
        <button type="button" className="app-link-button" onClick={onCancel}>
          Cancel
        </button>
      </ButtonGroup>
    </section>
  );
}
