import type { MeetingCaseView } from '@marac/shared';
import { HeldBackSection } from '../../../components/ui/held-back';
import { Loading } from '../../../components/ui/loading';
import { TextOrNone } from '../../../components/ui/paragraphs';
import type { Option } from '../../../components/ui/select';
import { QueryProblem } from '../../../components/ui/query-problem';
import { SummaryRow } from '../../../components/ui/summary-row';
import { useMeetingCase } from '../api/get-meeting-case';
import type { OpenedCase } from '../hooks/use-meeting-stream';
import { ActionForm, CaseActions } from './case-actions';
import { CaseRecordForm } from './case-record-form';
import { CaseTimer } from './case-timer';
import { MeetingCase } from './meeting-case';

interface CurrentCaseProps {
  meetingId: string;
  current: OpenedCase;
  minutesPerCase: number;
  /** The chair and coordinator record the case; everyone else reads it as it is recorded. */
  recording: boolean;
  agencies: readonly Option[];
  today: string;
}

/** What the meeting has recorded for the case, as those who do not record it read it. */
function RecordSummary({ record }: { record: MeetingCaseView['record'] }) {
  const rows = [
    ['Harms', record.riskAnalysis?.harms],
    ['Contributing factors', record.riskAnalysis?.contributingFactors],
    ['Protective factors', record.riskAnalysis?.protectiveFactors],
    ['Outcome', record.outcome],
  ] as const;
  return (
    <section aria-labelledby="record-heading" className="govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-m" id="record-heading">
        Risk analysis and outcome
      </h3>
      <dl className="govuk-summary-list">
        {rows.map(([label, text]) => (
          <SummaryRow key={label} label={label}>
            <TextOrNone text={text} none="Not recorded yet" />
          </SummaryRow>
        ))}
      </dl>
    </section>
  );
}

/**
 * The case under discussion, for every screen following the meeting: the case itself, the time spent
 * on it against its slot, and what the meeting records for it, which the live stream keeps current.
 */
export function CurrentCase({ meetingId, current, minutesPerCase, recording, agencies, today }: CurrentCaseProps) {
  const view = useMeetingCase(meetingId, current.itemId);
  return (
    <section aria-labelledby="current-case-heading" className="govuk-!-margin-bottom-8">
      {view.isPending ? (
        <Loading label="Loading the case…" />
      ) : view.isError ? (
        <QueryProblem error={view.error} subject="the case" />
      ) : (
        <>
          <span className="govuk-caption-l">
            Case {view.data.position}
            {view.data.slotStart ? `, slot from ${view.data.slotStart}` : ''}
          </span>
          <h2 className="govuk-heading-l" id="current-case-heading">
            {view.data.caseReference}: {view.data.victimName}
          </h2>
          <CaseTimer openedAt={current.openedAt} minutesPerCase={minutesPerCase} />
          <MeetingCase view={view.data} />
          {/* The server sends it to the chair and coordinator alone; a screen that does not record never draws it. */}
          {recording && view.data.heldBack ? (
            <HeldBackSection
              heading="Held back by agencies: not to be shared"
              warning="Only the chair and the coordinator see this. Do not read it out, minute it or pass it to any other agency."
              entries={view.data.heldBack}
              none={`No agency has held anything back about ${view.data.caseReference}.`}
            />
          ) : null}
          {recording ? (
            // A new case starts a new form, so nothing typed for one case is carried to the next. The two
            // forms are siblings: each key names its form as well as the case, or React could not tell them apart.
            <CaseRecordForm key={`record-${current.itemId}`} meetingId={meetingId} itemId={current.itemId} record={view.data.record} />
          ) : (
            <RecordSummary record={view.data.record} />
          )}
          <CaseActions actions={view.data.record.actions} />
          {recording ? <ActionForm key={`action-${current.itemId}`} meetingId={meetingId} itemId={current.itemId} agencies={agencies} today={today} /> : null}
        </>
      )}
    </section>
  );
}
