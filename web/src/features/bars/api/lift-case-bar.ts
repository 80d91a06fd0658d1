import { CaseBars, type LiftCaseBar } from '@marac/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiRequestError } from '../../../lib/api-client';
import { barKeys, MEETINGS_ROOT } from './bar-keys';

/** A coordinator lifts a bar recorded in error, saying why. Nothing the bar withdrew comes back by itself. */
export const liftCaseBar = ({ caseId, barId, input }: { caseId: string; barId: string; input: LiftCaseBar }) =>
  api.post(`/api/cases/${encodeURIComponent(caseId)}/bars/${encodeURIComponent(barId)}/lift`, CaseBars, input);

export function useLiftCaseBar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: liftCaseBar,
    onSuccess: (bars) => {
      queryClient.setQueryData(barKeys.case(bars.caseId), bars);
      // Agendas list the agencies barred from each case: that one is no longer.
      void queryClient.invalidateQueries({ queryKey: MEETINGS_ROOT });
    },
    onError: (error, { caseId }) => {
      // Someone lifted it first: the list is read again so it shows the bar as lifted.
      if (isApiRequestError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: barKeys.case(caseId) });
    },
  });
}
