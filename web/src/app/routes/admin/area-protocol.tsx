import { useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { paths } from '../../../config/paths';
import { useProtocolRegister } from '../../../features/admin/api/get-protocol-register';
import { ProtocolRegisterWorkspace } from '../../../features/admin/components/protocol-register-workspace';

export function AreaProtocolRoute() {
  const { areaId = '' } = useParams();
  const register = useProtocolRegister(areaId);

  return (
    <>
      <BackLink to={paths.admin.areas}>Back to areas</BackLink>
      <PageHeading title="Information-sharing protocol register" caption={register.data?.areaName ?? 'Administration'} />
      <p className="govuk-body">
        Each agency serving an area signs the area’s information-sharing protocol. Only agencies with a signature that has not been withdrawn are
        invited to the area’s meetings, as a whole or for one case.
      </p>
      {register.isPending ? <Loading label="Loading the register…" /> : null}
      {register.isError ? <QueryProblem error={register.error} subject="the protocol register" /> : null}
      {register.data ? <ProtocolRegisterWorkspace register={register.data} /> : null}
    </>
  );
}
