import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { Loading } from '../../../components/ui/loading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { TableHead } from '../../../components/ui/table-head';
import { Tag } from '../../../components/ui/tag';
import { formatNumber } from '../../../lib/format';
import { useAreas } from '../api/get-areas';
import { REPEAT_ANCHOR_LABELS } from '@marac/shared';

export function AreasTable() {
  const areas = useAreas();
  if (areas.isPending) return <Loading label="Loading areas…" />;
  if (areas.isError) return <QueryProblem error={areas.error} subject="the list of areas" />;
  if (areas.data.length === 0) return <p className="govuk-body">There are no MARAC areas yet.</p>;

  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">MARAC areas</caption>
      <TableHead columns={['Area', 'Postcode districts', { label: 'Adult female population', numeric: true }, 'Referral settings', 'Status', { label: 'Actions', hidden: true }]} />
      <tbody className="govuk-table__body">
        {areas.data.map((area) => (
          <tr className="govuk-table__row" key={area.id}>
            <td className="govuk-table__cell">
              <strong>{area.name}</strong>
              <br />
              <span className="govuk-body-s">{area.code}</span>
            </td>
            <td className="govuk-table__cell">{area.postcodeDistricts.length > 0 ? area.postcodeDistricts.join(', ') : 'None'}</td>
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {area.adultFemalePopulation === null ? 'Not known' : formatNumber(area.adultFemalePopulation)}
            </td>
            <td className="govuk-table__cell govuk-body-s">
              Repeats counted from the {REPEAT_ANCHOR_LABELS[area.settings.repeatAnchor].toLowerCase()}
              <br />
              High risk at {area.settings.visibleHighRiskThreshold} ticks
              <br />
              Escalation: {area.settings.escalationIncidents} incidents in {area.settings.escalationMonths} months
            </td>
            <td className="govuk-table__cell">{area.disabledAt ? <Tag colour="grey">Disabled</Tag> : <Tag colour="green">Active</Tag>}</td>
            <td className="govuk-table__cell app-table__actions">
              <Link className="govuk-link" to={paths.admin.editArea(area.id)}>
                Change{' '}<span className="govuk-visually-hidden">{area.name}</span>
              </Link>
              <Link className="govuk-link" to={paths.admin.areaProtocol(area.id)}>
                Protocol register{' '}<span className="govuk-visually-hidden">of {area.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
