import type { CaseBar, CaseBars } from '@marac/shared';
import { useState } from 'react';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { StepActions, StepHeading } from '../../../components/ui/step';
import { Textarea } from '../../../components/ui/textarea';
import { WarningText } from '../../../components/ui/warning-text';
import { errorFor } from '../../../lib/field-errors';
import { useCheckedSubmit } from '../../../lib/use-checked-submit';
import { useLiftCaseBar } from '../api/lift-case-bar';
import { LIFT_FIELD_IDS, readLiftBar } from './bar-form-values';

/** What lifting does not undo, said before and after: the coordinator decides what comes back. */
export const nothingComesBack = (bar: CaseBar): string =>
  bar.agencyName
    ? `Nothing the bar withdrew comes back by itself: invite ${bar.agencyName} again from the meeting’s agenda if it should research the case.`
    : 'Nothing the bar withheld is sent by itself once it is lifted.';

interface LiftBarPanelProps {
  bars: CaseBars;
  bar: CaseBar;
  onLifted: (bars: CaseBars, bar: CaseBar) => void;
  onCancel: () => void;
}

/**
 * Lifting is a decision that the bar was recorded in error, so it is confirmed with the reason. What
 * the bar withdrew stays withdrawn: the coordinator invites the agency again if it should come back.
 */
export function LiftBarPanel({ bars, bar, onLifted, onCancel }: LiftBarPanelProps) {
  const [reason, setReason] = useState('');
  const lift = useLiftCaseBar();
  const { submit, summary, shown } = useCheckedSubmit({
    read: () => {
      const reading = readLiftBar(reason);
      return { input: reading.input === null ? null : { caseId: bars.caseId, barId: bar.id, input: reading.input }, errors: reading.errors };
    },
    live: [],
    mutation: lift,
    onSuccess: (next) => onLifted(next, bar),
  });
  const who = bar.agencyName && bar.agencyName !== bar.name ? `${bar.name} (${bar.agencyName})` : bar.name;

  return (
    <section className="app-confirmation" aria-labelledby="bar-lift-heading">
      <StepHeading id="bar-lift-heading">{`Lift the bar on ${who}?`}</StepHeading>
      <p className="govuk-body">Lift a bar only if it was recorded in error. Once lifted, {bar.name} can be sent the case {bars.caseReference} again.</p>
      <WarningText>{nothingComesBack(bar)}</WarningText>
      <ErrorSummary errors={summary} fieldIds={LIFT_FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <Textarea
          id={LIFT_FIELD_IDS.reason}
          label="Why was the bar recorded in error?"
          hint="Kept with the bar, for the area’s coordinators and chairs."
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={errorFor(shown, 'reason')}
        />
        <StepActions confirm="Yes, lift the bar" variant="warning" pending={lift.isPending} onCancel={onCancel} />
      </form>
    </section>
  );
}
