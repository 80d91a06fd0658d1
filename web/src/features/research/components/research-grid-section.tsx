import { compareIsoDates, type ChaseResult, type FieldError, type MeetingSummary, type ResearchGrid } from '@marac/shared';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { HeldBackSection } from '../../../components/ui/held-back';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { fieldErrorsFromFailure } from '../../../lib/field-errors';
import { formatCount, formatLongDate } from '../../../lib/format';
import { todayInLondon } from '../../../lib/today';
import { useChaseResearch } from '../api/chase-research';
import { useResearchGrid } from '../api/get-research-grid';
import { ChaseConfirmation } from './chase-confirmation';
import { ResearchStatusTag } from '../../../components/ui/research-status-tag';

const CHASE_TRIGGER = 'research-chase';

function chasedNotice(result: ChaseResult): string {
  if (result.tasksOutstanding === 0) return 'No research is outstanding: nobody was reminded';
  if (result.agenciesChased === 0) {
    return `No agency was reminded: every agency with research outstanding has been reminded today already or has no secure mailbox (${formatCount(result.tasksOutstanding, 'task')} outstanding)`;
  }
  return `Reminded ${formatCount(result.agenciesChased, 'agency', 'agencies')} by e-mail about ${formatCount(result.tasksOutstanding, 'research task')} outstanding. The e-mails hold no personal data.`;
}

interface ResearchGridSectionProps {
  meeting: MeetingSummary;
  /** A coordinator of the meeting's area, who may chase; chairs follow progress only. */
  coordinator: boolean;
}

/**
 * How far each invited agency has got with its research, for the meeting's coordinators and chairs:
 * cases in agenda order against agencies, statuses only. What an agency found is never shown here; it
 * reaches everyone at the meeting. What an agency holds back, and why, is shown to them alone.
 * Coordinators can chase the agencies with research outstanding while research is open (from
 * publication until the meeting starts).
 */
export function ResearchGridSection({ meeting, coordinator }: ResearchGridSectionProps) {
  // Tasks are created when the agenda is published: a planned meeting has none to ask for.
  const planned = meeting.status === 'planned';
  const grid = useResearchGrid(meeting.id, !planned);
  const chase = useChaseResearch();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (planned) return null;

  const canChase = coordinator && meeting.status === 'agenda_published';

  const open = () => {
    setNotice(null);
    setErrors([]);
    setConfirming(true);
  };

  const close = () => {
    setConfirming(false);
    document.getElementById(CHASE_TRIGGER)?.focus();
  };

  const confirm = () => {
    if (chase.isPending) return;
    chase.mutate(meeting.id, {
      onSuccess: (result) => {
        setNotice(chasedNotice(result));
        close();
      },
      onError: (error) => {
        setConfirming(false);
        setErrors(fieldErrorsFromFailure(error));
      },
    });
  };

  return (
    <section aria-labelledby="research-grid-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id="research-grid-heading">
        Research
      </h2>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <ErrorSummary errors={errors} fieldIds={{}} />
      {grid.isPending ? (
        <Loading label="Loading the research progress…" />
      ) : grid.isError ? (
        <QueryProblem error={grid.error} subject="the research progress" />
      ) : (
        <>
          <Progress grid={grid.data} />
          {canChase && grid.data.outstanding > 0 ? (
            <>
              <Button id={CHASE_TRIGGER} variant="secondary" onClick={open}>
                Chase outstanding research
              </Button>
              {confirming ? <ChaseConfirmation outstanding={grid.data.outstanding} pending={chase.isPending} onConfirm={confirm} onCancel={close} /> : null}
            </>
          ) : null}
          <CompletenessTable grid={grid.data} />
          <HeldBackSection
            heading="Held back: not shared with other agencies"
            warning="Only coordinators and chairs see this. Do not pass it to any other agency or put it in the minutes."
            entries={heldBackInAgendaOrder(grid.data)}
            byCase
          />
        </>
      )}
    </section>
  );
}

/** Beside the statuses, in agenda order like the grid; never with what agencies shared. */
function heldBackInAgendaOrder(grid: ResearchGrid): ResearchGrid['heldBack'] {
  const positionOf = new Map(grid.cases.map((row) => [row.caseId, row.position]));
  return [...grid.heldBack].sort((a, b) => (positionOf.get(a.caseId) ?? 0) - (positionOf.get(b.caseId) ?? 0));
}

function Progress({ grid }: { grid: ResearchGrid }) {
  const tasks = grid.cases.reduce((count, row) => count + Object.keys(row.statuses).length, 0);
  const passed = compareIsoDates(todayInLondon(), grid.researchDeadline) > 0;
  return (
    <>
      <p className="govuk-body">
        Research is due by <strong>{formatLongDate(grid.researchDeadline)}</strong>
        {passed ? ', which has passed' : ''}.
      </p>
      <p className="govuk-body">
        {tasks === 0
          ? 'No agency has a research task for this meeting.'
          : grid.outstanding === 0
            ? `All ${formatCount(tasks, 'research task')} are in: submitted or not known to the agency.`
            : `${grid.outstanding} of ${formatCount(tasks, 'research task')} outstanding: not started or in draft.`}
      </p>
    </>
  );
}

function CompletenessTable({ grid }: { grid: ResearchGrid }) {
  if (grid.cases.length === 0 || grid.agencies.length === 0) return null;
  const cases = [...grid.cases].sort((a, b) => a.position - b.position);
  return (
    <table className="govuk-table govuk-table--small-text-until-tablet" aria-labelledby="research-grid-heading">
      <TableHead columns={['No.', 'Case', ...grid.agencies.map((agency) => agency.name)]} />
      <tbody className="govuk-table__body">
        {cases.map((row) => (
          <tr className="govuk-table__row" key={row.caseId}>
            <td className="govuk-table__cell">{row.position}</td>
            <th scope="row" className="govuk-table__header">
              {row.caseReference}
            </th>
            {grid.agencies.map((agency) => {
              const status = row.statuses[agency.id];
              return (
                <td className="govuk-table__cell" key={agency.id}>
                  {status ? (
                    <ResearchStatusTag status={status} />
                  ) : (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="govuk-visually-hidden">No task</span>
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
