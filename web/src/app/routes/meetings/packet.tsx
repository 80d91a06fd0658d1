import { Id } from '@marac/shared';
import { useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { usePacket } from '../../../features/meetings/api/get-packet';
import { ResearchPacketView } from '../../../features/meetings/components/research-packet';
import { NotFoundRoute } from '../not-found';

/** One case's research packet, for the agencies invited to research it and the area's staff. */
export function PacketRoute() {
  const { meetingId = '', caseId = '' } = useParams();
  if (!Id.safeParse(meetingId).success || !Id.safeParse(caseId).success) return <NotFoundRoute />;
  return <PacketPage key={`${meetingId}/${caseId}`} meetingId={meetingId} caseId={caseId} />;
}

function PacketPage({ meetingId, caseId }: { meetingId: string; caseId: string }) {
  const packet = usePacket(meetingId, caseId);
  const back = <BackLink to={paths.meetings.detail(meetingId)}>Back to the meeting</BackLink>;
  if (packet.isPending || packet.isError) {
    return (
      <>
        {back}
        <PageHeading title="Research packet" />
        {packet.isPending ? <Loading label="Loading the research packet…" /> : <QueryProblem error={packet.error} subject="the research packet" />}
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeading title={`Research packet: ${packet.data.caseReference}`} caption={packet.data.areaName} />
      <ResearchPacketView packet={packet.data} />
    </>
  );
}
