import { ATTENDANCE_KIND_LABELS, type AttendanceEntry } from '@marac/shared';
import { StepActions, StepHeading } from '../../../components/ui/step';

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
      <StepHeading id="attendance-remove-heading">{`Remove ${entry.name} from ${ATTENDANCE_KIND_LABELS[entry.kind]}?`}</StepHeading>
      <p className="govuk-body">Remove an entry only when it was recorded by mistake. It can be recorded again while the meeting is not minuted.</p>
      <StepActions confirm="Yes, remove" variant="warning" pending={pending} onConfirm={onConfirm} onCancel={onCancel} />
    </section>
  );
}
