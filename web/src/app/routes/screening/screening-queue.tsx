import { ScreeningQuery } from '@marac/shared';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { ScreeningFiltersForm, screeningSearchParams } from '../../../features/screening/components/screening-filters';
import { ScreeningTable } from '../../../features/screening/components/screening-table';
import { useAgencyDirectory } from '../../../lib/api/get-agency-directory';
import { pageFrom, parseSearchParams, withPage } from '../../../lib/search-params';

const PAGE_SIZE = 25;
const ScreeningFilterParams = ScreeningQuery.pick({
  areaId: true,
  status: true,
  urgent: true,
  repeat: true,
  referringAgencyId: true,
  olderThanDays: true,
  sort: true,
});

export function ScreeningQueueRoute() {
  const me = useSession();
  const agencies = useAgencyDirectory();
  const [params, setParams] = useSearchParams();
  const parsed = parseSearchParams(ScreeningFilterParams, params);
  // An area from an old bookmark that the user no longer screens for would only be refused.
  const filters = { ...parsed, areaId: me.areas.some((area) => area.id === parsed.areaId) ? parsed.areaId : undefined };
  const page = pageFrom(params);

  return (
    <>
      <PageHeading title="Screening" caption={me.areas.length === 1 ? me.areas[0]?.name : 'Your MARAC areas'} />
      <p className="govuk-body">Referrals waiting to be screened, oldest first unless you sort them otherwise.</p>
      <ScreeningFiltersForm
        key={JSON.stringify(filters)}
        initial={filters}
        areas={me.areas}
        agencies={agencies.data}
        clearTo={paths.screening}
        onApply={(applied) => setParams(screeningSearchParams(applied))}
      />
      <ScreeningTable
        query={{ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }}
        hrefForPage={(target) => `${paths.screening}${withPage(params, target)}`}
        showArea={me.areas.length > 1 && filters.areaId === undefined}
      />
    </>
  );
}
