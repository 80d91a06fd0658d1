import type { BarEffect, CaseBar, CaseBars, RecordedCaseBar } from '@marac/shared';
import { useEffect, useRef, useState } from 'react';
import { BarEffectsBanner } from '../../../components/ui/bar-effects';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { QueryProblem } from '../../../components/ui/query-problem';
import { WarningText } from '../../../components/ui/warning-text';
import { useCaseBars } from '../api/get-case-bars';
import { BarCard } from './bar-list';
import { LiftBarPanel, nothingComesBack } from './lift-bar-panel';
import { RecordBarForm } from './record-bar-form';

const HEADING = 'case-bars-heading';
const RECORD_TRIGGER = 'bar-record-open';
const liftTrigger = (bar: CaseBar) => `bar-lift-${bar.id}`;

type Step = { kind: 'record' } | { kind: 'lift'; bar: CaseBar } | null;

interface Notice {
  text: string;
  effects: BarEffect[];
}

interface CaseBarsSectionProps {
  caseId: string;
  /** The case's area: the agencies serving it are the ones a coordinator may bar. */
  areaId: string;
}

/**
 * "Do not contact" on a case's page, for its coordinators and chairs: everyone a bar keeps from the case
 * (from a referral's unsafe contacts, or recorded by a coordinator) and the bars lifted as recorded in
 * error. Coordinators (the server's `canChange`) record new bars and lift them; each outcome is said
 * in one banner, with what a new bar took away.
 */
export function CaseBarsSection({ caseId, areaId }: CaseBarsSectionProps) {
  const bars = useCaseBars(caseId);
  return (
    <section aria-labelledby={HEADING} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={HEADING} tabIndex={-1}>
        Do not contact
      </h2>
      {bars.isPending ? (
        <Loading label="Loading who is barred from the case…" />
      ) : bars.isError ? (
        <QueryProblem error={bars.error} subject="who is barred from the case" />
      ) : (
        <Bars bars={bars.data} areaId={areaId} />
      )}
    </section>
  );
}

function Bars({ bars, areaId }: { bars: CaseBars; areaId: string }) {
  const [step, setStep] = useState<Step>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Where focus goes once the step has closed and the page is drawn again.
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (step !== null || target === null) return;
    focusNext.current = null;
    document.getElementById(target)?.focus();
  }, [step, notice]);

  const open = (next: Step) => {
    setNotice(null);
    setStep(next);
  };
  const close = (focusId: string) => {
    focusNext.current = focusId;
    setStep(null);
  };

  const recorded = ({ effect }: RecordedCaseBar) => {
    const who = effect.agencyName ?? effect.personName ?? 'The e-mail address';
    setNotice({ text: `${who} has been recorded as unsafe to contact about ${bars.caseReference}`, effects: [effect] });
    close(HEADING);
  };

  const liftedBar = (_next: CaseBars, bar: CaseBar) => {
    const lifted = `The bar on ${bar.name} has been lifted as recorded in error.`;
    setNotice({ text: `${lifted} ${nothingComesBack(bar)}`, effects: [] });
    // The button pressed has gone with the bar.
    close(HEADING);
  };

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice.text}</NotificationBanner> : null}
      <BarEffectsBanner effects={notice?.effects ?? []} />
      <WarningText>Never send anything about case {bars.caseReference} to these agencies or people, by any route.</WarningText>
      {bars.active.length === 0 ? (
        <p className="govuk-body">Nobody is barred from this case.</p>
      ) : (
        bars.active.map((bar) => (
          <BarCard
            key={bar.id}
            bar={bar}
            action={
              bars.canChange ? (
                <button type="button" id={liftTrigger(bar)} className="app-link-button" onClick={() => open({ kind: 'lift', bar })}>
                  Lift this bar <span className="govuk-visually-hidden">on {bar.name}</span>
                </button>
              ) : null
            }
          />
        ))
      )}
      {step?.kind === 'lift' ? (
        <LiftBarPanel key={step.bar.id} bars={bars} bar={step.bar} onLifted={liftedBar} onCancel={() => close(liftTrigger(step.bar))} />
      ) : null}
      {bars.canChange ? (
        step?.kind === 'record' ? (
          <RecordBarForm bars={bars} areaId={areaId} onRecorded={recorded} onCancel={() => close(RECORD_TRIGGER)} />
        ) : (
          <Button id={RECORD_TRIGGER} variant="secondary" onClick={() => open({ kind: 'record' })}>
            Record someone as unsafe to contact
          </Button>
        )
      ) : null}
      {bars.lifted.length > 0 ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Bars lifted as recorded in error ({bars.lifted.length})</span>
          </summary>
          <div className="govuk-details__text">
            {bars.lifted.map((bar) => (
              <BarCard key={bar.id} bar={bar} />
            ))}
          </div>
        </details>
      ) : null}
    </>
  );
}
