import { AGENCY_KIND_LABELS } from '@marac/shared';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { useAgencies } from '../api/get-agencies';
import { useAreas } from '../api/get-areas';
import { areaNames } from './area-names';

export function AgenciesTable() {
  const agencies = useAgencies();
  const areas = useAreas();
  if (agencies.isPending) return <Loading label="Loading agencies…" />;
  if (agencies.isError) return <QueryProblem error={agencies.error} subject="the list of agencies" />;
  if (agencies.data.length === 0) return <p className="govuk-body">There are no agencies yet.</p>;

  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Agencies</caption>
      <TableHead columns={['Agency', 'Kind', 'Areas', 'Secure e-mail', 'Status', { label: 'Actions', hidden: true }]} />
      <tbody className="govuk-table__body">
        {agencies.data.map((agency) => (
          <tr className="govuk-table__row" key={agency.id}>
            <td className="govuk-table__cell">
              <strong>{agency.name}</strong>
            </td>
            <td className="govuk-table__cell">{AGENCY_KIND_LABELS[agency.kind]}</td>
            <td className="govuk-table__cell">{areaNames(agency.areaIds, areas.data)}</td>
            <td className="govuk-table__cell">{agency.secureEmail ?? 'None'}</td>
            <td className="govuk-table__cell">
              {agency.disabledAt ? <Tag colour="grey">Disabled</Tag> : <Tag colour="green">Active</Tag>}
            </td>
            <td className="govuk-table__cell app-table__actions">
              <Link className="govuk-link" to={paths.admin.editAgency(agency.id)}>
                Change{' '}<span className="govuk-visually-hidden">{agency.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
