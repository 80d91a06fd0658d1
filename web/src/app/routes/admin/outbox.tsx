import { OutboxQuery } from '@marac/shared';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { OutboxFiltersForm } from '../../../features/admin/components/outbox-filters';
import { OutboxTable } from '../../../features/admin/components/outbox-table';
import { pageFrom, parseSearchParams, toSearchParams, withPage } from '../../../lib/search-params';

const PAGE_SIZE = 50;
const OutboxFilterParams = OutboxQuery.pick({ state: true });

export function OutboxRoute() {
  const [params, setParams] = useSearchParams();
  const filters = parseSearchParams(OutboxFilterParams, params);
  const page = pageFrom(params);

  return (
    <>
      <PageHeading title="Outbox" caption="Administration" />
      <p className="govuk-body">
        Notices to agency mailboxes about agendas and research, newest first. They never name a person. A notice is checked again as it goes: one whose
        recipient a bar on a case it concerns has come to name is never sent, and is kept here as not sent. A notice not yet sent can be sent again or
        cancelled.
      </p>
      <OutboxFiltersForm key={filters.state ?? ''} initial={filters} onApply={(applied) => setParams(toSearchParams(applied))} />
      <OutboxTable
        query={{ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }}
        hrefForPage={(target) => `${paths.admin.outbox}${withPage(params, target)}`}
      />
    </>
  );
}
