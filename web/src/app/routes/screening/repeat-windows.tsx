import { RepeatWindowQuery } from '@marac/shared';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading';
import { useSession } from '../../../features/auth/components/require-session';
import { AreaFilter } from '../../../features/screening/components/area-filter';
import { RepeatWindowsTables } from '../../../features/screening/components/repeat-windows-tables';
import { parseSearchParams, toSearchParams } from '../../../lib/search-params';

export function RepeatWindowsRoute() {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  const parsed = parseSearchParams(RepeatWindowQuery, params);
  // An area the user no longer works in would only be refused.
  const areaId = me.areas.some((area) => area.id === parsed.areaId) ? parsed.areaId : undefined;

  return (
    <>
      <PageHeading title="Repeat windows" caption={me.areas.length === 1 ? me.areas[0]?.name : 'Your MARAC areas'} />
      {me.areas.length > 1 ? (
        <AreaFilter key={areaId ?? ''} areas={me.areas} initial={areaId} onApply={(chosen) => setParams(toSearchParams({ areaId: chosen }))} />
      ) : null}
      <RepeatWindowsTables query={{ areaId }} showArea={me.areas.length > 1 && areaId === undefined} />
    </>
  );
}
