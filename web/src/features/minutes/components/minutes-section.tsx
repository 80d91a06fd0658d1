import type { MeetingSummary } from '@marac/shared';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { useMinutes } from '../api/get-minutes';
import { AgencyMinutes } from './agency-minutes';
import { StaffMinutes } from './staff-minutes';

/** Who is reading: the route decides from the signed-in user's role, as features do not read the session. */
export type MinutesReader = { role: 'coordinator' } | { role: 'chair' } | { role: 'agency'; agencyName: string | null };

/** A meeting's minutes for whoever may read them, below the page's heading. */
export function MinutesSection({ meeting, reader }: { meeting: MeetingSummary; reader: MinutesReader }) {
  const minutes = useMinutes(meeting.id);
  if (minutes.isPending) return <Loading label="Loading the minutes…" />;
  if (minutes.isError) return <QueryProblem error={minutes.error} subject="the minutes" />;
  if (reader.role === 'agency') return <AgencyMinutes meeting={meeting} minutes={minutes.data} agencyName={reader.agencyName} />;
  return <StaffMinutes meeting={meeting} minutes={minutes.data} coordinator={reader.role === 'coordinator'} />;
}
