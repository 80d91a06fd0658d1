import { WarningText } from '../../../components/ui/warning-text';

/**
 * A meeting on a bank holiday is kept where the series put it, for the coordinator to move: they know
 * whether the room and the chair are free another day.
 */
export function BankHolidayWarning({ holiday }: { holiday: string | null }) {
  if (holiday === null) return null;
  return <WarningText>Falls on {holiday}: move it</WarningText>;
}
