import { AuditQuery } from '@marac/shared';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { AuditFiltersForm } from '../../../features/audit/components/audit-filters';
import { AuditTable } from '../../../features/audit/components/audit-table';
import { pageFrom, parseSearchParams, toSearchParams, withPage } from '../../../lib/search-params';

const PAGE_SIZE = 50;
const AuditFilterParams = AuditQuery.pick({ action: true, entityType: true, entityId: true, from: true, to: true });

export function AuditRoute() {
  const [params, setParams] = useSearchParams();
  const filters = parseSearchParams(AuditFilterParams, params);
  const page = pageFrom(params);

  return (
    <>
      <PageHeading title="Audit log" caption="Administration" />
      <p className="govuk-body">Every sign-in, change and look at a record, newest first. Reading this log is itself recorded.</p>
      <AuditFiltersForm
        key={JSON.stringify(filters)}
        initial={filters}
        clearTo={paths.admin.audit}
        onApply={(applied) => setParams(toSearchParams(applied))}
      />
      <AuditTable
        query={{ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }}
        hrefForPage={(target) => `${paths.admin.audit}${withPage(params, target)}`}
      />
    </>
  );
}
