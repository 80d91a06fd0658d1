import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { useHomeSummary } from '../api/get-home-summary';
import { HomeFigures } from './home-figures';
import { UpcomingMeetings } from './upcoming-meetings';

export function HomeSummaryView() {
  const summary = useHomeSummary();
  if (summary.isPending) return <Loading label="Loading your figures…" />;
  if (summary.isError) return <QueryProblem error={summary.error} subject="your figures" />;
  return (
    <>
      <HomeFigures figures={summary.data.figures} />
      <UpcomingMeetings meetings={summary.data.upcomingMeetings} />
    </>
  );
}
